import EarnedDomain
import EarnedStore
import Vapor

/// Suggested duplicates under /api/v1: the pairs, and "not the same person". Who may merge
/// customers may use them.
extension APIRoutes {
    static func registerDuplicates(_ api: any RoutesBuilder) {
        api.get(SiteURL.API.duplicates.pathComponents, use: listDuplicates)
        api.post(SiteURL.API.duplicateDismissals.pathComponents, use: dismissDuplicate)
    }

    static func listDuplicates(_ req: Request) async throws -> ListDTO<DuplicatePairDTO> {
        let page = try await req.customers.duplicates(
            actor: try req.actor(), cursor: req.query[String.self, at: "cursor"], limit: try limit(req))
        return ListDTO(items: page.items.map(DuplicatePairDTO.init), next_cursor: page.nextCursor)
    }

    static func dismissDuplicate(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        try Policy.require(actor, .mergeCustomers)
        let (first, second) = try req.content.decode(DuplicateDismissalInput.self).ids()
        let dismissal = try await req.customers.dismissDuplicate(first, second, actor: actor, now: req.now)
        return try await created(DuplicateDismissalDTO(dismissal), req, location: nil, resource: nil)
    }
}
