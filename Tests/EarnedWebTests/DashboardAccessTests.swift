import EarnedAnalytics
import EarnedDomain
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

/// Whose figures each role may open on the scorecard, and what bad filters answer.
@Suite("Dashboard access")
struct DashboardAccessTests {
    @Test("staff see only their own scorecard; managers their locations; owners everything")
    func scopes() async throws {
        try await withEarnedApp { app, f in
            let staff = try await app.session(for: f.northStaff)
            let own = try await app.send(.GET, "/scorecard", cookie: staff.cookie)
            #expect(own.status == .ok)
            #expect(own.text.contains(f.northStaff.name))
            for scope in ["business", "location:\(f.north.id)", "person:\(f.southStaff.id)"] {
                let other = try await app.send(.GET, "/scorecard?scope=\(scope)", cookie: staff.cookie)
                #expect(other.status == .forbidden, "\(scope)")
            }
            let records = try await app.send(
                .GET, "/scorecard/records?step=keep_promises&scope=business&period=90", cookie: staff.cookie)
            #expect(records.status == .forbidden)

            let manager = try await app.session(for: f.manager)
            #expect(
                try await app.send(.GET, "/scorecard?scope=location:\(f.north.id)", cookie: manager.cookie).status
                    == .ok)
            #expect(
                try await app.send(.GET, "/scorecard?scope=location:\(f.south.id)", cookie: manager.cookie).status
                    == .forbidden)
            #expect(try await app.send(.GET, "/scorecard?scope=business", cookie: manager.cookie).status == .forbidden)

            let owner = try await app.session(for: f.owner)
            let page = try await app.send(.GET, "/scorecard?scope=business&period=365", cookie: owner.cookie)
            #expect(page.status == .ok)
            // No run yet: the page says so instead of showing figures.
            #expect(
                page.text.contains(Strings(lang: .ru).noScoresYet) || page.text.contains(Strings(lang: .en).noScoresYet)
            )
        }
    }

    @Test(
        "a bad filter is a clear 422, never a server error",
        arguments: [
            "/scorecard?scope=planet:mars", "/scorecard?period=7", "/scorecard?scope=location:not-a-uuid",
            "/scorecard/records?step=nonsense&scope=business&period=90",
            "/scorecard/records?step=keep_promises&scope=business&period=90&result=maybe",
            "/scorecard/records?step=keep_promises&scope=business&period=90&page=0",
            "/consistency?measure=vibes", "/loyalty?segment=royalty", "/loyalty?page=-1",
            "/scorecard?export=nonsense",
        ])
    func badFilters(path: String) async throws {
        try await withEarnedApp { app, f in
            let owner = try await app.session(for: f.owner)
            let response = try await app.send(.GET, path, cookie: owner.cookie)
            #expect(response.status == .unprocessableEntity, "\(path): \(response.status)")
            #expect(!response.text.contains("Fatal"))
        }
    }
}
