import EarnedDomain
import EarnedStore
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

@Suite("Customers' city and address")
struct CustomerAddressTests {
    @Test("the API writes, changes, clears and refuses a city and an address")
    func api() async throws {
        try await withEarnedApp { app, f in
            let created = try await app.send(
                .POST, "/api/v1/customers", token: f.token(f.northStaff),
                json:
                    #"{"name": "Анна Семёнова", "home_location_id": "\#(f.north.id)", "city": " Москва ", "address": "ул. Ленина, 1, кв. 5"}"#
            )
            #expect(created.status == .created, "\(created.text)")
            let body = try created.json()
            #expect(body["city"] as? String == "Москва")
            #expect(body["address"] as? String == "ул. Ленина, 1, кв. 5")
            let id = try #require(body["id"] as? String)
            let changed = try await app.send(
                .PATCH, "/api/v1/customers/\(id)", token: f.token(f.northStaff),
                json: #"{"city": "Тверь", "address": ""}"#)
            #expect(changed.status == .ok, "\(changed.text)")
            let after = try changed.json()
            #expect(after["city"] as? String == "Тверь")
            #expect(after.keys.contains("address"))
            #expect(after["address"] is NSNull)
            // A PATCH that does not name them keeps them.
            let renamed = try await app.send(
                .PATCH, "/api/v1/customers/\(id)", token: f.token(f.northStaff), json: #"{"name": "Анна"}"#)
            #expect(try renamed.json()["city"] as? String == "Тверь")
            let tooLong = try await app.send(
                .PATCH, "/api/v1/customers/\(id)", token: f.token(f.northStaff),
                json:
                    #"{"city": "\#(String(repeating: "я", count: 101))", "address": "\#(String(repeating: "д", count: 301))"}"#
            )
            #expect(tooLong.status == .unprocessableEntity)
            #expect(tooLong.isProblem)
            #expect(Set(tooLong.problemFields) == ["city", "address"])
            let stored = try await CustomerRepository(db: app.db).get(
                try #require(CustomerID(string: id)), actor: f.owner)
            #expect(stored.city == "Тверь")
            #expect(stored.address == nil)
        }
    }

    @Test("the form creates and edits a city and an address; the page shows them under contacts")
    func pages() async throws {
        try await withEarnedApp { app, f in
            let session = try await app.session(for: f.northStaff)
            let created = try await app.send(
                .POST, "/customers", cookie: session.cookie,
                form: [
                    "_csrf": session.csrf, "name": "Пётр Иванов", "home_location_id": f.north.id.description,
                    "city": "Казань", "address": "ул. Баумана, 12",
                ])
            #expect(created.status == .seeOther, "\(created.text)")
            let path = try #require(created.headers.first(name: .location))
            let page = try await app.send(.GET, path, cookie: session.cookie)
            #expect(page.text.contains("Город"))
            #expect(page.text.contains("Казань"))
            #expect(page.text.contains("ул. Баумана, 12"))
            let edit = try await app.send(.GET, path + "/edit", cookie: session.cookie)
            #expect(edit.text.contains("value=\"Казань\""))
            let refused = try await app.send(
                .POST, path, cookie: session.cookie,
                form: [
                    "_csrf": session.csrf, "name": "Пётр Иванов", "home_location_id": f.north.id.description,
                    "city": "Казань", "address": String(repeating: "д", count: 301),
                ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("Не длиннее 300 символов."))
            // What was typed is shown again.
            #expect(refused.text.contains(String(repeating: "д", count: 301)))
            let saved = try await app.send(
                .POST, path, cookie: session.cookie,
                form: [
                    "_csrf": session.csrf, "name": "Пётр Иванов", "home_location_id": f.north.id.description,
                    "city": "", "address": "пр. Победы, 3",
                ])
            #expect(saved.status == .seeOther)
            let id = try #require(CustomerID(string: String(path.split(separator: "/").last!)))
            let customer = try await CustomerRepository(db: app.db).get(id, actor: f.owner)
            #expect(customer.city == nil)
            #expect(customer.address == "пр. Победы, 3")
        }
    }

    @Test("a merge keeps the survivor's city and address and takes the duplicate's where it has none")
    func merge() async throws {
        try await withEarnedApp { app, f in
            let repo = CustomerRepository(db: app.db)
            let survivor = try await repo.create(
                CustomerDraft(name: "Анна", homeLocationID: f.north.id, address: "ул. Первая, 1"), actor: f.owner,
                now: testNow)
            let duplicate = try await repo.create(
                CustomerDraft(name: "Анна С.", homeLocationID: f.north.id, city: "Тула", address: "ул. Вторая, 2"),
                actor: f.owner, now: testNow)
            let merged = try await repo.merge(
                survivor: survivor.id, absorbed: duplicate.id, actor: f.manager, now: testNow)
            #expect(merged.city == "Тула")
            #expect(merged.address == "ул. Первая, 1")
            let stored = try await repo.get(survivor.id, actor: f.owner)
            #expect(stored.city == "Тула")
            #expect(stored.address == "ул. Первая, 1")
        }
    }

    @Test("an erasure empties the city and the address; the data export carries them before")
    func erasure() async throws {
        try await withEarnedApp { app, f in
            let repo = CustomerRepository(db: app.db)
            let customer = try await repo.create(
                CustomerDraft(name: "Анна", homeLocationID: f.north.id, city: "Тула", address: "ул. Тайная, 7"),
                actor: f.owner, now: testNow)
            let export = try await app.send(
                .GET, "/api/v1/customers/\(customer.id)/export", token: f.token(f.manager))
            let card = try #require(try export.json()["customer"] as? [String: Any])
            #expect(card["city"] as? String == "Тула")
            #expect(card["address"] as? String == "ул. Тайная, 7")
            try await repo.erase(customer.id, actor: f.owner, now: testNow)
            let erased = try await repo.get(customer.id, actor: f.owner)
            #expect(erased.city == nil)
            #expect(erased.address == nil)
            #expect(try await PersonalDataScan.find(["Тула", "Тайная"], in: app.db).isEmpty)
        }
    }
}
