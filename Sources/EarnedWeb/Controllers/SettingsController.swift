import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// The owner's settings pages: greetings and the contact-fatigue budget, and webhook
/// subscriptions with their delivery log.
struct SettingsController {
    // MARK: Outreach

    func outreach(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageIntegrations)
        let settings = try await req.settings.outreach()
        return render(
            req, viewer: viewer, values: OutreachSettingsForm(settings).values, errors: [],
            saved: req.query[String.self, at: "saved"] != nil)
    }

    func render(
        _ req: Request, viewer: ViewerContext, values: [String: String], errors: [FieldError], saved: Bool = false
    ) -> Response {
        Layout.response(
            OutreachSettingsPage(viewer: viewer, values: values, errors: errors, saved: saved).body,
            title: viewer.s.outreachTitle, request: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func saveOutreach(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageIntegrations)
        let form = OutreachSettingsForm(values: try req.content.decode([String: String].self))
        do {
            let draft = try form.draft()
            try await req.settings.changeOutreach(draft, actor: viewer.staff, now: req.now)
        } catch DomainError.invalid(let fields) {
            return render(req, viewer: viewer, values: form.values, errors: fields.map(form.field(of:)))
        }
        return req.redirect(to: SiteURL.outreachSettings.path + "?saved=1")
    }

    // MARK: Webhooks

    func webhooks(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageIntegrations)
        return try await renderWebhooks(req, viewer: viewer, form: [:], errors: [], secret: nil)
    }

    func renderWebhooks(
        _ req: Request, viewer: ViewerContext, form: [String: String], errors: [FieldError], secret: String?
    ) async throws -> Response {
        let store = WebhookStore(db: req.database)
        let page = WebhooksPage(
            viewer: viewer, subscriptions: try await store.subscriptions(),
            deliveries: try await store.deliveries(limit: 50),
            form: form, errors: errors, secret: secret
        ).body
        return Layout.response(
            page, title: viewer.s.webhooksTitle, request: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func createWebhook(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageIntegrations)
        let form = try req.content.decode([String: String].self)
        let events = WebhookEvent.Kind.allCases.map(\.rawValue).filter { form["event_\($0)"] == "true" }
        let secret = Secrets.token()
        do {
            _ = try await WebhookStore(db: req.database).create(
                WebhookSubscriptionDraft(url: form["url"], events: events, description: form["description"]),
                secret: secret, actor: viewer.staff, now: req.now)
        } catch let error as DomainError {
            guard case .invalid(let fields) = error else { throw error }
            return try await renderWebhooks(req, viewer: viewer, form: form, errors: fields, secret: nil)
        }
        // The secret is shown on this answer only; it is not in the URL or any later page.
        return try await renderWebhooks(req, viewer: viewer, form: [:], errors: [], secret: secret)
    }

    func toggleWebhook(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let form = try req.content.decode([String: String].self)
        try await WebhookStore(db: req.database).setActive(
            try req.entityID("webhook"), form["active"] == "true", actor: viewer.staff, now: req.now)
        return req.redirect(to: SiteURL.webhooks.path)
    }
}
