import EarnedDomain
import FluentKit
import Foundation
import Testing
import Vapor

@testable import EarnedStore
@testable import EarnedWeb

@Suite("Suggested duplicates")
struct DuplicateTests {
    /// Two cards of one person as a shop's export holds them, and someone else.
    struct Cards {
        var anna: Customer
        var annaAgain: Customer
        var other: Customer
    }

    func cards(_ app: Application, _ f: Fixture, secondAt location: LocationID? = nil) async throws -> Cards {
        let repo = CustomerRepository(db: app.db)
        let anna = try await repo.create(
            CustomerDraft(name: "Семёнова Анна", phones: ["+7 916 123-45-67"], homeLocationID: f.north.id),
            actor: f.owner, now: testNow)
        let annaAgain = try await repo.create(
            CustomerDraft(name: "Семенова Анна", phones: ["8-916-1234567"], homeLocationID: location ?? f.north.id),
            actor: f.owner, now: testNow)
        let other = try await repo.create(
            CustomerDraft(name: "Петров Пётр", phones: ["+7 916 765-43-21"], homeLocationID: f.north.id),
            actor: f.owner, now: testNow)
        return Cards(anna: anna, annaAgain: annaAgain, other: other)
    }

    @Test("one phone written two ways makes exactly one pair, with its reason, in the API and on the pages")
    func onePair() async throws {
        try await withEarnedApp { app, f in
            let c = try await cards(app, f)
            #expect(c.anna.phones == ["+79161234567"])
            #expect(c.annaAgain.phones == ["+79161234567"])
            let listed = try await app.send(.GET, "/api/v1/customers/duplicates", token: f.token(f.manager))
            #expect(listed.status == .ok, "\(listed.text)")
            let items = try #require(try listed.json()["items"] as? [[String: Any]])
            #expect(items.count == 1)
            let pair = try #require(items.first)
            let ids = Set([pair["first"], pair["second"]].compactMap { ($0 as? [String: Any])?["id"] as? String })
            #expect(ids == [c.anna.id.description, c.annaAgain.id.description])
            #expect(pair["reasons"] as? [String] == ["phone"])
            #expect(pair["first_order_count"] as? Int == 0)
            #expect(try await CustomerRepository(db: app.db).duplicateCount(actor: f.manager) == 1)

            let session = try await app.session(for: f.manager)
            let page = try await app.send(.GET, "/customers/duplicates", cookie: session.cookie)
            #expect(page.status == .ok)
            #expect(page.text.contains("Семёнова Анна"))
            #expect(page.text.contains("Семенова Анна"))
            #expect(page.text.contains("один телефон"))
            #expect(!page.text.contains("Петров"))
            #expect(page.text.contains("name=\"_csrf\" value=\"\(session.csrf)\""))
            let list = try await app.send(.GET, "/customers", cookie: session.cookie)
            #expect(list.text.contains(">Возможные дубли</a>"))
            #expect(list.text.contains("href=\"/customers/duplicates\""))
            let card = try await app.send(.GET, "/customers/\(c.anna.id)", cookie: session.cookie)
            #expect(card.text.contains("id=\"duplicates\""))
            #expect(card.text.contains("href=\"/customers/\(c.annaAgain.id)\""))
            let unrelated = try await app.send(.GET, "/customers/\(c.other.id)", cookie: session.cookie)
            #expect(!unrelated.text.contains("id=\"duplicates\""))
        }
    }

    @Test("a pair dismissed as not the same person is not proposed again")
    func dismissed() async throws {
        try await withEarnedApp { app, f in
            let c = try await cards(app, f)
            let session = try await app.session(for: f.manager)
            // The second card first: the pair is one pair whichever way it is named.
            let dismissed = try await app.send(
                .POST, "/customers/duplicates/dismiss", cookie: session.cookie,
                form: ["_csrf": session.csrf, "first": c.annaAgain.id.description, "second": c.anna.id.description])
            #expect(dismissed.status == .seeOther, "\(dismissed.text)")
            #expect(try await CustomerRepository(db: app.db).duplicateCount(actor: f.manager) == 0)
            let page = try await app.send(.GET, "/customers/duplicates", cookie: session.cookie)
            #expect(!page.text.contains("Семенова Анна"))
            #expect(try await app.count("duplicate_dismissals") == 1)
            // Both cards stay.
            #expect(try await CustomerRepository(db: app.db).count(actor: f.owner) == 3)
        }
    }

    @Test("merging from the page keeps the chosen card, moves the orders and removes the pair")
    func mergeFromPage() async throws {
        try await withEarnedApp { app, f in
            let c = try await cards(app, f)
            let orders = OrderRepository(db: app.db)
            for (customer, amount) in [(c.anna, 100), (c.annaAgain, 200), (c.annaAgain, 300)] {
                _ = try await orders.create(
                    OrderDraft(customerID: customer.id, amountMinorUnits: Int64(amount)), actor: f.owner, now: testNow)
            }
            let session = try await app.session(for: f.manager)
            let page = try await app.send(.GET, "/customers/duplicates", cookie: session.cookie)
            #expect(page.text.contains("name=\"survivor\" value=\"\(c.annaAgain.id)\""))
            let merged = try await app.send(
                .POST, "/customers/duplicates/merge", cookie: session.cookie,
                form: [
                    "_csrf": session.csrf, "first": c.anna.id.description, "second": c.annaAgain.id.description,
                    "survivor": c.annaAgain.id.description,
                ])
            #expect(merged.status == .seeOther, "\(merged.text)")
            let kept = try await orders.list(OrderQuery(customerID: c.annaAgain.id), actor: f.owner).items
            #expect(kept.map(\.amount.minorUnits).sorted() == [100, 200, 300])
            let repo = CustomerRepository(db: app.db)
            #expect(try await repo.get(c.anna.id, actor: f.owner).id == c.annaAgain.id)
            #expect(try await repo.duplicateCount(actor: f.manager) == 0)
            let after = try await app.send(.GET, "/customers/duplicates", cookie: session.cookie)
            #expect(after.text.contains("Возможных дублей нет."))
        }
    }

    @Test("a survivor that is neither card of the pair is refused on the page, and nothing merges")
    func mergeRefused() async throws {
        try await withEarnedApp { app, f in
            let c = try await cards(app, f)
            let session = try await app.session(for: f.manager)
            let refused = try await app.send(
                .POST, "/customers/duplicates/merge", cookie: session.cookie,
                form: [
                    "_csrf": session.csrf, "first": c.anna.id.description, "second": c.annaAgain.id.description,
                    "survivor": c.other.id.description,
                ])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains("role=\"alert\""))
            #expect(try await CustomerRepository(db: app.db).duplicateCount(actor: f.manager) == 1)
        }
    }

    @Test("a pair with a customer one may not see is not shown; staff may not ask at all")
    func visibility() async throws {
        try await withEarnedApp { app, f in
            _ = try await cards(app, f, secondAt: f.south.id)
            let north = try await app.send(.GET, "/api/v1/customers/duplicates", token: f.token(f.manager))
            #expect(north.status == .ok)
            #expect((try north.json()["items"] as? [Any])?.count == 0)
            let page = try await app.send(
                .GET, "/customers/duplicates", cookie: try await app.session(for: f.manager).cookie)
            #expect(!page.text.contains("Семенова Анна"))
            #expect(try await CustomerRepository(db: app.db).duplicateCount(actor: f.manager) == 0)
            // The list links to the suggestions for whoever may merge; a shop assistant sees no link.
            let list = try await app.send(.GET, "/customers", cookie: try await app.session(for: f.manager).cookie)
            #expect(list.text.contains("href=\"/customers/duplicates\""))
            let theirs = try await app.send(.GET, "/customers", cookie: try await app.session(for: f.northStaff).cookie)
            #expect(theirs.status == .ok && !theirs.text.contains("/customers/duplicates"))
            let owner = try await app.send(.GET, "/api/v1/customers/duplicates", token: f.token(f.owner))
            #expect((try owner.json()["items"] as? [Any])?.count == 1)
            let staff = try await app.send(.GET, "/api/v1/customers/duplicates", token: f.token(f.northStaff))
            #expect(staff.status == .forbidden)
            let staffPage = try await app.send(
                .GET, "/customers/duplicates", cookie: try await app.session(for: f.southStaff).cookie)
            #expect(staffPage.status == .forbidden)
        }
    }

    @Test("the API dismisses a pair, and refuses a missing, malformed, unknown or repeated id with 422")
    func apiDismissal() async throws {
        try await withEarnedApp { app, f in
            let c = try await cards(app, f)
            let south = try await CustomerRepository(db: app.db).create(
                CustomerDraft(name: "Юг", homeLocationID: f.south.id), actor: f.owner, now: testNow)
            let token = f.token(f.manager)
            let path = "/api/v1/customers/duplicates/dismissals"
            let malformed = try await app.send(
                .POST, path, token: token, json: #"{"first_id": "nonsense", "second_id": "\#(c.anna.id)"}"#)
            #expect(malformed.status == .unprocessableEntity)
            #expect(malformed.isProblem)
            #expect(malformed.problemFields == ["first_id"])
            let missing = try await app.send(.POST, path, token: token, json: #"{"first_id": "\#(c.anna.id)"}"#)
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.problemFields == ["second_id"])
            let unknown = try await app.send(
                .POST, path, token: token, json: #"{"first_id": "\#(c.anna.id)", "second_id": "\#(UUID())"}"#)
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.problemFields == ["second_id"])
            let hidden = try await app.send(
                .POST, path, token: token, json: #"{"first_id": "\#(south.id)", "second_id": "\#(c.anna.id)"}"#)
            #expect(hidden.status == .unprocessableEntity)
            #expect(hidden.problemFields == ["first_id"])
            let same = try await app.send(
                .POST, path, token: token, json: #"{"first_id": "\#(c.anna.id)", "second_id": "\#(c.anna.id)"}"#)
            #expect(same.status == .unprocessableEntity)
            #expect(same.problemFields == ["second_id"])
            #expect(try await app.count("duplicate_dismissals") == 0)

            let done = try await app.send(
                .POST, path, token: token,
                json: #"{"first_id": "\#(c.anna.id)", "second_id": "\#(c.annaAgain.id)"}"#)
            #expect(done.status == .created, "\(done.text)")
            #expect(try done.json()["dismissed_by_id"] as? String == f.manager.id.description)
            let listed = try await app.send(.GET, "/api/v1/customers/duplicates", token: token)
            #expect((try listed.json()["items"] as? [Any])?.count == 0)
            let staff = try await app.send(
                .POST, path, token: f.token(f.northStaff),
                json: #"{"first_id": "\#(c.anna.id)", "second_id": "\#(c.other.id)"}"#)
            #expect(staff.status == .forbidden)
        }
    }

    @Test("card numbers fold; a name needs a birthday or a city; a value on too many cards proposes nothing")
    func otherKeys() async throws {
        try await withEarnedApp { app, f in
            let repo = CustomerRepository(db: app.db)
            func make(_ draft: CustomerDraft) async throws -> Customer {
                var draft = draft
                draft.homeLocationID = f.north.id
                return try await repo.create(draft, actor: f.owner, now: testNow)
            }
            let card = try await make(CustomerDraft(name: "Иванов", externalID: "00-0123"))
            let cardAgain = try await make(CustomerDraft(name: "Сидоров", externalID: "123"))
            let day = CustomerDate(kind: .birthday, date: LocalDate(year: 1980, month: 2, day: 3))
            let born = try await make(CustomerDraft(name: "Ёлкина Вера", dates: [day]))
            let bornAgain = try await make(
                CustomerDraft(
                    name: "елкина, вера",
                    dates: [CustomerDate(kind: .birthday, date: LocalDate(year: nil, month: 2, day: 3))]))
            let town = try await make(CustomerDraft(name: "Орлов Олег", city: "г. Тверь"))
            let townAgain = try await make(CustomerDraft(name: "Орлов Олег", city: "Тверь"))
            _ = try await make(CustomerDraft(name: "Орлов Олег", city: "Псков"))
            _ = try await make(CustomerDraft(name: "Ёлкина Вера"))
            for index in 0...DuplicateRule.sharedLimit {
                _ = try await make(CustomerDraft(name: "Покупатель \(index)", emails: ["shop@example.ru"]))
            }
            let pairs = try await repo.duplicates(actor: f.owner, limit: 100).items
            let found = Set(pairs.map { Set([$0.first.id, $0.second.id]) })
            #expect(found == [[card.id, cardAgain.id], [born.id, bornAgain.id], [town.id, townAgain.id]])
            let reasons = Dictionary(
                uniqueKeysWithValues: pairs.map { (Set([$0.first.id, $0.second.id]), $0.reasons) })
            #expect(reasons[[card.id, cardAgain.id]] == [.externalID])
            #expect(reasons[[born.id, bornAgain.id]] == [.nameAndBirthday])
            #expect(reasons[[town.id, townAgain.id]] == [.nameAndCity])
            #expect(try await repo.duplicateCount(actor: f.owner) == 3)
            // Pages of one pair follow each other without repeats.
            let first = try await repo.duplicates(actor: f.owner, limit: 2)
            let second = try await repo.duplicates(actor: f.owner, cursor: first.nextCursor, limit: 2)
            #expect(first.items.count == 2)
            #expect(second.items.count == 1)
            #expect(first.total == 3 && second.total == 3 && !first.totalIsLowerBound)
            #expect(second.nextCursor == nil)
            let paged = Set((first.items + second.items).map { Set([$0.first.id, $0.second.id]) })
            #expect(paged == found)
            // An erased card leaves its pair.
            try await repo.erase(townAgain.id, actor: f.owner, now: testNow)
            #expect(try await repo.duplicateCount(actor: f.owner) == 2)
        }
    }

    @Test("the migration gives existing customers their keys")
    func backfill() async throws {
        try await withEarnedApp { app, f in
            let repo = CustomerRepository(db: app.db)
            _ = try await repo.create(
                CustomerDraft(name: "Первый", homeLocationID: f.north.id, externalID: "007"), actor: f.owner,
                now: testNow)
            _ = try await repo.create(
                CustomerDraft(name: "Второй", homeLocationID: f.north.id, externalID: "7"), actor: f.owner,
                now: testNow)
            #expect(try await repo.duplicateCount(actor: f.owner) == 1)
            try await CreateDuplicateDismissals().revert(on: app.db)
            try await CreateDuplicateDismissals().prepare(on: app.db)
            #expect(try await repo.duplicateCount(actor: f.owner) == 1)
        }
    }
}
