import EarnedFormats
import EarnedServices
import EarnedTestSupport
import Foundation
import Testing

@testable import EarnedChannels

@Suite("SMTP: messages handed to a real server on loopback, refusals and failures told apart")
struct SMTPClientTests {
    // Generous: the whole suite starts at once on two cores, and a deadline counts time spent waiting for one.
    let client = SMTPClient(heloName: "earned.test", timeout: .seconds(240), connectTimeout: .seconds(30))

    func message(to address: String = "anna@example.ru", text: String = "Здравствуйте, Анна!\n.\n..точки\nВсё.")
        throws -> String
    {
        try MailMessage(
            from: .init(name: "Кофейня «Зерно»", address: "hello@zerno.example"),
            to: .init(name: "Анна Смирнова", address: address), subject: "Как вам наш кофе?", text: text,
            html: "<p>Здравствуйте!</p>", date: Date(timeIntervalSince1970: 1_796_000_000),
            messageID: "\(UUID().uuidString)@zerno.example", automatic: true
        ).rendered(boundary: "=_earned_test")
    }

    @Test("DATA is dot-stuffed, every line ends in CRLF and the lone dot closes it")
    func dotStuffing() {
        let stuffed = String(decoding: SMTPClient.dotStuffed(".one\r\ntwo\n..three\r\n."), as: UTF8.self)
        #expect(stuffed == "..one\r\ntwo\r\n...three\r\n..\r\n.\r\n")
        #expect(String(decoding: SMTPClient.dotStuffed("a\r\n"), as: UTF8.self) == "a\r\n.\r\n")
    }

    @Test("a message arrives byte for byte, lines starting with a dot included", .enabled(if: MailServer.available))
    func delivers() async throws {
        let server = try MailServer()
        let bytes = try message()
        let reply = try await client.send(
            bytes, from: "hello@zerno.example", to: "anna@example.ru",
            via: .init(host: "127.0.0.1", port: server.port, security: .none))
        #expect(reply.hasPrefix("250"))
        let delivered = try #require(server.delivered(to: "anna@example.ru").first)
        #expect(
            String(decoding: delivered, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
                == bytes.replacingOccurrences(of: "\r\n", with: "\n"))
    }

    @Test(
        "a refused recipient is refused with the server's words; a 4xx is deferred", .enabled(if: MailServer.available))
    func refusals() async throws {
        let server = try MailServer()
        let endpoint = MailEndpoint(host: "127.0.0.1", port: server.port, security: .none)
        await #expect(
            throws: MailTransportError.refused("the recipient refuse@example.ru: 550 5.1.1 No such mailbox here")
        ) {
            try await client.send(try message(), from: "hello@zerno.example", to: "refuse@example.ru", via: endpoint)
        }
        let later = try message(to: "later@example.ru")
        do {
            _ = try await client.send(later, from: "hello@zerno.example", to: "later@example.ru", via: endpoint)
            Issue.record("a 451 was taken as sent")
        } catch {
            #expect(!error.isPermanent)
            #expect(error.description.contains("451"))
        }
        #expect(server.delivered(to: "refuse@example.ru").isEmpty)
    }

    @Test("sign-in: the right password sends, a wrong one is deferred with the 535", .enabled(if: MailServer.available))
    func signIn() async throws {
        let server = try MailServer(user: "shop", password: "пароль-1")
        var endpoint = MailEndpoint(
            host: "127.0.0.1", port: server.port, security: .none, username: "shop", password: "пароль-1")
        try await client.check(endpoint)
        _ = try await client.send(try message(), from: "hello@zerno.example", to: "anna@example.ru", via: endpoint)
        #expect(server.delivered(to: "anna@example.ru").count == 1)
        endpoint.password = "wrong"
        do {
            try await client.check(endpoint)
            Issue.record("a wrong password signed in")
        } catch {
            #expect(!error.isPermanent)
            #expect(error.description.contains("sign-in") && error.description.contains("535"))
        }
    }

    @Test(
        "STARTTLS and TLS from the start; a certificate not trusted is not talked to",
        .enabled(if: MailServer.available))
    func tls() async throws {
        let server = try MailServer(user: "shop", password: "secret", tls: true)
        var trusting = client
        trusting.extraTrustRoots = server.certificate
        let starttls = MailEndpoint(
            host: "localhost", port: server.port, security: .startTLS, username: "shop", password: "secret")
        _ = try await trusting.send(try message(), from: "hello@zerno.example", to: "anna@example.ru", via: starttls)
        let implicit = MailEndpoint(
            host: "localhost", port: server.tlsPort, security: .tls, username: "shop", password: "secret")
        _ = try await trusting.send(try message(), from: "hello@zerno.example", to: "anna@example.ru", via: implicit)
        #expect(server.delivered(to: "anna@example.ru").count == 2)
        do {
            try await client.check(implicit)
            Issue.record("a self-signed certificate was trusted")
        } catch {
            #expect(!error.isPermanent)
            #expect(error.description.contains("TLS"))
        }
    }

    @Test("a closed port and an unknown host are deferred in words")
    func unreachable() async throws {
        // A port nothing listens on: bind one, then let it go.
        let endpoint = MailEndpoint(host: "127.0.0.1", port: 9, security: .none)
        do {
            try await client.check(endpoint)
            Issue.record("a closed port answered")
        } catch {
            #expect(error == .deferred("127.0.0.1:9 refused the connection"))
        }
        do {
            try await client.check(.init(host: "no-such-host.invalid", port: 25, security: .none))
            Issue.record("an unknown host answered")
        } catch {
            #expect(!error.isPermanent)
            #expect(error.description.contains("no-such-host.invalid"))
        }
    }
}
