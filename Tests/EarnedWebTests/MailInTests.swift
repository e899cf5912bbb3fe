import EarnedDomain
import EarnedFormats
import EarnedServices
import EarnedTestSupport
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import EarnedStore
@testable import EarnedWeb

/// A mailbox stand-in for tests about Earned's side of reading mail: it holds messages by UID
/// and answers as an IMAP server would (the IMAP conversation itself is tested against Dovecot
/// in EarnedChannelsTests).
actor RecordingMailbox: MailboxReader {
    private(set) var messages: [[UInt8]] = []
    private(set) var reads = 0
    let validity: UInt64 = 42

    func deliver(_ bytes: [UInt8]) { messages.append(bytes) }

    func fetch(
        _ endpoint: MailEndpoint, folder: String, after position: MailboxPosition?, limit: Int, sizeLimit: Int
    ) async throws(MailTransportError) -> MailboxFetch {
        reads += 1
        guard endpoint.password == MailInTests.password else {
            throw .deferred("the sign-in: NO [AUTHENTICATIONFAILED]")
        }
        guard let position, position.uidValidity == validity else {
            return MailboxFetch(position: .init(uidValidity: validity, lastUID: UInt64(messages.count)), messages: [])
        }
        let new = messages.enumerated().map { (UInt64($0.offset + 1), $0.element) }.filter { $0.0 > position.lastUID }
            .prefix(limit)
        return MailboxFetch(
            position: .init(uidValidity: validity, lastUID: new.last?.0 ?? position.lastUID),
            messages: new.map {
                FetchedMail(uid: $0.0, size: $0.1.count, bytes: $0.1, complete: $0.1.count <= sizeLimit)
            })
    }

    func check(_ endpoint: MailEndpoint, folder: String) async throws(MailTransportError) {
        guard endpoint.password == MailInTests.password else {
            throw .deferred("the sign-in: NO [AUTHENTICATIONFAILED]")
        }
    }
}

@Suite("E-mail in: the shop's mailbox becomes contacts, replies go in the thread, answers join it")
struct MailInTests {
    static let password = "imap-password"

    /// A customer's mail in Windows-1251, base64, with a file.
    static func windows1251Mail(messageID: String, inReplyTo: String? = nil, subject: String, text: String) -> [UInt8] {
        let body = text.data(using: .windowsCP1251)!.base64EncodedString()
        let file = Data("%PDF-1.4 чек".utf8).base64EncodedString()
        let subjectWord = "=?windows-1251?B?" + subject.data(using: .windowsCP1251)!.base64EncodedString() + "?="
        var headers = [
            "From: =?windows-1251?B?" + "Анна Смирнова".data(using: .windowsCP1251)!.base64EncodedString()
                + "?= <Anna@Example.ru>",
            "To: shop@zerno.example", "Subject: \(subjectWord)", "Date: Mon, 07 Dec 2026 09:15:00 +0300",
            "Message-ID: <\(messageID)>", "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"b1\"",
        ]
        if let inReplyTo { headers += ["In-Reply-To: <\(inReplyTo)>", "References: <\(inReplyTo)>"] }
        let text =
            headers.joined(separator: "\r\n") + "\r\n\r\n--b1\r\nContent-Type: text/plain; charset=windows-1251\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n\(body)\r\n--b1\r\n"
            + "Content-Type: application/pdf; name=\"receipt.pdf\"\r\nContent-Disposition: attachment; filename=\"receipt.pdf\"\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n\(file)\r\n--b1--\r\n"
        return Array(text.utf8)
    }

    func setUp(_ app: Application, _ f: Fixture) async throws -> (RecordingMailTransport, RecordingMailbox) {
        let transport = try await MailTests().setUp(app, f)
        let mailbox = RecordingMailbox()
        app.mailboxReader = mailbox
        try await MailActions(
            db: app.db, transport: transport, secrets: app.secretBox, logger: app.logger, reader: mailbox
        ).saveIncoming(
            IncomingMailServerDraft(
                host: "imap.zerno.example", username: "shop@zerno.example", password: Self.password),
            location: f.north.id, actor: f.owner, now: testNow)
        return (transport, mailbox)
    }

    @Test("a customer's mail becomes a contact of theirs; the reply goes in the thread; their answer joins it")
    func conversation() async throws {
        try await withEarnedApp { app, f in
            let (transport, mailbox) = try await setUp(app, f)
            let anna = try await CustomerRepository(db: app.db).create(
                CustomerDraft(
                    name: "Анна Смирнова", emails: ["anna@example.ru"],
                    consents: [Consent(channel: .email, given: true, at: testNow - 86_400, source: "form")],
                    ownerID: f.northStaff.id, homeLocationID: f.north.id), actor: f.owner, now: testNow - 86_400)
            // Mail from before Earned was connected is not read.
            await mailbox.deliver(Self.windows1251Mail(messageID: "old@example.ru", subject: "Старое", text: "Давно."))
            var report = try await Tick(app: app).run(now: testNow - 300)
            #expect(report.mailboxes.mailboxes == 1 && report.mailboxes.newContacts == 0)
            await mailbox.deliver(
                Self.windows1251Mail(
                    messageID: "first@example.ru", subject: "Где мой заказ?", text: "Здравствуйте! Заказ №12 не пришёл."
                ))
            report = try await Tick(app: app).run(now: testNow - 240)
            #expect(report.mailboxes.newContacts == 1)
            let contacts = try await ContactRepository(db: app.db).unresolved(locations: nil)
            let contact = try #require(contacts.first)
            #expect(contacts.count == 1)
            #expect(contact.channel == .email && contact.customerID == anna.id && contact.locationID == f.north.id)
            #expect(contact.subject == "Где мой заказ?" && contact.body == "Здравствуйте! Заказ №12 не пришёл.")
            #expect(contact.fromAddress == "Anna@Example.ru" && contact.ownerID == f.northStaff.id)
            var thread = try await MailThreadStore(db: app.db).messages(of: contact.id)
            let file = try #require(thread.first?.attachments.first)
            #expect(file.filename == "receipt.pdf" && file.kept && thread.first?.fromName == "Анна Смирнова")
            // The seller sees the conversation and the file; a colleague elsewhere does not.
            let seller = try await app.session(for: f.northStaff)
            let page = try await app.send(.GET, "/contacts/\(contact.id)", cookie: seller.cookie)
            #expect(page.text.contains("Заказ №12") && page.text.contains("receipt.pdf"))
            #expect(page.text.contains("name=\"text\""))
            let download = try await app.send(
                .GET, "/contacts/\(contact.id)/files/\(file.id.uuidString.lowercased())", cookie: seller.cookie)
            #expect(download.status == .ok && download.body.string == "%PDF-1.4 чек")
            #expect(download.headers.first(name: .contentDisposition)?.hasPrefix("attachment") == true)
            let south = try await app.session(for: f.southStaff)
            #expect(
                try await app.send(
                    .GET, "/contacts/\(contact.id)/files/\(file.id.uuidString.lowercased())", cookie: south.cookie
                ).status == .notFound)
            // An empty reply is refused by field and changes nothing.
            let empty = try await app.send(
                .POST, "/contacts/\(contact.id)/reply", cookie: seller.cookie,
                form: ["_csrf": seller.csrf, "text": " "])
            #expect(empty.status == .unprocessableEntity)
            #expect(try await OutboxStore(db: app.db).recent().isEmpty)
            // The reply: in the thread, and the contact counts as answered.
            let replied = try await app.send(
                .POST, "/contacts/\(contact.id)/reply", cookie: seller.cookie,
                form: ["_csrf": seller.csrf, "text": "Анна, заказ приедет завтра до 12:00. Простите за ожидание."])
            #expect(replied.status == .seeOther)
            #expect(try await ContactRepository(db: app.db).get(contact.id, actor: f.owner).firstResponseAt == testNow)
            report = try await Tick(app: app).run(now: testNow + 120)
            #expect(report.mail.sent == 1)
            let sent = try #require(await transport.sent.first)
            #expect(sent.to == "anna@example.ru")
            #expect(sent.message.contains("In-Reply-To: <first@example.ru>"))
            #expect(sent.message.contains("References: <first@example.ru>"))
            let reply = try #require(try await OutboxStore(db: app.db).recent().first)
            #expect(reply.kind == .reply && reply.subject == "Re: Где мой заказ?" && reply.status == .sent)
            #expect(!sent.message.contains("Auto-Submitted"))
            // Her answer to the reply joins the same contact.
            await mailbox.deliver(
                Self.windows1251Mail(
                    messageID: "second@example.ru", inReplyTo: reply.messageID, subject: "Re: Где мой заказ?",
                    text: "Спасибо, жду."))
            report = try await Tick(app: app).run(now: testNow + 180)
            #expect(report.mailboxes.joined == 1 && report.mailboxes.newContacts == 0)
            thread = try await MailThreadStore(db: app.db).messages(of: contact.id)
            #expect(thread.map(\.direction) == [.inbound, .outbound, .inbound])
            #expect(try await ContactRepository(db: app.db).unresolved(locations: nil).count == 1)
            // Nothing is read twice.
            #expect(try await Tick(app: app).run(now: testNow + 240).mailboxes.newContacts == 0)
            #expect(try await app.count("contact_messages") == 3)
            // The API shows the conversation to whoever may see the contact.
            let api = try await app.send(.GET, "/api/v1/contacts/\(contact.id)/messages", token: f.token(f.northStaff))
            #expect((try JSONSerialization.jsonObject(with: Data(api.text.utf8)) as? [[String: Any]])?.count == 3)
            #expect(
                try await app.send(.GET, "/api/v1/contacts/\(contact.id)/messages", token: f.token(f.southStaff)).status
                    == .notFound)
            // Erasing her clears her mail: its words, names, addresses and files; the times stay.
            try await CustomerRepository(db: app.db).erase(anna.id, actor: f.owner, now: testNow + 300)
            let erased = try await MailThreadStore(db: app.db).messages(of: contact.id)
            #expect(erased.count == 3)
            #expect(erased.allSatisfy { $0.text.isEmpty && $0.fromAddress == nil && $0.attachments.isEmpty })
            #expect(try await app.count("contact_attachments") == 0)
            #expect(
                try await OutboxStore(db: app.db).messages(to: anna.id).allSatisfy {
                    $0.address.isEmpty && $0.text.isEmpty
                })
        }
    }

    @Test("mail from an unknown address is a contact without a customer; a resolved contact reopens on an answer")
    func unknownAndReopened() async throws {
        try await withEarnedApp { app, f in
            let (_, mailbox) = try await setUp(app, f)
            _ = try await Tick(app: app).run(now: testNow)
            await mailbox.deliver(
                Self.windows1251Mail(messageID: "x1@example.ru", subject: "Вопрос", text: "Есть ли доставка?"))
            _ = try await Tick(app: app).run(now: testNow + 60)
            let contact = try #require(try await ContactRepository(db: app.db).unresolved(locations: nil).first)
            #expect(contact.customerID == nil && contact.ownerID == nil)
            _ = try await ContactRepository(db: app.db).change(
                contact.id, actor: f.owner, now: testNow + 120, summary: ""
            ) { (c: inout InboundContact) throws(DomainError) in try c.resolve(at: testNow + 120, by: f.owner.id) }
            await mailbox.deliver(
                Self.windows1251Mail(
                    messageID: "x2@example.ru", inReplyTo: "x1@example.ru", subject: "Re: Вопрос", text: "И ещё одно."))
            _ = try await Tick(app: app).run(now: testNow + 180)
            let reopened = try await ContactRepository(db: app.db).get(contact.id, actor: f.owner)
            #expect(!reopened.isResolved)
            #expect(try await app.count("inbound_contacts") == 1)
        }
    }

    @Test("the owner sets the mailbox on the page; a wrong password is said; the API never shows the password")
    func settings() async throws {
        try await withEarnedApp { app, f in
            let mailbox = RecordingMailbox()
            app.mailboxReader = mailbox
            app.mailTransport = RecordingMailTransport()
            let owner = try await app.session(for: f.owner)
            let missing = try await app.send(
                .POST, "/settings/mail", cookie: owner.cookie,
                form: [
                    "_csrf": owner.csrf, "action": "incoming", "in_host": "imap.zerno.example", "in_folder": "Входящие",
                ])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.text.contains("Входящие"))
            let wrong = try await app.send(
                .POST, "/settings/mail", cookie: owner.cookie,
                form: [
                    "_csrf": owner.csrf, "action": "incoming", "in_host": "imap.zerno.example",
                    "in_username": "shop@zerno.example", "in_password": "nope", "in_security": "tls",
                ])
            #expect(wrong.text.contains("AUTHENTICATIONFAILED"))
            let right = try await app.send(
                .POST, "/settings/mail", cookie: owner.cookie,
                form: [
                    "_csrf": owner.csrf, "action": "incoming", "in_host": "imap.zerno.example",
                    "in_username": "shop@zerno.example", "in_password": Self.password, "in_security": "tls",
                ])
            #expect(right.status == .ok && !right.text.contains(Self.password))
            #expect(right.text.contains("открыл папку") || right.text.contains("opened the folder"))
            let api = try await app.send(.GET, "/api/v1/settings/mail", token: f.token(f.owner))
            #expect(api.text.contains("\"port\":993") && !api.text.contains(Self.password))
            let bad = try await app.send(
                .PATCH, "/api/v1/settings/mail", token: f.token(f.owner),
                json: #"{"incoming": {"host": "imap zerno", "username": ""}}"#)
            #expect(Set(bad.problemFields) == ["incoming.host", "incoming.username"])
            let off = try await app.send(
                .PATCH, "/api/v1/settings/mail", token: f.token(f.owner), json: #"{"incoming": null}"#)
            #expect(off.status == .ok && !off.text.contains("imap.zerno.example"))
        }
    }

    /// A customer's mail as Python's email package writes it in KOI8-R, quoted-printable, with a
    /// file whose name is Cyrillic (RFC 2231).
    static func koi8Mail(messageID: String, inReplyTo: String?, subject: String, text: String) throws -> [UInt8] {
        try MailServer.runPython(
            """
            import sys
            from email.message import EmailMessage
            from email.policy import SMTP
            m = EmailMessage(policy=SMTP)
            m['From'] = 'Анна Смирнова <anna@example.ru>'
            m['To'] = 'shop@zerno.example'
            m['Subject'] = \(Self.pythonString(subject))
            m['Message-ID'] = '<\(messageID)>'
            \(inReplyTo.map { "m['In-Reply-To'] = '<\($0)>'\nm['References'] = '<\($0)>'" } ?? "")
            m.set_content(\(Self.pythonString(text)), charset='koi8-r', cte='quoted-printable')
            m.add_attachment(b'%PDF-1.4 receipt', maintype='application', subtype='pdf', filename='чек.pdf')
            sys.stdout.buffer.write(m.as_bytes())
            """)
    }

    static func pythonString(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }

    @Test(
        "through real servers: KOI8-R and Windows-1251 mail become contacts; the reply reaches the customer's mailbox in the thread; her answer joins",
        .enabled(if: MailServer.imapAvailable))
    func realServers() async throws {
        let server = try MailServer(imapUsers: ["shop@zerno.example": Self.password])
        try await withEarnedApp { app, f in
            let actions = MailActions(
                db: app.db, transport: app.mailTransport, secrets: app.secretBox, logger: app.logger,
                reader: app.mailboxReader)
            try await actions.saveOutgoing(
                OutgoingMailServerDraft(
                    host: "127.0.0.1", port: server.port, security: "none", fromAddress: "shop@zerno.example",
                    fromName: "Кофейня «Зерно»"), location: nil, actor: f.owner, now: testNow - 900)
            try await actions.saveIncoming(
                IncomingMailServerDraft(
                    host: "127.0.0.1", port: server.imapPort, security: "none", username: "shop@zerno.example",
                    password: Self.password), location: nil, actor: f.owner, now: testNow - 900)
            #expect(try await actions.checkIncoming(location: nil, actor: f.owner) == nil)
            let anna = try await CustomerRepository(db: app.db).create(
                CustomerDraft(
                    name: "Анна Смирнова", emails: ["anna@example.ru"], ownerID: f.northStaff.id,
                    homeLocationID: f.north.id), actor: f.owner, now: testNow - 86_400)
            #expect(try await Tick(app: app).run(now: testNow - 600).mailboxes.mailboxes == 1)
            let smtp = app.mailTransport
            let customerSide = MailEndpoint(host: "127.0.0.1", port: server.port, security: .none)
            let koi8 = try Self.koi8Mail(
                messageID: "koi8@example.ru", inReplyTo: nil, subject: "Где мой заказ?",
                text: "Здравствуйте! Заказ 12 ещё не пришёл.")
            #expect(koi8.contains(UInt8(ascii: "=")) && !String(decoding: koi8, as: UTF8.self).contains("Здравствуйте"))
            _ = try await smtp.send(
                String(decoding: koi8, as: UTF8.self), from: "anna@example.ru", to: "shop@zerno.example",
                via: customerSide)
            _ = try await smtp.send(
                String(
                    decoding: Self.windows1251Mail(
                        messageID: "cp1251@example.ru", subject: "Доставка", text: "Возите ли вы в Берёзовский?"),
                    as: UTF8.self), from: "boris@example.ru", to: "shop@zerno.example", via: customerSide)
            let read = try await Tick(app: app).run(now: testNow - 300)
            #expect(read.mailboxes.newContacts == 2)
            let contacts = try await ContactRepository(db: app.db).unresolved(locations: nil)
            let hers = try #require(contacts.first { $0.subject == "Где мой заказ?" })
            #expect(contacts.allSatisfy { $0.customerID == anna.id })
            #expect(hers.subject == "Где мой заказ?" && hers.body == "Здравствуйте! Заказ 12 ещё не пришёл.")
            let file = try #require(
                try await MailThreadStore(db: app.db).messages(of: hers.id).first?.attachments.first)
            #expect(file.filename == "чек.pdf" && file.kept)
            let other = try #require(contacts.first { $0.subject == "Доставка" })
            #expect(other.body == "Возите ли вы в Берёзовский?")
            // The reply, written on the page, reaches her mailbox in the same thread.
            try await MailReply.send(
                "Анна, заказ приедет завтра до 12:00.", to: hers.id, actor: f.northStaff, now: testNow, on: app.db)
            #expect(try await Tick(app: app).run(now: testNow + 60).mail.sent == 1)
            let delivered = try #require(server.delivered(to: "anna@example.ru").first)
            let reply = IncomingMail(parsing: Array(delivered))
            #expect(reply.inReplyTo == "koi8@example.ru" && reply.references == ["koi8@example.ru"])
            #expect(reply.subject == "Re: Где мой заказ?" && reply.text == "Анна, заказ приедет завтра до 12:00.")
            // Her answer to it joins the contact.
            let answer = try Self.koi8Mail(
                messageID: "koi8-2@example.ru", inReplyTo: try #require(reply.messageID), subject: "Re: Где мой заказ?",
                text: "Спасибо!")
            _ = try await smtp.send(
                String(decoding: answer, as: UTF8.self), from: "anna@example.ru", to: "shop@zerno.example",
                via: customerSide)
            let joined = try await Tick(app: app).run(now: testNow + 120)
            #expect(joined.mailboxes.joined == 1 && joined.mailboxes.newContacts == 0)
            let thread = try await MailThreadStore(db: app.db).messages(of: hers.id)
            #expect(thread.map(\.direction) == [.inbound, .outbound, .inbound])
            #expect(thread.last?.text == "Спасибо!")
        }
    }
}

@Suite("E-mail in: a new customer for an unknown sender, as the owner chose")
struct MailNewCustomerTests {
    static func mail(from: String, id: String, extra: String = "") -> [UInt8] {
        Array(
            ("From: \(from)\r\nTo: shop@zerno.example\r\nSubject: Вопрос\r\nMessage-ID: <\(id)>\r\n\(extra)"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nЕсть ли доставка?\r\n").utf8)
    }

    @Test("on: a person's mail makes a customer with their name and address; an auto-reply is left alone")
    func newCustomers() async throws {
        try await withEarnedApp { app, f in
            let (_, mailbox) = try await MailInTests().setUp(app, f)
            let on = try await app.send(
                .PATCH, "/api/v1/settings/mail", token: f.token(f.owner), json: #"{"new_customers": true}"#)
            #expect(on.status == .ok && on.text.contains("\"new_customers\":true"))
            _ = try await Tick(app: app).run(now: testNow)
            await mailbox.deliver(
                Self.mail(from: "=?utf-8?B?0J7Qu9GM0LPQsA==?= <olga@example.ru>", id: "n1@example.ru"))
            await mailbox.deliver(
                Self.mail(
                    from: "Robot <robot@example.ru>", id: "n2@example.ru", extra: "Auto-Submitted: auto-replied\r\n"))
            let report = try await Tick(app: app).run(now: testNow + 60)
            // The auto-reply is left alone: no contact, no customer.
            #expect(report.mailboxes.automatic == 1 && report.mailboxes.newContacts == 1)
            let contacts = try await ContactRepository(db: app.db).unresolved(locations: nil)
            #expect(contacts.count == 1)
            let olga = try #require(contacts.first { $0.fromAddress == "olga@example.ru" })
            let customer = try #require(
                try await olga.customerID.asyncMap { try await CustomerRepository(db: app.db).byIDs([$0])[$0] } ?? nil)
            #expect(customer.name == "Ольга" && customer.emails == ["olga@example.ru"])
            #expect(customer.homeLocationID == f.north.id && customer.consents.isEmpty)
            // Her next mail finds her: no second customer.
            let before = try await app.count("customers")
            await mailbox.deliver(Self.mail(from: "olga@example.ru", id: "n3@example.ru"))
            _ = try await Tick(app: app).run(now: testNow + 120)
            #expect(try await app.count("customers") == before)
            let again = try await ContactRepository(db: app.db).unresolved(locations: nil).filter {
                $0.customerID == customer.id
            }
            #expect(again.count == 2)
        }
    }
}
