import EarnedDomain
import EarnedServices
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

/// Every route is spelled once, in `SiteURL`: the app registers exactly the addresses listed
/// here with the methods `methods(_:)` gives, and links built by `SiteURL` reach those routes.
@Suite("SiteURL")
struct SiteURLTests {
    /// One pattern per address. A new `SiteURL` case does not compile in `methods(_:)` until it
    /// is named there; a route registered from a pattern missing here fails `everyRouteIsListed`.
    static let patterns: [SiteURL] =
        [
            .home, .signIn(next: nil), .signOut, .language(.key), .customers(), .newCustomer, .customer(.key),
            .editCustomer(.key), .customerNotes(.key), .customerReferrals(.key), .customerExport(.key),
            .mergeCustomer(.key), .eraseCustomer(.key), .customerDuplicates(), .mergeDuplicate, .dismissDuplicate,
            .orders(), .newOrder(), .order(.key), .editOrder(.key), .orderAction(.key), .importData, .exportData(),
            .importUpload(.key), .importProgress(.key), .importScript, .forecastScript, .locations,
            .newLocation, .editLocation(.key), .staffList, .newStaff, .editStaff(.key), .tokens, .revokeToken(.key),
            .promiseList(ListParams()), .caseList(ListParams()), .orderList(ListParams()), .taskList(ListParams()),
            .surveyInvitationList(ListParams()), .teamAgenda(),
            .contactList(ListParams()), .audit, .today(team: false), .completeTask(.key),
            .newTask(), .tasks, .task(.key), .taskAction(.key),
            .absences,
            .endAbsence(.key), .promises(filter: nil), .onTime(by: nil),
            .newPromise(customer: nil), .promise(.key), .promiseAction(.key), .cases, .newCase(customer: nil),
            .serviceCase(.key), .caseAction(.key), .serviceSettings, .outreachSettings, .webhooks, .toggleWebhook(.key),
            .editWebhook(.key),
            .deleteWebhook(.key), .testWebhook(.key), .resendDelivery(.key),
            .incidents, .newIncident, .incident(.key), .closeIncident(.key), .contacts, .newContact(), .contact(.key),
            .contactAction(.key), .surveys(), .surveyDefinitions, .newSurvey, .survey(.key), .surveyInvitations(),
            .surveyInvitation(.key), .renewSurveyLink(.key), .surveyAnswer(token: .key), .scorecard(),
            .scorecardRecords(step: "", scope: "", period: 0), .consistency(), .loyalty(), .forecast, .forecastSave,
            .forecastList, .forecastSaved(.key), .deleteForecast(.key), .stylesheet, .health, .metrics, .openAPI,
            .account, .accountPassword, .twoFactorSetup, .twoFactorDisable, .recoveryCodes, .signInCode(next: nil),
            .passwordReset(token: .key), .staffResetLink(.key), .staffTwoFactorReset(.key), .securitySettings,
            .mailSettings(), .mailTest, .contactReply(.key), .contactFile(.key, file: .key), .unsubscribe(token: .key),
            .accountNotifications, .telegramSettings, .telegramHook, .accountTelegram, .customerTelegramLink(.key),
            .forgotPassword, .caseConfirmation(token: .key),
        ] + apiPatterns.map(SiteURL.api)

    static let apiPatterns: [SiteURL.API] = [
        .me, .customers, .customer(.key), .customerMerge(.key), .customerErase(.key), .customerExport(.key),
        .customerNotes(.key), .customerReferrals(.key), .duplicates, .duplicateDismissals, .orders, .order(.key),
        .orderActions(.key), .locations, .location(.key), .staffList, .staff(.key), .promises, .onTime, .promise(.key),
        .promiseActions(.key), .cases, .serviceCase(.key), .caseActions(.key), .contacts, .contact(.key),
        .contactActions(.key), .tasks, .completeTask(.key), .taskActions(.key), .absences, .endAbsence(.key),
        .incidents, .incident(.key), .closeIncident(.key),
        .webhooks, .webhook(.key), .webhookDeliveries(.key), .webhookTest(.key),
        .deliveryResend(.key), .serviceSettings, .outreachSettings, .mailSettings, .mailTest, .messages,
        .contactMessages(.key), .contactReplies(.key), .notifications, .telegramSettings, .customerTelegramLink(.key),
        .surveys,
        .surveyResults, .survey(.key), .surveyInvitations, .surveyInvitationLink(.key), .surveyAnswers,
        .forecastBaseline, .forecastRun, .forecasts, .forecast(.key), .scorecard, .scorecardRecords, .loyalty,
        .consistency, .customerScore(.key), .exports(.key),
    ]

    /// The methods each address answers; addresses that only carry another query share a route
    /// and answer nothing of their own.
    static func methods(_ url: SiteURL) -> [HTTPMethod] {
        switch url {
        case .home, .language, .customerExport, .importProgress, .importScript, .forecastScript, .today, .onTime,
            .newPromise,
            .newCase, .newContact, .newCustomer, .editCustomer, .newOrder, .newLocation, .newStaff, .audit,
            .newIncident, .surveys, .newSurvey, .surveyInvitations, .surveyInvitation, .scorecard, .scorecardRecords,
            .consistency, .loyalty, .forecastList, .forecastSaved, .stylesheet, .health, .metrics, .openAPI, .account,
            .customerDuplicates, .incident, .promise, .serviceCase, .contact, .order, .newTask, .task, .exportData,
            .contactFile:
            return [.GET]
        case .signOut, .customerNotes, .customerReferrals, .mergeCustomer, .eraseCustomer, .mergeDuplicate,
            .dismissDuplicate, .revokeToken, .completeTask, .promiseAction, .caseAction, .toggleWebhook,
            .closeIncident, .contactAction, .renewSurveyLink, .forecastSave, .deleteForecast, .accountPassword,
            .twoFactorDisable, .recoveryCodes, .staffResetLink, .staffTwoFactorReset, .orderAction, .taskAction,
            .endAbsence, .deleteWebhook, .testWebhook, .resendDelivery, .mailTest, .contactReply, .accountNotifications,
            .customerTelegramLink, .accountTelegram, .telegramHook:
            return [.POST]
        case .signIn, .customers, .customer, .orders, .importData, .importUpload, .locations, .editLocation,
            .staffList, .editStaff, .tokens, .promises, .cases, .serviceSettings, .outreachSettings, .webhooks,
            .incidents, .contacts, .surveyDefinitions, .survey, .surveyAnswer, .forecast, .twoFactorSetup,
            .signInCode, .passwordReset, .securitySettings, .editOrder, .absences, .editWebhook, .tasks, .mailSettings,
            .unsubscribe, .telegramSettings, .forgotPassword, .caseConfirmation:
            return [.GET, .POST]
        case .forecastFrom, .auditSearch, .promiseList, .caseList, .orderList, .contactList, .taskList,
            .surveyInvitationList, .teamAgenda:
            return []
        case .api(let endpoint):
            switch endpoint {
            case .me, .customerExport, .duplicates, .onTime, .forecastBaseline, .surveyResults, .surveyInvitations,
                .surveyAnswers, .webhookDeliveries, .scorecard, .scorecardRecords, .loyalty, .consistency,
                .customerScore, .exports, .messages, .contactMessages:
                return [.GET]
            case .customerMerge, .customerErase, .duplicateDismissals, .promiseActions, .caseActions,
                .contactActions, .completeTask, .closeIncident, .surveyInvitationLink, .forecastRun, .orderActions,
                .taskActions, .endAbsence, .webhookTest, .deliveryResend, .mailTest, .contactReplies,
                .customerTelegramLink:
                return [.POST]
            case .customers, .customerNotes, .customerReferrals, .orders, .locations, .staffList, .promises, .cases,
                .contacts, .incidents, .webhooks, .surveys, .forecasts, .tasks, .absences:
                return [.GET, .POST]
            case .customer, .location, .staff, .serviceSettings, .outreachSettings, .survey, .mailSettings,
                .notifications:
                return [.GET, .PATCH]
            case .order: return [.GET, .PATCH, .DELETE]
            case .forecast: return [.GET, .DELETE]
            case .promise, .serviceCase, .contact, .incident: return [.GET]
            case .webhook: return [.PATCH, .DELETE]
            case .telegramSettings: return [.GET, .PATCH, .DELETE]
            }
        }
    }

    static func pattern(_ components: [PathComponent]) -> String {
        "/" + components.map(\.description).joined(separator: "/")
    }

    /// Registered routes, as "METHOD /path/:id".
    static func registered(_ app: Application) -> [String] {
        app.routes.all.map { "\($0.method.rawValue) \(pattern($0.path))" }
    }

    @Test("every registered route is a SiteURL pattern, registered once")
    func everyRouteIsListed() async throws {
        try await withEarnedApp(seed: false) { app, _ in
            let known = Set(Self.patterns.map { Self.pattern($0.pathComponents) })
            let routes = Self.registered(app)
            #expect(routes.count == Set(routes).count, "registered twice: \(routes.sorted())")
            let unknown = app.routes.all.filter { !known.contains(Self.pattern($0.path)) }
            #expect(unknown.isEmpty, "not in SiteURL: \(unknown.map { Self.pattern($0.path) })")
        }
    }

    @Test("every SiteURL pattern is registered with exactly its methods")
    func everyPatternIsRegistered() async throws {
        try await withEarnedApp(seed: false) { app, _ in
            let routes = Set(Self.registered(app))
            var expected = Set<String>()
            for url in Self.patterns {
                for method in Self.methods(url) {
                    expected.insert("\(method.rawValue) \(Self.pattern(url.pathComponents))")
                }
            }
            let missing = expected.subtracting(routes).sorted()
            let unexpected = routes.subtracting(expected).sorted()
            #expect(missing.isEmpty, "SiteURL patterns not registered with these methods: \(missing)")
            #expect(unexpected.isEmpty, "registered but not expected: \(unexpected)")
        }
    }

    /// The route a link reaches, found the way the app's responder finds it.
    static func resolve(_ link: String, _ method: HTTPMethod, in app: Application) -> (Route, Parameters)? {
        let router = TrieRouter(Route.self)
        for route in app.routes.all { router.register(route, at: [.constant(route.method.rawValue)] + route.path) }
        let path = String(link.prefix { $0 != "?" })
        var parameters = Parameters()
        let found = router.route(
            path: [method.rawValue] + path.split(separator: "/").map(String.init), parameters: &parameters)
        return found.map { ($0, parameters) }
    }

    @Test("links with ids and queries reach the route they name")
    func linksResolve() async throws {
        try await withEarnedApp(seed: false) { app, _ in
            let id = UUID(uuidString: "0B7C5A1E-4F0A-4C41-9B7E-2D6E2C4A9F10")!
            let edit = try #require(Self.resolve(SiteURL.editCustomer(id).path, .GET, in: app))
            #expect(Self.pattern(edit.0.path) == "/customers/:id/edit")
            #expect(edit.1.get("id") == "0b7c5a1e-4f0a-4c41-9b7e-2d6e2c4a9f10")

            let search = SiteURL.customers(search: "Ann & Bo", location: id, cursor: "c=2").path
            let list = try #require(Self.resolve(search, .GET, in: app))
            #expect(Self.pattern(list.0.path) == "/customers")
            let query = URLComponents(string: search)?.queryItems ?? []
            #expect(query.first { $0.name == "q" }?.value == "Ann & Bo")
            #expect(query.first { $0.name == "location" }?.value == id.uuidString.lowercased())
            #expect(query.first { $0.name == "cursor" }?.value == "c=2")

            let duplicates = try #require(Self.resolve(SiteURL.customerDuplicates(cursor: "x").path, .GET, in: app))
            #expect(Self.pattern(duplicates.0.path) == "/customers/duplicates")

            let api = try #require(Self.resolve(SiteURL.api(.customer(id)).path, .PATCH, in: app))
            #expect(Self.pattern(api.0.path) == "/api/v1/customers/:id")
            #expect(SiteURL.API.forecast(id).path == "/api/v1/forecasts/0b7c5a1e-4f0a-4c41-9b7e-2d6e2c4a9f10")

            let reset = try #require(Self.resolve(SiteURL.passwordReset(token: "t0k3n").path, .POST, in: app))
            #expect(reset.1.get("token") == "t0k3n")
            #expect(SiteURL.today(team: true).path == "/today?view=team")
            #expect(Self.resolve(SiteURL.home.path, .GET, in: app) != nil)

            #expect(Self.resolve(SiteURL.customer(id).path + "/nowhere", .GET, in: app) == nil)
            #expect(Self.resolve(SiteURL.customerExport(id).path, .POST, in: app) == nil)
        }
    }

    @Test("a pattern reads as its route, and the services' survey link is the same address")
    func patternsAndSurveyLink() throws {
        #expect(SiteURL.customer(.key).path == "/customers/:id")
        #expect(SiteURL.customer(UUID()).pathComponents.map(\.description) == ["customers", ":id"])
        #expect(SiteURL.isInAPI(SiteURL.api(.me).path))
        #expect(!SiteURL.isInAPI(SiteURL.openAPI.path))
        let token = try #require(SurveyToken(text: "abcdefghijklmnopqrstuvwxyz"))
        #expect(SiteURL.surveyAnswer(token: .value(token.text)).path == SurveyLink.path(token))
    }
}
