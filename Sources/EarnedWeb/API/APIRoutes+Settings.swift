import EarnedDomain
import EarnedStore
import Vapor

/// The owner's settings under /api/v1/settings: the same rules as the settings pages.
extension APIRoutes {
    static func registerSettings(_ api: any RoutesBuilder) {
        api.get(SiteURL.API.serviceSettings.pathComponents, use: serviceSettings)
        api.patch(SiteURL.API.serviceSettings.pathComponents, use: changeServiceSettings)
        api.get(SiteURL.API.outreachSettings.pathComponents, use: outreachSettings)
        api.patch(SiteURL.API.outreachSettings.pathComponents, use: changeOutreachSettings)
    }

    static func serviceSettings(_ req: Request) async throws -> ServiceRulesDTO {
        let actor = try req.actor()
        try Policy.require(actor, .manageIntegrations)
        return ServiceRulesDTO(try await req.settings.service(), locations: try await req.locations.all())
    }

    static func changeServiceSettings(_ req: Request) async throws -> ServiceRulesDTO {
        let actor = try req.actor()
        try Policy.require(actor, .manageIntegrations)
        let input = try req.content.decode(ServiceRulesInput.self)
        let locations = try await req.locations.all()
        let rules = try input.applied(to: try await req.settings.service(), visible: locations)
        return ServiceRulesDTO(
            try await req.settings.changeService(rules, actor: actor, now: req.now), locations: locations)
    }

    static func outreachSettings(_ req: Request) async throws -> OutreachSettingsDTO {
        try Policy.require(try req.actor(), .manageIntegrations)
        return OutreachSettingsDTO(try await req.settings.outreach())
    }

    static func changeOutreachSettings(_ req: Request) async throws -> OutreachSettingsDTO {
        try Policy.require(try req.actor(), .manageIntegrations)
        let input = try req.content.decode(OutreachSettingsInput.self)
        return OutreachSettingsDTO(
            try await req.settings.changeOutreach(try input.draft, actor: try req.actor(), now: req.now))
    }
}
