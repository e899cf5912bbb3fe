import EarnedDomain
import EarnedFormats
import EarnedServices
import EarnedTestSupport
import Foundation
import Testing

@testable import EarnedChannels

@Suite("IMAP: the shop's mailbox read from a real Dovecot on loopback, left as it was")
struct IMAPClientTests {
    // Generous: the whole suite starts at once on two cores, and a deadline counts time spent waiting for one.
    let reader = IMAPClient(timeout: .seconds(240), connectTimeout: .seconds(30))
    let smtp = SMTPClient(heloName: "earned.test", timeout: .seconds(240), connectTimeout: .seconds(30))
    static let shop = "shop@zerno.example"
    /// Not plain ASCII: sent as a literal.
    static let password = "пароль с пробелом"

    func endpoint(_ server: MailServer, password: String = Self.password) -> MailEndpoint {
        MailEndpoint(host: "127.0.0.1", port: server.imapPort, security: .none, username: Self.shop, password: password)
    }

    /// A customer's mail handed to the SMTP server for the shop's mailbox.
    func deliver(_ server: MailServer, subject: String, text: String) async throws -> String {
        let message = try MailMessage(
            from: .init(name: "Анна Смирнова", address: "anna@example.ru"), to: .init(address: Self.shop),
            subject: subject, text: text, date: Date(), messageID: "\(UUID().uuidString)@example.ru"
        ).rendered(boundary: "=_test")
        _ = try await smtp.send(
            message, from: "anna@example.ru", to: Self.shop,
            via: .init(host: "127.0.0.1", port: server.port, security: .none))
        return message
    }

    @Test(
        "the first look only marks where the mailbox stands; then each new message once, oldest first",
        .enabled(if: MailServer.imapAvailable))
    func newMailOnce() async throws {
        let server = try MailServer(imapUsers: [Self.shop: Self.password])
        let before = try await deliver(server, subject: "Старое письмо", text: "До подключения Earned.")
        let first = try await reader.fetch(endpoint(server), folder: "INBOX", after: nil, limit: 50, sizeLimit: 1 << 20)
        #expect(first.messages.isEmpty)
        #expect(first.position.lastUID == 1)
        #expect(!before.isEmpty)
        let one = try await deliver(server, subject: "Где мой заказ?", text: "Здравствуйте!\n.\nЖду с понедельника.")
        let two = try await deliver(server, subject: "И ещё вопрос", text: "Можно ли забрать сегодня?")
        let next = try await reader.fetch(
            endpoint(server), folder: "INBOX", after: first.position, limit: 50, sizeLimit: 1 << 20)
        #expect(next.messages.map(\.uid) == [2, 3])
        #expect(next.messages.allSatisfy { $0.complete })
        let got = next.messages.map { String(decoding: $0.bytes, as: UTF8.self) }
        #expect(got[0].hasSuffix(one.components(separatedBy: "\r\n\r\n").last ?? "-"))
        #expect(IncomingMail(parsing: next.messages[1].bytes).subject == "И ещё вопрос")
        _ = two
        #expect(next.position == MailboxPosition(uidValidity: first.position.uidValidity, lastUID: 3))
        let again = try await reader.fetch(
            endpoint(server), folder: "INBOX", after: next.position, limit: 50, sizeLimit: 1 << 20)
        #expect(again.messages.isEmpty && again.position == next.position)
        // A limit takes the oldest first; the rest come next time.
        let limited = try await reader.fetch(
            endpoint(server), folder: "INBOX", after: first.position, limit: 1, sizeLimit: 1 << 20)
        #expect(limited.messages.map(\.uid) == [2] && limited.position.lastUID == 2)
        // Another UIDVALIDITY: the folder was made anew; nothing is read, the position moves.
        let renewed = try await reader.fetch(
            endpoint(server), folder: "INBOX", after: MailboxPosition(uidValidity: 1, lastUID: 0), limit: 50,
            sizeLimit: 1 << 20)
        #expect(renewed.messages.isEmpty && renewed.position == next.position)
    }

    @Test("a message over the size limit comes as its header only", .enabled(if: MailServer.imapAvailable))
    func sizeLimit() async throws {
        let server = try MailServer(imapUsers: [Self.shop: Self.password])
        let start = try await reader.fetch(endpoint(server), folder: "INBOX", after: nil, limit: 50, sizeLimit: 1 << 20)
        _ = try await deliver(
            server, subject: "Фото чека", text: String(repeating: "Очень длинное письмо. ", count: 500))
        let fetched = try await reader.fetch(
            endpoint(server), folder: "INBOX", after: start.position, limit: 50, sizeLimit: 2_000)
        let message = try #require(fetched.messages.first)
        #expect(!message.complete && message.size > 2_000 && message.bytes.count < 2_000)
        #expect(IncomingMail(parsing: message.bytes).subject == "Фото чека")
    }

    @Test("a wrong password or folder is said in the server's words", .enabled(if: MailServer.imapAvailable))
    func refusals() async throws {
        let server = try MailServer(imapUsers: [Self.shop: Self.password])
        try await reader.check(endpoint(server), folder: "INBOX")
        do {
            try await reader.check(endpoint(server, password: "wrong"), folder: "INBOX")
            Issue.record("a wrong password signed in")
        } catch {
            #expect(error.description.hasPrefix("the sign-in:"))
        }
        do {
            try await reader.check(endpoint(server), folder: "Нет такой")
            Issue.record("a missing folder opened")
        } catch {
            #expect(error.description.hasPrefix("the folder Нет такой:"))
        }
    }

    @Test("a literal that breaks a response is read whole")
    func literals() {
        #expect(IMAPResponseDecoder.literalSize("* 1 FETCH (UID 5 BODY[] {1234}") == 1234)
        #expect(IMAPResponseDecoder.literalSize("* 1 FETCH (UID 5 BODY[] {12+}") == 12)
        #expect(IMAPResponseDecoder.literalSize("* OK [UIDNEXT 4] {x}") == nil)
        #expect(IMAPResponseDecoder.literalSize("* OK done") == nil)
        let response = IMAPResponse(line: "* 3 FETCH (UID 42 RFC822.SIZE 100)", literals: [])
        #expect(response.number(after: "UID") == 42 && response.number(after: "RFC822.SIZE") == 100)
        #expect(IMAPResponse(line: "e3 NO [AUTHENTICATIONFAILED] no", literals: []).status == "NO")
        #expect(IMAPResponse(line: "* OK [UIDVALIDITY 7] ok", literals: []).number(after: "[UIDVALIDITY") == 7)
    }
}
