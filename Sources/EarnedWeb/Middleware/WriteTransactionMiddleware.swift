import EarnedStore
import Fluent
import Vapor

/// Every request that may write (POST, PUT, PATCH, DELETE) runs in one database transaction,
/// so it either happens whole or not at all: a request killed halfway leaves nothing behind,
/// and an `Idempotency-Key`'s stored answer commits with the work it describes.
///
/// On the embedded database one process writes at a time anyway; here writing requests queue
/// for the `WriteGate` instead of racing for SQLite's lock and failing with "database is
/// locked". Each one takes the lock up front (`BEGIN IMMEDIATE`, waiting out another process's
/// writes within the busy timeout), and one that still finds the database busy is run again
/// from the start, which is safe because its first attempt was rolled back whole.
struct WriteTransactionMiddleware: AsyncMiddleware {
    let gate: WriteGate
    /// Attempts for a request that keeps finding the database busy.
    static let attempts = 4

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard Self.writes(request.method) else { return try await next.respond(to: request) }
        // A route that waits on another server (a mail server's answer) must not hold the
        // write lock meanwhile: it writes in short statements of its own, outside any gate.
        if request.route?.isWaitingOnOtherServers ?? false { return try await next.respond(to: request) }
        let serialised = SQLiteTuning.isSQLite(request.db)
        // A route that commits in parts (a long import) still waits its turn on SQLite, so its
        // own transactions never meet another request's lock; it runs once, as it is.
        if request.route?.ownsTransactions ?? false {
            return try await gate.run(if: serialised) { try await next.respond(to: request) }
        }
        // Read the whole body now: a second attempt has to read it again.
        _ = try await request.body.collect(max: request.application.routes.defaultMaxBodySize.value).get()
        var attempt = 1
        while true {
            do {
                return try await gate.run(if: serialised) {
                    try await Self.inTransaction(request, next)
                }
            } catch let rolledBack as RolledBack {
                return rolledBack.response
            } catch  where SQLiteTuning.isBusy(error) && attempt < Self.attempts {
                request.logger.notice("database busy; running the request again (attempt \(attempt + 1))")
                try await Task.sleep(for: .milliseconds(50 * attempt))
                attempt += 1
            }
        }
    }

    private static func inTransaction(_ request: Request, _ next: any AsyncResponder) async throws -> Response {
        try await request.db.transaction { tx in
            try await SQLiteTuning.takeWriteLock(tx)
            request.transaction = tx
            defer { request.transaction = nil }
            let response = try await next.respond(to: request)
            // A server fault keeps nothing of what the request did.
            if response.status.code >= 500 { throw RolledBack(response: response) }
            return response
        }
    }

    static func writes(_ method: HTTPMethod) -> Bool {
        [.POST, .PUT, .PATCH, .DELETE].contains(method)
    }

    struct RolledBack: Error {
        var response: Response
    }
}

/// Lets one writing request at a time through, in the order they came.
actor WriteGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func run<T: Sendable>(if enabled: Bool, _ body: @Sendable () async throws -> T) async throws -> T {
        guard enabled else { return try await body() }
        await enter()
        do {
            let value = try await body()
            leave()
            return value
        } catch {
            leave()
            throw error
        }
    }

    private func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func leave() {
        if waiting.isEmpty {
            busy = false
        } else {
            waiting.removeFirst().resume()
        }
    }
}

extension Route {
    private static let ownTransactionsKey = "earned.ownTransactions"

    /// Marks a writing route that manages its own transactions (a long import that commits in
    /// parts, a computation that writes nothing): it runs outside one request-wide transaction,
    /// still one writer at a time on SQLite.
    @discardableResult
    func ownTransactions() -> Route {
        userInfo[Self.ownTransactionsKey] = true
        return self
    }

    var ownsTransactions: Bool { userInfo[Self.ownTransactionsKey] as? Bool ?? false }

    private static let waitsOnOtherServersKey = "earned.waitsOnOtherServers"

    /// Marks a writing route that talks to another server before it answers (saving the mail
    /// settings and signing in to check them, a test message): it holds no transaction and no
    /// place in the writers' queue while it waits; each of its writes commits on its own.
    @discardableResult
    func waitsOnOtherServers() -> Route {
        userInfo[Self.waitsOnOtherServersKey] = true
        return self
    }

    var isWaitingOnOtherServers: Bool { userInfo[Self.waitsOnOtherServersKey] as? Bool ?? false }
}
