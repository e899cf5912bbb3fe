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
        let events = WebhookEvent.Kind.subscribable.map(\.rawValue).filter { form["event_\($0)"] == "true" }
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

    func editWebhook(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageIntegrations)
        let id: WebhookSubscriptionID = try req.entityID("webhook")
        guard let subscription = try await WebhookStore(db: req.database).subscriptions().first(where: { $0.id == id })
        else { throw DomainError.notFound("webhook") }
        var form = ["url": subscription.url, "description": subscription.description ?? ""]
        for kind in subscription.events { form["event_\(kind.rawValue)"] = "true" }
        let page = WebhookEditPage(viewer: viewer, subscription: subscription, form: form, errors: [])
        return Layout.response(page.body, title: viewer.s.webhooksTitle, request: req)
    }

    func updateWebhook(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageIntegrations)
        let id: WebhookSubscriptionID = try req.entityID("webhook")
        let store = WebhookStore(db: req.database)
        guard let subscription = try await store.subscriptions().first(where: { $0.id == id }) else {
            throw DomainError.notFound("webhook")
        }
        let form = try req.content.decode([String: String].self)
        let events = WebhookEvent.Kind.subscribable.map(\.rawValue).filter { form["event_\($0)"] == "true" }
        do {
            try await store.update(
                id, WebhookSubscriptionDraft(url: form["url"], events: events, description: form["description"]),
                actor: viewer.staff, now: req.now)
        } catch DomainError.invalid(let errors) {
            let page = WebhookEditPage(viewer: viewer, subscription: subscription, form: form, errors: errors)
            return Layout.response(
                page.body, title: viewer.s.webhooksTitle, request: req, status: .unprocessableEntity)
        }
        return req.redirect(to: SiteURL.webhooks.path)
    }

    func deleteWebhook(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try await WebhookStore(db: req.database).delete(try req.entityID("webhook"), actor: viewer.staff, now: req.now)
        return req.redirect(to: SiteURL.webhooks.path)
    }

    /// A signed test goes out with the next scheduler pass; the log below shows how it went.
    func testWebhook(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try await WebhookStore(db: req.database).queueTest(
            try req.entityID("webhook"), actor: viewer.staff, now: req.now)
        return req.redirect(to: SiteURL.webhooks.path)
    }

    func resendDelivery(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        do {
            _ = try await WebhookStore(db: req.database).resend(
                try req.uuidParameter("delivery"), actor: viewer.staff, now: req.now)
        } catch DomainError.conflict {
            // Delivered meanwhile: the log says so.
        }
        return req.redirect(to: SiteURL.webhooks.path)
    }
}
