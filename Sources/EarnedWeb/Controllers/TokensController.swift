import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// API tokens: created and revoked on a page; the secret is shown once and stored hashed.
struct TokensController {
    struct Form: Content {
        var name: String?
    }

    func list(_ req: Request) async throws -> Response {
        try await render(req, created: nil, errors: [])
    }

    func render(_ req: Request, created: String?, errors: [FieldError]) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let tokens = try await req.security.tokens(of: viewer.staff.id)
        let page = TokensPage(viewer: viewer, tokens: tokens, created: created, errors: errors)
        return Layout.response(
            page.body, title: viewer.s.tokensTitle, request: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func create(_ req: Request) async throws -> Response {
        let staff = try req.actor()
        let form = try req.content.decode(Form.self)
        let secret = "ern_" + Secrets.token()
        do {
            let info = try await req.security.createToken(
                staffID: staff.id, name: form.name ?? "", tokenHash: Secrets.sha256(secret),
                prefix: String(secret.prefix(10)),
                now: req.now)
            try await req.audit.record(
                .created, "api_token", info.id, by: staff, summary: "API token created", at: req.now)
            return try await render(req, created: secret, errors: [])
        } catch DomainError.invalid(let errors) {
            return try await render(req, created: nil, errors: errors)
        }
    }

    func revoke(_ req: Request) async throws -> Response {
        let staff = try req.actor()
        guard let raw = req.parameters.get("id"), let id = UUID(uuidString: raw) else {
            throw DomainError.notFound("token")
        }
        try await req.security.revokeToken(id, of: staff.id, now: req.now)
        try await req.audit.record(.revoked, "api_token", id, by: staff, summary: "API token revoked", at: req.now)
        return req.redirect(to: SiteURL.tokens.path)
    }
}
