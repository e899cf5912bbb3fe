import EarnedDomain
import EarnedStore
import Vapor

/// The service rules page: promise reminder lead times, and per location the after-sale policy
/// and the reply targets per channel.
extension SettingsController {
    func service(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageIntegrations)
        let rules = try await req.settings.service()
        return renderService(
            req, viewer: viewer, values: ServiceSettingsForm(rules, locations: viewer.locations).values, errors: [],
            saved: req.query[String.self, at: "saved"] != nil)
    }

    func renderService(
        _ req: Request, viewer: ViewerContext, values: [String: String], errors: [FieldError], saved: Bool = false
    ) -> Response {
        Layout.response(
            ServiceSettingsPage(viewer: viewer, values: values, errors: errors, saved: saved).body,
            title: viewer.s.serviceRulesTitle, request: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func saveService(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageIntegrations)
        let form = ServiceSettingsForm(values: try req.content.decode([String: String].self))
        do {
            let rules = try form.rules(from: try await req.settings.service(), locations: viewer.locations)
            try await req.settings.changeService(rules, actor: viewer.staff, now: req.now)
        } catch DomainError.invalid(let fields) {
            return renderService(
                req, viewer: viewer, values: form.values, errors: fields.map(ServiceSettingsForm.field(of:)))
        }
        return req.redirect(to: SiteURL.serviceSettings.path + "?saved=1")
    }
}
