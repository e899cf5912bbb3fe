import EarnedDomain
import EarnedServices
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// Reads the shop's mailbox over IMAP (RFC 9051, and IMAP4rev1 servers): TLS from the start or
/// `STARTTLS`, `LOGIN` (strings that are not plain ASCII sent as literals), `EXAMINE` (read-only,
/// so no flag changes), `UID SEARCH` past the last UID taken, `UID FETCH` of sizes, then of each
/// message (`BODY.PEEK[]`, or its header alone when over the size limit), `LOGOUT`. Nothing in
/// the mailbox is marked read, moved or deleted.
public struct IMAPClient: MailboxReader {
    public let group: any EventLoopGroup
    public var timeout: TimeAmount
    public var connectTimeout: TimeAmount
    /// Certificates to trust besides the system's: a PEM file, for a server with a private CA.
    public var extraTrustRoots: String?

    public init(
        group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton, timeout: TimeAmount = .seconds(120),
        connectTimeout: TimeAmount = .seconds(15), extraTrustRoots: String? = nil
    ) {
        self.group = group
        self.timeout = timeout
        self.connectTimeout = connectTimeout
        self.extraTrustRoots = extraTrustRoots
    }

    public func fetch(
        _ endpoint: MailEndpoint, folder: String, after position: MailboxPosition?, limit: Int, sizeLimit: Int
    ) async throws(MailTransportError) -> MailboxFetch {
        do {
            return try await converse(endpoint) { session in
                let state = try await session.examine(folder)
                let highest: UInt64
                if let next = state.uidNext {
                    highest = next > 0 ? next - 1 : 0
                } else {
                    highest = try await session.searchUIDs(from: 1).max() ?? 0
                }
                guard let position, position.uidValidity == state.uidValidity else {
                    try? await session.logout()
                    return MailboxFetch(
                        position: MailboxPosition(uidValidity: state.uidValidity, lastUID: highest), messages: [])
                }
                let uids = Array(
                    try await session.searchUIDs(from: position.lastUID + 1).filter { $0 > position.lastUID }.sorted()
                        .prefix(max(1, limit)))
                var messages: [FetchedMail] = []
                if !uids.isEmpty {
                    let sizes = try await session.sizes(uids)
                    for uid in uids {
                        let size = sizes[uid] ?? 0
                        let whole = size <= sizeLimit
                        guard let bytes = try await session.body(uid, headerOnly: !whole) else { continue }
                        messages.append(FetchedMail(uid: uid, size: size, bytes: bytes, complete: whole))
                    }
                }
                try? await session.logout()
                let last = uids.last ?? position.lastUID
                return MailboxFetch(
                    position: MailboxPosition(uidValidity: state.uidValidity, lastUID: max(last, position.lastUID)),
                    messages: messages)
            }
        } catch let error as MailTransportError {
            throw error
        } catch {
            throw .deferred(MailConnection.describe(error, endpoint))
        }
    }

    public func check(_ endpoint: MailEndpoint, folder: String) async throws(MailTransportError) {
        do {
            try await converse(endpoint) { session in
                _ = try await session.examine(folder)
                try? await session.logout()
            }
        } catch let error as MailTransportError {
            throw error
        } catch {
            throw .deferred(MailConnection.describe(error, endpoint))
        }
    }

    /// One connection: greeted, encrypted and signed in as `endpoint` says, then `body`; closed
    /// however it ends.
    private func converse<T: Sendable>(_ endpoint: MailEndpoint, _ body: (inout Session) async throws -> T)
        async throws -> T
    {
        let (stream, continuation) = AsyncThrowingStream<IMAPResponse, any Error>.makeStream()
        let connection = try await MailConnection.open(
            endpoint, group: group, connectTimeout: connectTimeout, timeout: timeout, extraTrustRoots: extraTrustRoots
        ) { IMAPResponseDecoder(continuation) }
        let (channel, timedOut) = (connection.channel, connection.timedOut)
        defer { connection.close() }
        do {
            var session = Session(channel: channel, responses: stream.makeAsyncIterator(), timedOut: timedOut)
            let greeting = try await session.next()
            guard greeting.isUntagged, greeting.status == "OK" || greeting.status == "PREAUTH" else {
                throw MailTransportError.deferred("the mail server would not talk: \(greeting.line)")
            }
            if greeting.status == "PREAUTH" { return try await body(&session) }
            if endpoint.security == .startTLS {
                _ = try await session.run(["STARTTLS"], what: "STARTTLS")
                try await MailConnection.startTLS(connection)
            }
            _ = try await session.run(
                ["LOGIN", .string(endpoint.username ?? ""), .string(endpoint.password ?? "")], what: "the sign-in")
            return try await body(&session)
        } catch  where timedOut.withLockedValue({ $0 }) {
            // The deadline closed the connection under a read or a write.
            throw MailTransportError.deferred("the mail server did not finish in time")
        }
    }

    /// A piece of a command: a word as it is, or a string (quoted, or a literal when it is not
    /// plain printable ASCII).
    enum Part: ExpressibleByStringLiteral {
        case atom(String)
        case string(String)

        init(stringLiteral value: String) { self = .atom(value) }
    }

    struct FolderState {
        var uidValidity: UInt64
        var uidNext: UInt64?
    }

    /// The conversation's side of one connection.
    struct Session {
        let channel: any Channel
        var responses: AsyncThrowingStream<IMAPResponse, any Error>.AsyncIterator
        let timedOut: NIOLockedValueBox<Bool>
        var counter = 0

        mutating func next() async throws -> IMAPResponse {
            guard let response = try await responses.next() else {
                throw MailTransportError.deferred(
                    timedOut.withLockedValue { $0 }
                        ? "the mail server did not finish in time" : "the mail server closed the connection")
            }
            return response
        }

        private func write(_ bytes: [UInt8]) async throws {
            try await channel.writeAndFlush(channel.allocator.buffer(bytes: bytes))
        }

        /// Sends one command and collects its untagged responses until its tagged completion;
        /// a `NO` or `BAD` stops the conversation, naming `what` failed in the server's words.
        mutating func run(_ parts: [Part], what: String) async throws -> [IMAPResponse] {
            counter += 1
            let tag = "e\(counter)"
            var pending = Array((tag + " ").utf8)
            for (index, part) in parts.enumerated() {
                if index > 0 { pending.append(UInt8(ascii: " ")) }
                switch part {
                case .atom(let word): pending += Array(word.utf8)
                case .string(let text):
                    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) {
                        pending += Array(
                            ("\""
                                + text.replacingOccurrences(of: "\\", with: "\\\\")
                                .replacingOccurrences(of: "\"", with: "\\\"") + "\"").utf8)
                    } else {
                        // A literal: announced, then sent once the server says go on.
                        pending += Array("{\(text.utf8.count)}\r\n".utf8)
                        try await write(pending)
                        let go = try await next()
                        guard go.isContinuation else { throw failure(go, what) }
                        pending = Array(text.utf8)
                    }
                }
            }
            pending += Array("\r\n".utf8)
            try await write(pending)
            var untagged: [IMAPResponse] = []
            while true {
                let response = try await next()
                if response.isUntagged || response.isContinuation {
                    untagged.append(response)
                    continue
                }
                guard response.tag.map(String.init) == tag else { continue }
                guard response.status == "OK" else { throw failure(response, what) }
                return untagged
            }
        }

        func failure(_ response: IMAPResponse, _ what: String) -> MailTransportError {
            let words = response.line.split(separator: " ", maxSplits: 1).dropFirst().joined()
            return .deferred("\(what): \(words)")
        }

        mutating func examine(_ folder: String) async throws -> FolderState {
            let responses = try await run(["EXAMINE", .string(folder)], what: "the folder \(folder)")
            guard let validity = responses.lazy.compactMap({ $0.number(after: "[UIDVALIDITY") }).first else {
                throw MailTransportError.deferred("the folder \(folder) has no UIDVALIDITY")
            }
            return FolderState(
                uidValidity: validity, uidNext: responses.lazy.compactMap { $0.number(after: "[UIDNEXT") }.first)
        }

        mutating func searchUIDs(from first: UInt64) async throws -> [UInt64] {
            let responses = try await run(["UID", "SEARCH", "UID", .atom("\(first):*")], what: "the search")
            return responses.filter { $0.line.hasPrefix("* SEARCH") }.flatMap {
                $0.line.dropFirst(8).split(separator: " ").compactMap { UInt64($0) }
            }
        }

        mutating func sizes(_ uids: [UInt64]) async throws -> [UInt64: Int] {
            let set = uids.map(String.init).joined(separator: ",")
            let responses = try await run(["UID", "FETCH", .atom(set), "(UID RFC822.SIZE)"], what: "the sizes")
            var sizes: [UInt64: Int] = [:]
            for response in responses where response.line.contains(" FETCH ") {
                if let uid = response.number(after: "UID"), let size = response.number(after: "RFC822.SIZE") {
                    sizes[uid] = Int(size)
                }
            }
            return sizes
        }

        /// The message's bytes (or its header alone); nil when the server no longer has it.
        mutating func body(_ uid: UInt64, headerOnly: Bool) async throws -> [UInt8]? {
            let item = headerOnly ? "BODY.PEEK[HEADER]" : "BODY.PEEK[]"
            let responses = try await run(
                ["UID", "FETCH", .atom(String(uid)), .atom("(UID \(item))")], what: "message \(uid)")
            for response in responses where response.line.contains(" FETCH ") {
                if response.number(after: "UID") == uid, let bytes = response.literals.first { return bytes }
            }
            return nil
        }

        mutating func logout() async throws {
            _ = try await run(["LOGOUT"], what: "the sign-out")
        }
    }
}
