import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// Honours `Idempotency-Key` on POST: the first answer is stored, a retry with the same key and
/// body gets the same answer without doing the work twice, and the same key with another body
/// is refused.
///
/// A writing request runs in one transaction (`WriteTransactionMiddleware`), and the key's claim
/// and stored answer are written in it: if the server dies before the commit, nothing of the
/// request remains and a retry runs it once; if it dies after, the retry gets the stored answer
/// with the id of what was created. A request with the same key that arrives while the first
/// is running waits for it (the key's unique index holds it) and then gets its answer. Routes
/// that manage their own transactions claim the key on its own, with a lease: a claim still in
/// progress after `lease` seconds is taken over.
struct IdempotencyMiddleware: AsyncMiddleware {
    struct ResourceKey: StorageKey {
        typealias Value = UUID
    }

    static let lease: TimeInterval = 60

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.method == .POST, let key = request.headers.first(name: "Idempotency-Key") else {
            return try await next.respond(to: request)
        }
        guard !key.isEmpty, key.count <= 255 else {
            throw DomainError.invalid([FieldError(field: "Idempotency-Key", code: .tooLong, limit: 255)])
        }
        let owner = try request.actor().id.rawValue
        var body = request.body.data ?? ByteBuffer()
        let bytes = body.readString(length: body.readableBytes) ?? ""
        let hash = Secrets.sha256(request.method.rawValue + " " + request.url.path + "\n" + bytes)
        let store = request.security
        if let stored = try await store.storedResponse(owner: owner, key: key), stored.statusCode > 0 {
            return try replay(stored, hash: hash)
        }
        guard
            try await store.claim(owner: owner, key: key, requestHash: hash, now: request.now, lease: Self.lease)
        else {
            guard let stored = try await store.storedResponse(owner: owner, key: key) else {
                throw DomainError.conflict("a request with this Idempotency-Key is in progress")
            }
            return try replay(stored, hash: hash)
        }
        // Inside a transaction a failure rolls the claim back with everything else.
        let release = request.transaction == nil
        let response: Response
        do {
            response = try await next.respond(to: request)
        } catch {
            if release { try? await store.release(owner: owner, key: key) }
            throw error
        }
        if response.status.code >= 500 {
            if release { try await store.release(owner: owner, key: key) }
            return response
        }
        let text = response.body.string ?? ""
        try await store.complete(
            owner: owner, key: key, statusCode: Int(response.status.code), body: text,
            resourceID: request.storage[ResourceKey.self])
        return response
    }

    func replay(_ stored: StoredResponse, hash: String) throws -> Response {
        guard stored.requestHash == hash else {
            throw DomainError.conflict("this Idempotency-Key was used for a different request")
        }
        guard stored.statusCode > 0 else {
            throw DomainError.conflict("a request with this Idempotency-Key is in progress")
        }
        var headers = HTTPHeaders()
        headers.contentType = .json
        headers.replaceOrAdd(name: "Idempotent-Replayed", value: "true")
        return Response(
            status: HTTPResponseStatus(statusCode: stored.statusCode), headers: headers,
            body: .init(string: stored.body))
    }
}
