import EarnedDomain
import EarnedStore
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

@Suite("Roles and locations")
struct AccessTests {
    func southCustomer(_ app: Application, _ f: Fixture) async throws -> Customer {
        try await CustomerRepository(db: app.db).create(
            CustomerDraft(name: "Светлана Южная", phones: ["+7 912 000-11-22"], homeLocationID: f.south.id),
            actor: f.owner,
            now: testNow)
    }

    @Test("staff of the north get 404 for a southern customer, on the page and in the API")
    func otherLocationHidden() async throws {
        try await withEarnedApp { app, f in
            let customer = try await southCustomer(app, f)
            let path = "/customers/\(customer.id)"
            let north = try await app.session(for: f.northStaff)
            let page = try await app.send(.GET, path, cookie: north.cookie)
            #expect(page.status == .notFound)
            #expect(!page.text.contains("Светлана"))
            let api = try await app.send(.GET, "/api/v1\(path)", token: f.token(f.northStaff))
            #expect(api.status == .notFound)
            #expect(api.isProblem)
            let list = try await app.send(.GET, "/api/v1/customers", token: f.token(f.northStaff))
            #expect(list.status == .ok)
            #expect(!list.text.contains(customer.id.description))
            // The manager of the north does not see it either; the south's staff and the owner do.
            #expect(try await app.send(.GET, "/api/v1\(path)", token: f.token(f.manager)).status == .notFound)
            #expect(try await app.send(.GET, "/api/v1\(path)", token: f.token(f.southStaff)).status == .ok)
            #expect(try await app.send(.GET, "/api/v1\(path)", token: f.token(f.owner)).status == .ok)
            let southPage = try await app.send(.GET, path, cookie: try await app.session(for: f.southStaff).cookie)
            #expect(southPage.status == .ok)
            #expect(southPage.text.contains("Светлана Южная"))
        }
    }

    @Test("staff cannot put a customer or an order in another location")
    func cannotWriteElsewhere() async throws {
        try await withEarnedApp { app, f in
            let response = try await app.send(
                .POST, "/api/v1/customers", token: f.token(f.northStaff),
                json: #"{"name": "Пётр", "home_location_id": "\#(f.south.id)"}"#)
            #expect(response.status == .unprocessableEntity)
            #expect(response.problemFields == ["home_location_id"])
            let customer = try await southCustomer(app, f)
            let order = try await app.send(
                .POST, "/api/v1/orders", token: f.token(f.northStaff),
                json: #"{"customer_id": "\#(customer.id)", "amount_minor_units": 1000}"#)
            #expect(order.status == .unprocessableEntity)
            #expect(order.problemFields.contains("customer_id"))
            #expect(try await app.count("orders") == 0)
        }
    }

    @Test("owner-only pages and actions refuse other roles")
    func ownerOnly() async throws {
        try await withEarnedApp { app, f in
            let manager = try await app.session(for: f.manager)
            for path in ["/locations", "/staff", "/audit", "/consistency", "/loyalty"] {
                #expect(try await app.send(.GET, path, cookie: manager.cookie).status == .forbidden, "\(path)")
            }
            let owner = try await app.session(for: f.owner)
            for path in [
                "/locations", "/staff", "/audit", "/customers", "/orders", "/tokens", "/import", "/consistency",
                "/loyalty", "/scorecard",
            ] {
                #expect(try await app.send(.GET, path, cookie: owner.cookie).status == .ok, "\(path)")
            }
            // Each extra-location box has its own id, so each has its own label.
            let form = try await app.send(.GET, "/staff/new", cookie: owner.cookie).text
            for location in [f.north, f.south] {
                #expect(form.contains(#"id="extra_location_\#(location.id)""#), "\(location.name)")
                #expect(form.contains(#"for="extra_location_\#(location.id)""#), "\(location.name)")
            }
            #expect(!form.contains(#"id="extra_location_ids[]""#))
            let staff = try await app.send(
                .POST, "/api/v1/staff", token: f.token(f.manager),
                json:
                    #"{"name": "X", "email": "x@test.earned", "role": "staff", "home_location_id": "\#(f.north.id)", "password": "long enough pw"}"#
            )
            #expect(staff.status == .forbidden)
            #expect(try await app.count("staff") == 4)
            let customer = try await southCustomer(app, f)
            let erase = try await app.send(
                .POST, "/api/v1/customers/\(customer.id)/erase", token: f.token(f.southStaff))
            #expect(erase.status == .forbidden)
        }
    }

    @Test("pages without a session go to sign-in; the API without a token answers 401")
    func unauthenticated() async throws {
        try await withEarnedApp { app, _ in
            let page = try await app.send(.GET, "/customers")
            #expect(page.status == .seeOther)
            #expect(page.headers.first(name: .location)?.hasPrefix("/sign-in") == true)
            let api = try await app.send(.GET, "/api/v1/customers")
            #expect(api.status == .unauthorized)
            #expect(api.isProblem)
            let bad = try await app.send(.GET, "/api/v1/customers", token: "ern_nonsense")
            #expect(bad.status == .unauthorized)
        }
    }

    @Test("a revoked token stops working")
    func revokedToken() async throws {
        try await withEarnedApp { app, f in
            let tokens = try await SecurityStore(db: app.db).tokens(of: f.northStaff.id)
            try await SecurityStore(db: app.db).revokeToken(tokens[0].id, of: f.northStaff.id, now: testNow)
            #expect(try await app.send(.GET, "/api/v1/me", token: f.token(f.northStaff)).status == .unauthorized)
        }
    }
}
