import EarnedDomain
import EarnedStore
import Vapor

/// The suggested-duplicates page: the pairs, merging one into the other, "not the same person".
struct DuplicatesController {
    func list(_ req: Request) async throws -> Response {
        try await render(req, problem: nil)
    }

    func render(_ req: Request, problem: String?, status: HTTPResponseStatus = .ok) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let cursor = req.query[String.self, at: "cursor"]
        let page = try await req.customers.duplicates(actor: viewer.staff, cursor: cursor, limit: 20)
        let total = page.total ?? 0
        let model = DuplicatesPage(
            viewer: viewer, pairs: page.items, next: page.nextCursor, isFirstPage: cursor == nil, total: total,
            problem: problem)
        return Layout.response(model.body, title: viewer.s.duplicatesTitle, request: req, status: status)
    }

    struct PairForm: Content {
        var first: String?
        var second: String?
        var survivor: String?
    }

    /// Merges the pair, keeping the card whose button was pressed.
    func merge(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        let form = try req.content.decode(PairForm.self)
        do {
            let (first, second) = try ids(form)
            guard let survivor = form.survivor.flatMap(CustomerID.init(string:)),
                survivor == first || survivor == second
            else {
                throw DomainError.invalid([FieldError(field: "survivor", code: .invalidChoice)])
            }
            _ = try await req.customers.merge(
                survivor: survivor, absorbed: survivor == first ? second : first, actor: actor, now: req.now)
        } catch {
            return try await refused(req, error)
        }
        return req.redirect(to: SiteURL.customerDuplicates().path)
    }

    func dismiss(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        let form = try req.content.decode(PairForm.self)
        do {
            let (first, second) = try ids(form)
            _ = try await req.customers.dismissDuplicate(first, second, actor: actor, now: req.now)
        } catch {
            return try await refused(req, error)
        }
        return req.redirect(to: SiteURL.customerDuplicates().path)
    }

    func ids(_ form: PairForm) throws -> (CustomerID, CustomerID) {
        var errors: [FieldError] = []
        let first = form.first.flatMap(CustomerID.init(string:))
        let second = form.second.flatMap(CustomerID.init(string:))
        if first == nil { errors.append(FieldError(field: "first_id", code: .invalidFormat, detail: "a customer id")) }
        if second == nil {
            errors.append(FieldError(field: "second_id", code: .invalidFormat, detail: "a customer id"))
        }
        guard let first, let second else { throw DomainError.invalid(errors) }
        return (first, second)
    }

    /// Shows the list again with the reason; other errors (403) go on.
    func refused(_ req: Request, _ error: any Error) async throws -> Response {
        let s = req.strings
        let problem: String
        switch error {
        case DomainError.invalid(let errors): problem = errors.map(s.fieldError).joined(separator: " ")
        case DomainError.conflict(let why): problem = why
        case DomainError.notFound: problem = s.fieldError(FieldError(field: "", code: .unknownReference))
        default: throw error
        }
        return try await render(req, problem: problem, status: .unprocessableEntity)
    }
}
