import EarnedDomain
import EarnedStore
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import EarnedWeb

/// Who may reach each route, swept over every registered route: a few pages are public, two
/// need only a signed-in person (so the second factor can be set up while it is owed), every
/// other page needs the second factor when the owner requires it, and the API needs a token.
@Suite("Route access")
struct RouteAccessTests {
    static let publicPages: [SiteURL] = [
        .signIn(next: nil), .language(.key), .surveyAnswer(token: .key), .signInCode(next: nil),
        .passwordReset(token: .key), .health, .metrics, .stylesheet, .importScript, .forecastScript, .openAPI,
        .unsubscribe(token: .key), .telegramHook, .forgotPassword, .caseConfirmation(token: .key),
    ]
    static let signedInOnly: [SiteURL] = [.signOut, .twoFactorSetup]

    static func pattern(_ components: [PathComponent]) -> String {
        "/" + components.map(\.description).joined(separator: "/")
    }

    /// A path that reaches `route`, its parameters filled with something plausible.
    static func path(_ route: Route) -> String {
        "/"
            + route.path.map { component in
                guard case .parameter(let name) = component else { return component.description }
                return name == "code" ? "en" : name == "token" ? String(repeating: "x", count: 43) : UUID().uuidString
            }.joined(separator: "/")
    }

    static func sentToSignIn(_ response: TestingHTTPResponse) -> Bool {
        response.status == .seeOther && response.headers.first(name: .location)?.hasPrefix("/sign-in?next=") == true
    }

    @Test("without a session only the public pages answer, and the API wants a token")
    func withoutSession() async throws {
        try await withEarnedApp { app, _ in
            let open = Set(Self.publicPages.map { Self.pattern($0.pathComponents) })
            for route in app.routes.all {
                let pattern = Self.pattern(route.path)
                var browser = Browser()
                _ = try await browser.get(app, SiteURL.signIn(next: nil).path)
                let response =
                    route.method == .GET
                    ? try await browser.get(app, Self.path(route))
                    : try await app.send(
                        route.method, Self.path(route), cookie: browser.header,
                        form: ["_csrf": try await browser.csrf(app)])
                if SiteURL.isInAPI(pattern) {
                    #expect(response.status == .unauthorized, "\(route.method) \(pattern)")
                } else if open.contains(pattern) {
                    #expect(!Self.sentToSignIn(response), "\(route.method) \(pattern) should be public")
                } else {
                    #expect(Self.sentToSignIn(response), "\(route.method) \(pattern) should ask to sign in")
                }
            }
        }
    }

    @Test("when the owner requires a second factor, only its setup and signing out skip it")
    func owingSecondFactor() async throws {
        try await withEarnedApp { app, f in
            var browser = Browser()
            _ = try await browser.signIn(app, f.northStaff.email, Fixture.password)
            try await SettingsStore(db: app.db).changeSecurity(
                SecuritySettings(requireTwoFactor: true), actor: f.owner, now: testNow)
            let open = Set((Self.publicPages + Self.signedInOnly).map { Self.pattern($0.pathComponents) })
            let setup = SiteURL.twoFactorSetup.path
            for route in app.routes.all {
                let pattern = Self.pattern(route.path)
                if SiteURL.isInAPI(pattern) || route.method != .GET && open.contains(pattern) { continue }
                let response =
                    route.method == .GET
                    ? try await browser.get(app, Self.path(route))
                    : try await app.send(
                        route.method, Self.path(route), cookie: browser.header,
                        form: ["_csrf": try await browser.csrf(app)])
                let sentToSetup =
                    response.status == .seeOther && response.headers.first(name: .location) == setup
                #expect(sentToSetup == !open.contains(pattern), "\(route.method) \(pattern)")
            }
        }
    }
}
