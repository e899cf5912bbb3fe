import EarnedDomain
import EarnedServices
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// Hands a message to the shop's mail server (RFC 5321 submission): `EHLO`, `STARTTLS` or TLS
/// from the start, `AUTH PLAIN` (else `AUTH LOGIN`), `MAIL FROM`, `RCPT TO`, `DATA` with
/// dot-stuffing, `QUIT`. A 5xx to the sender, the recipient or the message is the server's
/// final refusal; anything else that stops the conversation (no connection, a timeout, a TLS
/// or sign-in problem, a 4xx) is worth trying again later. The password is never sent over a
/// connection that is not encrypted unless the owner chose a server without encryption.
public struct SMTPClient: MailTransport {
    public let group: any EventLoopGroup
    /// The name Earned gives itself in `EHLO`.
    public var heloName: String
    /// How long one whole conversation may take.
    public var timeout: TimeAmount
    public var connectTimeout: TimeAmount
    /// Certificates to trust besides the system's: a PEM file, for a server with a private CA.
    public var extraTrustRoots: String?

    public init(
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, heloName: String = "localhost",
        timeout: TimeAmount = .seconds(60), connectTimeout: TimeAmount = .seconds(15), extraTrustRoots: String? = nil
    ) {
        self.group = group
        self.heloName = heloName
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.extraTrustRoots = extraTrustRoots
    }

    public func send(_ message: String, from sender: String, to recipient: String, via endpoint: MailEndpoint)
        async throws(MailTransportError) -> String
    {
        do {
            return try await converse(endpoint) { session in
                try await session.expect("MAIL FROM:<\(sender)>", refusal: "the sender \(sender)")
                try await session.expect("RCPT TO:<\(recipient)>", refusal: "the recipient \(recipient)")
                let ready = try await session.command("DATA")
                guard ready.code == 354 else { throw session.refusal(ready, "the message") }
                let accepted = try await session.data(Self.dotStuffed(message))
                guard accepted.code == 250 else { throw session.refusal(accepted, "the message") }
                _ = try? await session.command("QUIT")
                return accepted.text
            }
        } catch let error as MailTransportError {
            throw error
        } catch {
            throw .deferred(MailConnection.describe(error, endpoint))
        }
    }

    /// Connects, signs in and quits: what the settings page's "test the connection" does before
    /// sending anything.
    public func check(_ endpoint: MailEndpoint) async throws(MailTransportError) {
        do {
            try await converse(endpoint) { session in _ = try? await session.command("QUIT") }
        } catch let error as MailTransportError {
            throw error
        } catch {
            throw .deferred(MailConnection.describe(error, endpoint))
        }
    }

    /// The message as DATA carries it: every line ending in CRLF, a line that starts with a dot
    /// given a second one (RFC 5321 §4.5.2), then the lone dot that ends it.
    static func dotStuffed(_ message: String) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(message.utf8.count + 64)
        var atLineStart = true
        var previous: UInt8 = 0
        for byte in message.utf8 {
            if byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r") { out.append(UInt8(ascii: "\r")) }
            if atLineStart && byte == UInt8(ascii: ".") { out.append(UInt8(ascii: ".")) }
            out.append(byte)
            atLineStart = byte == UInt8(ascii: "\n")
            previous = byte
        }
        if !atLineStart { out += Array("\r\n".utf8) }
        out += Array(".\r\n".utf8)
        return out
    }

    /// One conversation: connected, greeted, encrypted and signed in as `endpoint` says, then
    /// `body`; the connection is closed however it ends.
    private func converse<T: Sendable>(_ endpoint: MailEndpoint, _ body: (inout Session) async throws -> T)
        async throws -> T
    {
        let (stream, continuation) = AsyncThrowingStream<SMTPReply, any Error>.makeStream()
        let connection = try await MailConnection.open(
            endpoint, group: group, connectTimeout: connectTimeout, timeout: timeout, extraTrustRoots: extraTrustRoots
        ) { SMTPReplyDecoder(continuation) }
        let (channel, timedOut) = (connection.channel, connection.timedOut)
        defer { connection.close() }
        do {
            var session = Session(channel: channel, replies: stream.makeAsyncIterator(), timedOut: timedOut)
            let greeting = try await session.next()
            guard greeting.code == 220 else { throw session.refusal(greeting, "the connection", signIn: true) }
            var capabilities = try await session.hello(heloName)
            if endpoint.security == .startTLS {
                guard capabilities.contains(where: { $0.uppercased() == "STARTTLS" }) else {
                    throw MailTransportError.deferred(
                        "\(endpoint.host) does not offer STARTTLS; choose TLS or another port")
                }
                let go = try await session.command("STARTTLS")
                guard go.code == 220 else { throw session.refusal(go, "STARTTLS", signIn: true) }
                try await MailConnection.startTLS(connection)
                capabilities = try await session.hello(heloName)
            }
            if let user = endpoint.username, !user.isEmpty {
                try await session.signIn(user: user, password: endpoint.password ?? "", capabilities: capabilities)
            }
            return try await body(&session)
        } catch  where timedOut.withLockedValue({ $0 }) {
            // The deadline closed the connection under a read or a write.
            throw MailTransportError.deferred("the mail server did not finish in time")
        }
    }

    /// The conversation's side of one connection: writes a command, waits for its reply.
    struct Session {
        let channel: any Channel
        var replies: AsyncThrowingStream<SMTPReply, any Error>.AsyncIterator
        let timedOut: NIOLockedValueBox<Bool>

        mutating func next() async throws -> SMTPReply {
            guard let reply = try await replies.next() else {
                throw MailTransportError.deferred(
                    timedOut.withLockedValue { $0 }
                        ? "the mail server did not finish in time" : "the mail server closed the connection")
            }
            return reply
        }

        mutating func command(_ line: String) async throws -> SMTPReply {
            try await write(Array((line + "\r\n").utf8))
            return try await next()
        }

        mutating func data(_ bytes: [UInt8]) async throws -> SMTPReply {
            try await write(bytes)
            return try await next()
        }

        private func write(_ bytes: [UInt8]) async throws {
            try await channel.writeAndFlush(channel.allocator.buffer(bytes: bytes))
        }

        /// A command that must be answered 250 (or 251, "will forward").
        mutating func expect(_ line: String, refusal what: String) async throws {
            let reply = try await command(line)
            guard reply.code == 250 || reply.code == 251 else { throw refusal(reply, what) }
        }

        /// `EHLO`, or `HELO` from a server too old for it; answers the extensions offered.
        mutating func hello(_ name: String) async throws -> [String] {
            let reply = try await command("EHLO \(name)")
            if reply.code == 250 { return Array(reply.lines.dropFirst()) }
            let old = try await command("HELO \(name)")
            guard old.code == 250 else { throw refusal(old, "the greeting", signIn: true) }
            return []
        }

        mutating func signIn(user: String, password: String, capabilities: [String]) async throws {
            let mechanisms = Set(
                capabilities.filter { $0.uppercased().hasPrefix("AUTH") }.flatMap {
                    $0.dropFirst(5).uppercased().split(separator: " ").map(String.init)
                })
            func base64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }
            if mechanisms.contains("PLAIN") {
                let reply = try await command("AUTH PLAIN " + base64("\0\(user)\0\(password)"))
                guard reply.code == 235 else { throw refusal(reply, "the sign-in", signIn: true) }
            } else if mechanisms.contains("LOGIN") {
                var reply = try await command("AUTH LOGIN")
                if reply.code == 334 { reply = try await command(base64(user)) }
                if reply.code == 334 { reply = try await command(base64(password)) }
                guard reply.code == 235 else { throw refusal(reply, "the sign-in", signIn: true) }
            } else {
                throw MailTransportError.deferred(
                    "the mail server offers no sign-in Earned speaks (PLAIN or LOGIN)"
                        + (mechanisms.isEmpty ? " on this connection; it may want TLS" : ""))
            }
        }

        /// A reply that stops the conversation: a 5xx to the sender, recipient or message is
        /// the server's final word; a refused connection or sign-in, and any 4xx, may pass
        /// (the owner fixes the settings, the server recovers), so it is tried again.
        func refusal(_ reply: SMTPReply, _ what: String, signIn: Bool = false) -> MailTransportError {
            let said = "\(what): \(reply.text)"
            return reply.isPermanent && !signIn ? .refused(said) : .deferred(said)
        }
    }
}
