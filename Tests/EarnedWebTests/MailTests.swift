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

/// A mail server stand-in for tests that are about Earned's side: it records what it was handed
/// and answers as told (the SMTP conversation itself is tested against a real server in
/// EarnedChannelsTests).
actor RecordingMailTransport: MailTransport {
    struct Sent: Sendable {
        var message: String
        var from: String
        var to: String
        var endpoint: MailEndpoint
    }

    private(set) var sent: [Sent] = []
    private(set) var checks: [MailEndpoint] = []
    /// What the server says to a recipient; nil: accepted.
    var answer: @Sendable (String) -> MailTransportError? = { _ in nil }

    func answering(_ rule: @escaping @Sendable (String) -> MailTransportError?) { answer = rule }

    func send(_ message: String, from sender: String, to recipient: String, via endpoint: MailEndpoint)
        async throws(MailTransportError) -> String
    {
        if let refusal = answer(recipient) { throw refusal }
        sent.append(Sent(message: message, from: sender, to: recipient, endpoint: endpoint))
        return "250 2.0.0 Queued as \(sent.count)"
    }

    func check(_ endpoint: MailEndpoint) async throws(MailTransportError) {
        checks.append(endpoint)
        if endpoint.password != "app-password" { throw .deferred("the sign-in: 535 5.7.8 Authentication failed") }
    }
}

@Suite("E-mail out: the owner's settings, the outbox, greetings and survey links by the shop's own mail")
struct MailTests {
    static let password = "app-password"

    func setUp(_ app: Application, _ f: Fixture, location: LocationID? = nil) async throws -> RecordingMailTransport {
        let transport = RecordingMailTransport()
        app.mailTransport = transport
        try await MailActions(db: app.db, transport: transport, secrets: app.secretBox, logger: app.logger)
            .saveOutgoing(
                OutgoingMailServerDraft(
                    host: "smtp.zerno.example", security: "starttls", username: "hello@zerno.example",
                    password: Self.password, fromAddress: "hello@zerno.example", fromName: "Кофейня «Зерно»"),
                location: location, actor: f.owner, now: testNow)
        return transport
    }

    @Test("the owner saves the server on the page: checked at once, the password sealed and never shown back")
    func settingsPage() async throws {
        try await withEarnedApp { app, f in
            let transport = RecordingMailTransport()
            app.mailTransport = transport
            let owner = try await app.session(for: f.owner)
            let page = try await app.send(.GET, "/settings/mail", cookie: owner.cookie)
            #expect(page.status == .ok)
            #expect(page.text.contains("name=\"host\""))
            // Bad input: every field named, the form shown again with what was typed.
            let bad = try await app.send(
                .POST, "/settings/mail", cookie: owner.cookie,
                form: [
                    "_csrf": owner.csrf, "host": "smtp zerno", "port": "70000", "security": "ssl",
                    "from_address": "not-an-address", "from_name": "Зерно",
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("smtp zerno") && bad.text.contains("not-an-address"))
            #expect(try await app.settingsDocument("mail") == nil)
            let saved = try await app.send(
                .POST, "/settings/mail", cookie: owner.cookie,
                form: [
                    "_csrf": owner.csrf, "host": "smtp.zerno.example", "port": "", "security": "starttls",
                    "username": "hello@zerno.example", "password": Self.password, "from_address": "Hello@Zerno.example",
                    "from_name": "Кофейня «Зерно»",
                ])
            #expect(saved.status == .ok)
            #expect(saved.text.contains("вошёл") || saved.text.contains("signed in"))
            #expect(!saved.text.contains(Self.password))
            let check = try #require(await transport.checks.last)
            #expect(check.password == Self.password && check.port == 587 && check.security == .startTLS)
            let document = try #require(try await app.settingsDocument("mail"))
            #expect(!document.contains(Self.password) && document.contains("v1:"))
            let settings = try await SettingsStore(db: app.db).mail()
            #expect(settings.outgoing(for: f.north.id)?.fromAddress == "hello@zerno.example")
            // Saved again without a password: the stored one stays; a wrong one says why.
            let again = try await app.send(
                .POST, "/settings/mail", cookie: owner.cookie,
                form: [
                    "_csrf": owner.csrf, "host": "smtp.zerno.example", "port": "465", "security": "tls",
                    "username": "hello@zerno.example", "password": "", "from_address": "hello@zerno.example",
                ])
            #expect(await transport.checks.last?.password == Self.password)
            #expect(await transport.checks.last?.port == 465)
            #expect(again.text.contains("пароль") || again.text.contains("Password"))
            let wrong = try await app.send(
                .POST, "/settings/mail", cookie: owner.cookie,
                form: [
                    "_csrf": owner.csrf, "host": "smtp.zerno.example", "security": "tls", "password": "wrong",
                    "from_address": "hello@zerno.example",
                ])
            #expect(wrong.text.contains("535"))
            // Only the owner.
            let manager = try await app.session(for: f.manager)
            #expect(try await app.send(.GET, "/settings/mail", cookie: manager.cookie).status == .forbidden)
            #expect(
                try await app.send(
                    .POST, "/settings/mail", cookie: manager.cookie,
                    form: ["_csrf": manager.csrf, "host": "evil.example", "from_address": "x@evil.example"]
                ).status == .forbidden)
            #expect(try await SettingsStore(db: app.db).mail().outgoing(for: nil)?.host == "smtp.zerno.example")
        }
    }

    @Test("the API sets the server by field, never shows the password, and sends a test with the server's answer")
    func api() async throws {
        try await withEarnedApp { app, f in
            let transport = RecordingMailTransport()
            app.mailTransport = transport
            let token = f.token(f.owner)
            let bad = try await app.send(
                .PATCH, "/api/v1/settings/mail", token: token,
                json: #"{"outgoing": {"host": "smtp.zerno.example", "port": 0, "from_address": "nope"}}"#)
            #expect(bad.status == .unprocessableEntity && bad.isProblem)
            #expect(Set(bad.problemFields) == ["outgoing.port", "outgoing.from_address"])
            let unknown = try await app.send(
                .PATCH, "/api/v1/settings/mail", token: token,
                json:
                    #"{"location_id": "\#(UUID().uuidString)", "outgoing": {"host": "a.example", "from_address": "a@a.example"}}"#
            )
            #expect(unknown.problemFields == ["location_id"])
            let set = try await app.send(
                .PATCH, "/api/v1/settings/mail", token: token,
                json: """
                    {"location_id": "\(f.south.id)", "outgoing": {"host": "smtp.south.example", "security": "tls",
                     "username": "south", "password": "\(Self.password)", "from_address": "south@zerno.example"}}
                    """)
            #expect(set.status == .ok)
            #expect(!set.text.contains(Self.password))
            let account = try #require((try set.json()["accounts"] as? [[String: Any]])?.first)
            let outgoing = try #require(account["outgoing"] as? [String: Any])
            #expect(outgoing["has_password"] as? Bool == true && outgoing["port"] as? Int == 465)
            // North has no server (neither has the business): a test from there is refused.
            let none = try await app.send(
                .POST, "/api/v1/settings/mail/test", token: token,
                json: #"{"location_id": "\#(f.north.id)", "to": "owner@zerno.example"}"#)
            #expect(none.status == .conflict)
            let noAddress = try await app.send(
                .POST, "/api/v1/settings/mail/test", token: token, json: #"{"location_id": "\#(f.south.id)"}"#)
            #expect(noAddress.problemFields == ["to"])
            let test = try await app.send(
                .POST, "/api/v1/settings/mail/test", token: token,
                json: #"{"location_id": "\#(f.south.id)", "to": "owner@zerno.example"}"#)
            #expect(test.status == .ok)
            let body = try test.json()
            #expect(body["status"] as? String == "sent" && (body["last_result"] as? String)?.hasPrefix("250") == true)
            let sent = try #require(await transport.sent.first)
            #expect(sent.to == "owner@zerno.example" && sent.from == "south@zerno.example")
            #expect(sent.endpoint.host == "smtp.south.example" && sent.endpoint.password == Self.password)
            #expect(sent.message.contains("Subject: =?UTF-8?B?") && sent.message.contains("multipart/alternative"))
            let log = try await app.send(.GET, "/api/v1/messages", token: token)
            #expect((try JSONSerialization.jsonObject(with: Data(log.text.utf8)) as? [[String: Any]])?.count == 1)
            #expect(try await app.send(.GET, "/api/v1/messages", token: f.token(f.manager)).status == .forbidden)
            #expect(try await app.send(.GET, "/api/v1/messages?status=lost", token: token).problemFields == ["status"])
            // Removing the location's server.
            let removed = try await app.send(
                .PATCH, "/api/v1/settings/mail", token: token,
                json: #"{"location_id": "\#(f.south.id)", "outgoing": null}"#)
            #expect((try removed.json()["accounts"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("a survey link to a customer who consented to e-mail goes by the shop's mail, not a gateway or a task")
    func surveyByMail() async throws {
        try await withEarnedApp { app, f in
            let transport = try await setUp(app, f)
            let surveys = SurveyTests()
            _ = try await surveys.definition(app, f)
            let anna = try await surveys.customer(app, f, name: "Анна", consent: .email)
            _ = try await surveys.deliver(app, f, anna, at: testNow - 2 * 3600)
            let report = try await Tick(app: app).run(now: testNow)
            // The survey link now; the day-1 follow-up of the order waits for tomorrow.
            #expect(report.mailQueued == 2 && report.mail.sent == 1)
            let sent = try #require(await transport.sent.first)
            #expect(sent.to == anna.contacts.first { $0.channel == .email }?.value)
            #expect(sent.message.contains("Auto-Submitted: auto-generated"))
            let link = try #require(
                sent.message.replacingOccurrences(of: "=\r\n", with: "")
                    .firstMatch(of: /\/s\/([A-Za-z0-9_-]{43})/)?.1)
            #expect(try await app.send(.GET, "/s/\(link)").status == .ok)
            #expect(
                try await TaskRepository(db: app.db).open(assignee: f.northStaff.id).allSatisfy {
                    $0.kind != .surveySend
                })
            let message = try #require(
                try await OutboxStore(db: app.db).messages(to: anna.id).first { $0.kind == .survey })
            #expect(
                message.status == .sent
                    && message.messageID?.hasSuffix("@zerno.example") == true)
            // The customer's story shows the e-mail and that it was sent.
            let owner = try await app.session(for: f.owner)
            let story = try await app.send(.GET, "/customers/\(anna.id)", cookie: owner.cookie)
            #expect(story.text.contains("Письмо · опрос") || story.text.contains("E-mail · survey"))
            #expect(story.text.contains("Как мы справились?"))
            // Another pass sends nothing again.
            #expect(try await Tick(app: app).run(now: testNow + 60).mail.sent == 0)
            #expect(await transport.sent.count == 1)
        }
    }

    @Test(
        "through a real SMTP server: the survey link arrives in the customer's mailbox, in Russian, and opens the survey",
        .enabled(if: MailServer.available))
    func surveyThroughRealServer() async throws {
        let server = try MailServer()
        try await withEarnedApp { app, f in
            try await MailActions(db: app.db, transport: app.mailTransport, secrets: app.secretBox, logger: app.logger)
                .saveOutgoing(
                    OutgoingMailServerDraft(
                        host: "127.0.0.1", port: server.port, security: "none", fromAddress: "hello@zerno.example",
                        fromName: "Кофейня «Зерно»"), location: nil, actor: f.owner, now: testNow)
            let surveys = SurveyTests()
            _ = try await surveys.definition(app, f)
            let anna = try await surveys.customer(app, f, name: "Анна", consent: .email)
            _ = try await surveys.deliver(app, f, anna, at: testNow - 2 * 3600)
            #expect(try await Tick(app: app).run(now: testNow).mail.sent == 1)
            let address = try #require(anna.contacts.first { $0.channel == .email }?.value)
            let bytes = try #require(server.delivered(to: address).first)
            let mail = IncomingMail(parsing: Array(bytes))
            #expect(mail.subject == "Как мы справились?")
            #expect(mail.from?.name == "Кофейня «Зерно»" && mail.from?.address == "hello@zerno.example")
            #expect(mail.html?.contains("<a href=") == true)
            let text = try #require(mail.text)
            #expect(text.hasPrefix("Здравствуйте, Анна!"))
            let link = try #require(text.firstMatch(of: /\/s\/([A-Za-z0-9_-]{43})/)?.1)
            #expect(try await app.send(.GET, "/s/\(link)").status == .ok)
            let message = try #require(try await OutboxStore(db: app.db).messages(to: anna.id).first)
            #expect(mail.messageID == message.messageID && message.lastResult?.hasPrefix("250") == true)
        }
    }

    @Test("the unsubscribe link: opening it asks; one click withdraws e-mail consent once; nothing more goes by e-mail")
    func unsubscribe() async throws {
        try await withEarnedApp { app, f in
            let transport = try await setUp(app, f)
            let surveys = SurveyTests()
            _ = try await surveys.definition(app, f)
            let anna = try await surveys.customer(app, f, name: "Анна", consent: .email)
            _ = try await surveys.deliver(app, f, anna, at: testNow - 2 * 3600)
            _ = try await Tick(app: app).run(now: testNow)
            let sent = try #require(await transport.sent.first).message
            let header = try #require(sent.firstMatch(of: /List-Unsubscribe: <[^>]*\/u\/([A-Za-z0-9_-]{43})>/))
            let token = String(header.1)
            #expect(sent.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"))
            #expect(sent.replacingOccurrences(of: "=\r\n", with: "").contains("/u/\(token)"))
            // Opening the link (as a mail scanner would) changes nothing.
            let page = try await app.send(.GET, "/u/\(token)")
            #expect(page.status == .ok && page.text.contains("<form"))
            #expect(try await CustomerRepository(db: app.db).get(anna.id, actor: f.owner).mayContact(via: .email))
            #expect(try await app.send(.GET, "/u/\(String(repeating: "x", count: 43))").status == .notFound)
            // A pending mail of hers waits in the outbox.
            try await OutboxStore(db: app.db).enqueue([
                OutboundMessage(
                    id: UUID(), key: "greeting:test", kind: .greeting, channel: .email, customerID: anna.id,
                    address: "1@example.ru", subject: "С праздником!", text: "…", language: "ru",
                    nextAttemptAt: testNow + 3600, createdAt: testNow)
            ])
            // The mail program's one-click POST: no session, no CSRF token.
            let click = try await app.send(.POST, "/u/\(token)", rawBody: "List-Unsubscribe=One-Click")
            #expect(click.status == .ok)
            let after = try await CustomerRepository(db: app.db).get(anna.id, actor: f.owner)
            #expect(!after.mayContact(via: .email))
            #expect(after.consent(for: .email)?.source == "unsubscribe link in an e-mail")
            #expect(after.mayContact(via: .sms) == anna.mayContact(via: .sms))
            let waiting = try #require(try await OutboxStore(db: app.db).message(key: "greeting:test"))
            #expect(waiting.status == .failed && waiting.lastResult == "the customer unsubscribed")
            // Once: a second click records nothing more.
            #expect(try await app.send(.POST, "/u/\(token)", rawBody: "List-Unsubscribe=One-Click").status == .ok)
            #expect(try await CustomerRepository(db: app.db).get(anna.id, actor: f.owner).consents.count == 2)
            // The next survey link is not e-mailed.
            _ = try await surveys.deliver(app, f, anna, at: testNow + 3600)
            _ = try await Tick(app: app).run(now: testNow + 3 * 3600)
            #expect(await transport.sent.count == 1)
        }
    }

    @Test("a refused survey mail is kept with the server's reason and becomes a task to send by hand")
    func refusedBecomesTask() async throws {
        try await withEarnedApp { app, f in
            let transport = try await setUp(app, f)
            await transport.answering { _ in .refused("the recipient: 550 5.1.1 No such mailbox here") }
            let surveys = SurveyTests()
            _ = try await surveys.definition(app, f)
            let anna = try await surveys.customer(app, f, name: "Анна", consent: .email)
            _ = try await surveys.deliver(app, f, anna, at: testNow - 2 * 3600)
            let report = try await Tick(app: app).run(now: testNow)
            #expect(report.mail.refused == 1)
            let message = try #require(try await OutboxStore(db: app.db).messages(to: anna.id).first)
            #expect(message.status == .refused && message.lastResult?.contains("550 5.1.1") == true)
            let owner = try await app.session(for: f.owner)
            let story = try await app.send(.GET, "/customers/\(anna.id)", cookie: owner.cookie)
            #expect(story.text.contains("550 5.1.1"))
            let task = try #require(
                try await TaskRepository(db: app.db).open(assignee: f.northStaff.id).first { $0.kind == .surveySend })
            #expect(task.subject?.id == message.subjectID)
        }
    }

    @Test("a server that is down: retried with backoff, nothing lost, sent once it answers")
    func retries() async throws {
        try await withEarnedApp { app, f in
            let transport = try await setUp(app, f)
            await transport.answering { _ in .deferred("smtp.zerno.example:587 refused the connection") }
            let surveys = SurveyTests()
            _ = try await surveys.definition(app, f)
            let anna = try await surveys.customer(app, f, name: "Анна", consent: .email)
            _ = try await surveys.deliver(app, f, anna, at: testNow - 2 * 3600)
            #expect(try await Tick(app: app).run(now: testNow).mail.deferred == 1)
            var message = try #require(try await OutboxStore(db: app.db).messages(to: anna.id).first)
            #expect(message.status == .pending && message.attempts == 1)
            let next = try #require(message.nextAttemptAt)
            #expect(next >= testNow + 30 && next <= testNow + 34)
            // Not before its time.
            #expect(try await Tick(app: app).run(now: testNow + 10).mail.deferred == 0)
            #expect(try await Tick(app: app).run(now: next + 1).mail.deferred == 1)
            await transport.answering { _ in nil }
            message = try #require(try await OutboxStore(db: app.db).messages(to: anna.id).first)
            #expect(try await Tick(app: app).run(now: try #require(message.nextAttemptAt) + 1).mail.sent == 1)
            message = try #require(try await OutboxStore(db: app.db).messages(to: anna.id).first)
            #expect(message.status == .sent && message.attempts == 3)
            #expect(await transport.sent.count == 1)
        }
    }

    @Test("two instances claim the same due mail: it goes once")
    func claimedOnce() async throws {
        try await withEarnedApp { app, f in
            let transport = try await setUp(app, f)
            let outbox = OutboxStore(db: app.db)
            let messages = (0..<12).map { i in
                OutboundMessage(
                    id: UUID(), key: "test:claim:\(i)", kind: .test, channel: .email, address: "c\(i)@example.ru",
                    subject: "Проверка", text: "Текст", language: "ru", nextAttemptAt: testNow, createdAt: testNow)
            }
            #expect(try await outbox.enqueue(messages + messages).count == 12)
            let sender = MailSender(db: app.db, transport: transport, secrets: app.secretBox, logger: app.logger)
            async let one = sender.sendDue(now: testNow, limit: 7)
            async let two = sender.sendDue(now: testNow, limit: 7)
            let (a, b) = try await (one, two)
            #expect(a.sent + b.sent == 12)
            let recipients = await transport.sent.map(\.to)
            #expect(recipients.count == 12 && Set(recipients).count == 12)
        }
    }

    @Test("a pass that has talked to servers long enough gives back what is left, untried, for the next pass")
    func passBudget() async throws {
        try await withEarnedApp { app, f in
            let transport = try await setUp(app, f)
            let outbox = OutboxStore(db: app.db)
            try await outbox.enqueue(
                (0..<5).map { i in
                    OutboundMessage(
                        id: UUID(), key: "test:budget:\(i)", kind: .test, channel: .email, address: "b\(i)@example.ru",
                        subject: "Проверка", text: "Текст", language: "ru", nextAttemptAt: testNow, createdAt: testNow)
                })
            var sender = MailSender(db: app.db, transport: transport, secrets: app.secretBox, logger: app.logger)
            sender.passBudget = .zero
            #expect(try await sender.sendDue(now: testNow).sent == 1)
            let left = try await outbox.recent(status: .pending)
            #expect(left.count == 4 && left.allSatisfy { $0.attempts == 0 })
            // Released, not held: the next pass (on any instance) takes them at once.
            sender.passBudget = .seconds(240)
            #expect(try await sender.sendDue(now: testNow + 1).sent == 4)
        }
    }

    @Test("a greeting by e-mail goes at its time, and its task is done when the server accepts it")
    func greetingByMail() async throws {
        try await withEarnedApp { app, f in
            let transport = try await setUp(app, f)
            let morning = testNow
            let anna = try await CustomerRepository(db: app.db).create(
                CustomerDraft(
                    name: "Анна Смирнова", emails: ["anna@example.ru"],
                    dates: [
                        CustomerDate(
                            kind: .birthday,
                            date: LocalDate(
                                year: 1990, month: Self.monthDay(morning, f).0, day: Self.monthDay(morning, f).1))
                    ],
                    consents: [Consent(channel: .email, given: true, at: testNow - 86_400, source: "form")],
                    ownerID: f.northStaff.id, homeLocationID: f.north.id), actor: f.owner, now: testNow - 86_400)
            var report = Tick.Report()
            let location = try #require(try await LocationRepository(db: app.db).find(f.north.id))
            let (zone, date) = try #require(Tick.greetingDay(at: location, now: morning))
            let candidates = try await GreetingCandidates(db: app.db).load(
                location: location, date: date, holidays: .standard, budget: .standard, now: morning)
            let created = try await Tick.greet(
                candidates, on: date, at: location, zone: zone, .standard, now: morning, on: app.db, report: &report)
            let task = try #require(created.first { $0.customerID == anna.id })
            #expect(report.mailQueued == 1)
            // No gateway is asked about it.
            #expect(try await WebhookStore(db: app.db).deliveries().allSatisfy { $0.eventKind != .greetingDue })
            _ = try await MailSender(db: app.db, transport: transport, secrets: app.secretBox, logger: app.logger)
                .sendDue(now: task.dueAt + 1)
            #expect(await transport.sent.first?.to == "anna@example.ru")
            let done = try #require(try await TaskRepository(db: app.db).withKey(task.key))
            #expect(done.status == .done && done.completedByID == nil)
        }
    }

    @Test("an after-sale follow-up to a customer who consented to e-mail goes by the shop's mail; its task is done")
    func followUpByMail() async throws {
        try await withEarnedApp { app, f in
            let transport = try await setUp(app, f)
            let anna = try await CustomerRepository(db: app.db).create(
                CustomerDraft(
                    name: "Анна Смирнова", emails: ["anna@example.ru"],
                    consents: [Consent(channel: .email, given: true, at: testNow - 86_400 * 10, source: "form")],
                    ownerID: f.northStaff.id, homeLocationID: f.north.id), actor: f.owner, now: testNow - 86_400 * 10)
            let context = ServiceContext(db: app.db, now: testNow - 86_400 * 7, currency: "RUB")
            let order = try await OrderActions.record(
                OrderDraft(
                    customerID: anna.id, sellerID: f.northStaff.id, locationID: f.north.id,
                    placedAt: testNow - 86_400 * 7 - 3600, amountMinorUnits: 100_000,
                    deliveredAt: testNow - 86_400 * 7), actor: f.owner, in: context)
            // The day-1 and day-7 follow-ups fall due; each goes by e-mail, none to a gateway.
            let report = try await Tick(app: app).run(now: testNow)
            #expect(report.mailQueued >= 1)
            let queued = try await OutboxStore(db: app.db).messages(to: anna.id).filter { $0.kind == .followUp }
            #expect(!queued.isEmpty && queued.allSatisfy { $0.channel == .email && $0.address == "anna@example.ru" })
            #expect(try await WebhookStore(db: app.db).deliveries().allSatisfy { $0.eventKind != .messageRequested })
            _ = try await Tick(app: app).run(now: testNow + 60)
            let mails = await transport.sent.filter { $0.to == "anna@example.ru" }
            #expect(mails.count == queued.count)
            #expect(mails.allSatisfy { $0.message.contains("List-Unsubscribe:") })
            for step in [FollowUpStep.day(1), .day(7)] {
                let task = try await TaskRepository(db: app.db).withKey(
                    PlannedFollowUp.taskKey(order: order.id, step: step))
                #expect(task?.status == .done, "\(step)")
            }
        }
    }

    /// Anna, who consented to e-mail a day ago, a customer of the north location's seller.
    static func annaByMail(_ app: Application, _ f: Fixture) async throws -> Customer {
        try await CustomerRepository(db: app.db).create(
            CustomerDraft(
                name: "Анна Смирнова", emails: ["anna@example.ru"],
                consents: [Consent(channel: .email, given: true, at: testNow - 86_400, source: "form")],
                ownerID: f.northStaff.id, homeLocationID: f.north.id), actor: f.owner, now: testNow - 86_400)
    }

    static func monthDay(_ date: Date, _ f: Fixture) -> (Int, Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: f.north.timeZone) ?? .gmt
        let parts = calendar.dateComponents([.month, .day], from: date)
        return (parts.month ?? 1, parts.day ?? 1)
    }
}

extension Application {
    /// The stored JSON of one settings key, as it lies in the database.
    func settingsDocument(_ key: String) async throws -> String? {
        let sql = try db.sql
        return try await sql.raw("SELECT document FROM settings WHERE key = \(bind: key)").first()?
            .decode(column: "document", as: String.self)
    }
}

/// A password-reset link by e-mail: asked for from the sign-in page, or sent from the staff page.
@Suite("Password reset by e-mail")
struct PasswordResetMailTests {
    @Test("asked for on the sign-in page: the link goes to the person, the same answer for anyone, tries limited")
    func forgot() async throws {
        try await withEarnedApp { app, f in
            var browser = Browser()
            // Without mail, the page says to ask the owner.
            let before = try await browser.get(app, "/sign-in/forgot")
            #expect(before.status == .ok && before.text.contains("владельца"))
            let transport = try await MailTests().setUp(app, f)
            let signIn = try await browser.get(app, "/sign-in")
            #expect(signIn.text.contains("/sign-in/forgot"))
            _ = try await browser.get(app, "/sign-in/forgot")
            let bad = try await browser.post(app, "/sign-in/forgot", ["email": "not an address"])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("aria-invalid=\"true\""))
            let asked = try await browser.post(app, "/sign-in/forgot", ["email": f.northStaff.email.uppercased()])
            #expect(asked.status == .ok)
            let mail = try #require(await transport.sent.first)
            #expect(mail.to == f.northStaff.email)
            let token = try #require(
                mail.message.replacingOccurrences(of: "=\r\n", with: "").firstMatch(of: /\/reset\/([A-Za-z0-9_-]{43})/)?
                    .1)
            #expect(try await app.send(.GET, "/reset/\(token)").status == .ok)
            // The outbox keeps the message without its link.
            let kept = try #require(try await OutboxStore(db: app.db).recent().first { $0.kind == .passwordReset })
            #expect(kept.status == .sent && !kept.text.contains(String(token)))
            // An address nobody has: the same answer, no mail.
            let nobody = try await browser.post(app, "/sign-in/forgot", ["email": "nobody@zerno.example"])
            #expect(nobody.status == .ok && nobody.text == asked.text)
            #expect(await transport.sent.count == 1)
            // Tries are limited.
            var last = nobody
            for _ in 0..<5 { last = try await browser.post(app, "/sign-in/forgot", ["email": "x@zerno.example"]) }
            #expect(last.status == .tooManyRequests)
        }
    }

    @Test("the owner sends the link from the staff page; the page says where it went")
    func fromTheStaffPage() async throws {
        try await withEarnedApp { app, f in
            let transport = try await MailTests().setUp(app, f)
            let owner = try await app.session(for: f.owner)
            let page = try await app.send(.GET, "/staff/\(f.northStaff.id)", cookie: owner.cookie)
            #expect(page.text.contains(f.northStaff.email) && page.text.contains("name=\"send\""))
            let sent = try await app.send(
                .POST, "/staff/\(f.northStaff.id)/reset-link", cookie: owner.cookie,
                form: ["_csrf": owner.csrf, "send": "email"])
            #expect(sent.status == .ok && sent.text.contains("Ссылка отправлена"))
            #expect(!sent.text.contains("id=\"reset-link\""))
            #expect(await transport.sent.first?.to == f.northStaff.email)
        }
    }
}

/// A resolved case's "is it solved?" link to its customer.
@Suite("Case confirmation by the customer's link")
struct CaseConfirmationTests {
    @Test("a resolved case asks its customer by e-mail; 'solved' closes it as theirs, once; 'not yet' reopens it")
    func confirmAndReopen() async throws {
        try await withEarnedApp { app, f in
            let transport = try await MailTests().setUp(app, f)
            let anna = try await MailTests.annaByMail(app, f)
            let boris = try await CustomerRepository(db: app.db).create(
                CustomerDraft(name: "Борис", phones: ["+7 900 123-45-02"], homeLocationID: f.north.id), actor: f.owner,
                now: testNow - 86_400)
            let cases = CaseRepository(db: app.db)
            let first = try await cases.open(
                ServiceCaseDraft(customerID: anna.id, title: "Скрипит дверца", source: .complaint),
                actor: f.northStaff, now: testNow - 3600)
            let token = f.token(f.northStaff)
            func resolve(_ id: CaseID) async throws {
                let done = try await app.send(
                    .POST, "/api/v1/cases/\(id)/actions", token: token, json: #"{"action": "resolve"}"#)
                #expect(done.status == .ok, "\(done.text)")
            }
            try await resolve(first.id)
            _ = try await Tick(app: app).run(now: testNow + 60)
            let mail = try #require(await transport.sent.first)
            #expect(mail.to == "anna@example.ru")
            let link = try #require(
                mail.message.replacingOccurrences(of: "=\r\n", with: "").firstMatch(of: /\/c\/([A-Za-z0-9_-]{43})/)?.1)
            // Opening it changes nothing.
            var browser = Browser()
            let page = try await browser.get(app, "/c/\(link)")
            #expect(page.status == .ok && page.text.contains("Скрипит дверца") && page.text.contains("not_yet"))
            #expect(try await cases.get(first.id, actor: f.owner).status == .resolved)
            // "Solved": the case closes, confirmed by the customer herself.
            let solved = try await browser.post(app, "/c/\(link)", ["answer": "solved"])
            #expect(solved.status == .ok && solved.text.contains("Спасибо"))
            let closed = try await cases.get(first.id, actor: f.owner)
            #expect(closed.status == .closed && closed.confirmedAt != nil)
            #expect(closed.events.last.map { $0.kind == .confirmed && $0.byID == nil } == true)
            // Once only.
            let again = try await browser.post(app, "/c/\(link)", ["answer": "not_yet"])
            #expect(again.status == .ok)
            #expect(try await cases.get(first.id, actor: f.owner).status == .closed)
            #expect(try await app.send(.GET, "/c/\(String(repeating: "x", count: 43))").status == .notFound)
            // "Not yet" reopens the next case with her words.
            let second = try await cases.open(
                ServiceCaseDraft(customerID: anna.id, title: "Не работает гарантия", source: .complaint),
                actor: f.northStaff, now: testNow - 1800)
            try await resolve(second.id)
            _ = try await Tick(app: app).run(now: testNow + 180)
            let secondMail = try #require(await transport.sent.last)
            let secondLink = try #require(
                secondMail.message.replacingOccurrences(of: "=\r\n", with: "")
                    .firstMatch(of: /\/c\/([A-Za-z0-9_-]{43})/)?.1)
            _ = try await browser.get(app, "/c/\(secondLink)")
            let notYet = try await browser.post(
                app, "/c/\(secondLink)", ["answer": "not_yet", "reason": "Мастер так и не пришёл"])
            #expect(notYet.status == .ok)
            let reopened = try await cases.get(second.id, actor: f.owner)
            #expect(reopened.status == .open && reopened.reopenCount == 1)
            // A customer Earned cannot reach itself is asked by a person: no message.
            let third = try await cases.open(
                ServiceCaseDraft(customerID: boris.id, title: "Сломан замок", source: .complaint),
                actor: f.northStaff, now: testNow - 1200)
            try await resolve(third.id)
            #expect(
                try await OutboxStore(db: app.db).recent().filter { $0.kind == .caseConfirmation }.count == 2)
        }
    }
}

/// An incident recorded with a message for its customers.
@Suite("Incident outreach by the shop's own channels")
struct IncidentOutreachTests {
    @Test("the message goes to the customers Earned can reach, closing their task; the rest stay calls")
    func outreach() async throws {
        try await withEarnedApp { app, f in
            let transport = try await MailTests().setUp(app, f)
            let anna = try await MailTests.annaByMail(app, f)
            let boris = try await CustomerRepository(db: app.db).create(
                CustomerDraft(
                    name: "Борис", phones: ["+7 900 123-45-02"], ownerID: f.northStaff.id, homeLocationID: f.north.id),
                actor: f.owner, now: testNow - 86_400)
            let token = f.token(f.manager)
            let long = String(repeating: "я", count: 2001)
            let bad = try await app.send(
                .POST, "/api/v1/incidents", token: token,
                json: #"{"scope": {"kind": "customers", "customer_ids": ["\#(anna.id)"]}, "message": "\#(long)"}"#)
            #expect(bad.status == .unprocessableEntity && Set(bad.problemFields) == ["message", "title"])
            #expect(try await app.count("incidents") == 0)
            let made = try await app.send(
                .POST, "/api/v1/incidents", token: token,
                json: #"""
                    {"title": "Брак партии кофе", "scope": {"kind": "customers", "customer_ids": ["\#(anna.id)", "\#(boris.id)"]},
                     "message": "В партии кофе, которую вы купили, нашли брак. Мы заменим пачку или вернём деньги — просто ответьте на это письмо."}
                    """#)
            #expect(made.status == .created, "\(made.text)")
            _ = try await Tick(app: app).run(now: testNow + 60)
            let mail = try #require(await transport.sent.first { $0.to == "anna@example.ru" })
            let text = IncomingMail(parsing: Array(mail.message.utf8)).text ?? ""
            #expect(text.contains("Здравствуйте, Анна!") && text.contains("нашли брак"))
            let tasks = try await TaskRepository(db: app.db).open().filter { $0.kind == .outreach }
            #expect(tasks.compactMap(\.customerID) == [boris.id])
            #expect(await transport.sent.count == 1)
            // The delivered message told her, when it went.
            let report = try #require(try await IncidentRepository(db: app.db).list(actor: f.manager).first)
            #expect(report.affected.first { $0.customerID == anna.id }?.outcome == .toldFirst)
            #expect(report.affected.first { $0.customerID == boris.id }?.outcome == .pending)
        }
    }
}
