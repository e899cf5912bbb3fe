import EarnedDomain
import EarnedTestSupport
import FluentKit
import Foundation
import Testing

@testable import EarnedStore

/// A list read in parts (each of a person's locations, and their own rows elsewhere) must be
/// the list one query would give: the same rows, once each, in the same order, page after page.
@Suite("Lists read location by location, merged")
struct ListPartsTests {
    /// Orders in two locations and none, some at the same minute so the id decides the order.
    func orders(_ f: TestFixture, on db: any Database) async throws -> [Order] {
        let customer = try await f.customer("Анна", on: db)
        let repository = OrderRepository(db: db, defaultCurrency: "RUB")
        var made: [Order] = []
        let sellers = [f.northSeller, f.northManager, f.southSeller]
        for i in 0..<18 {
            // Every third minute is shared by three orders, one of each seller.
            let at = testNow - Double(i / 3) * 60
            let seller = sellers[i % 3]
            // The north seller also sells in the south now and then: their own rows elsewhere.
            let location = i % 6 == 0 ? f.south.id : seller.homeLocationID
            made.append(
                try await repository.create(
                    OrderDraft(
                        customerID: customer.id, sellerID: seller.id, locationID: location, placedAt: at,
                        amountMinorUnits: 10_000), actor: f.owner, now: testNow))
        }
        return made
    }

    /// Every page of the list, read `limit` at a time by its cursor.
    func pages(_ db: any Database, _ actor: Staff, limit: Int) async throws -> (ids: [OrderID], totals: Set<Int>) {
        var ids: [OrderID] = []
        var totals: Set<Int> = []
        var cursor: String?
        repeat {
            let page = try await OrderRepository(db: db, defaultCurrency: "RUB").list(
                OrderQuery(cursor: cursor, limit: limit), actor: actor)
            ids += page.items.map(\.id)
            totals.insert(page.total ?? -1)
            #expect(!page.totalIsLowerBound)
            cursor = page.nextCursor
        } while cursor != nil
        return (ids, totals)
    }

    @Test("a person's locations one by one and their own sales elsewhere merge into the list's order")
    func mergesInOrder() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            let made = try await orders(f, on: db)
            var regional = f.northManager
            regional.extraLocationIDs = [f.south.id]
            for actor in [f.northSeller, f.northManager, f.southSeller, regional, f.owner] {
                let expected =
                    made
                    .filter { Policy.maySee(actor, recordAt: $0.locationID, belongingTo: $0.sellerID) }
                    .sorted {
                        $0.placedAt != $1.placedAt
                            ? $0.placedAt > $1.placedAt : $0.id.rawValue.uuidString > $1.id.rawValue.uuidString
                    }
                    .map(\.id)
                #expect(!expected.isEmpty)
                for limit in [1, 2, 4, 50] {
                    let read = try await pages(db, actor, limit: limit)
                    #expect(read.ids == expected, "\(actor.name), \(limit) a page")
                    #expect(read.totals == [expected.count], "\(actor.name), \(limit) a page")
                }
            }
            // The north seller's own sales in the south are theirs to see; the south seller's are not.
            let north = try await pages(db, f.northSeller, limit: 50).ids
            #expect(
                made.contains {
                    $0.locationID == f.south.id && $0.sellerID == f.northSeller.id && north.contains($0.id)
                })
            #expect(!made.contains { $0.sellerID == f.southSeller.id && north.contains($0.id) })
        }
    }

    @Test("a person's own rows elsewhere read by id or, when many, by the list's filters: the same list")
    func ownRowsElsewhere() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            let made = try await orders(f, on: db)
            let expected =
                made
                .filter { Policy.maySee(f.northSeller, recordAt: $0.locationID, belongingTo: $0.sellerID) }
                .sorted {
                    $0.placedAt != $1.placedAt
                        ? $0.placedAt > $1.placedAt : $0.id.rawValue.uuidString > $1.id.rawValue.uuidString
                }
                .map(\.id.rawValue)
            for ownByID in [0, 1, 1_000] {
                let parts = try await ListParts.visible(
                    OrderRecord.query(on: db), to: f.northSeller, location: "location_id", people: ["seller_id"],
                    ownByID: ownByID)
                #expect(parts.count == 2, "north, and the seller's own sales in the south")
                let read = try await KeysetPage.fetch(
                    parts: parts, time: "placed_at", descending: true, cursor: nil, limit: 100, timeOf: \.placedAt)
                #expect(read.rows.compactMap(\.id) == expected, "\(ownByID) read by id")
                #expect(read.total == expected.count)
            }
            // Someone with nothing outside their locations is read from them alone.
            let south = try await ListParts.visible(
                OrderRecord.query(on: db), to: f.southSeller, location: "location_id", people: ["seller_id"])
            #expect(south.count == 1)
        }
    }

    @Test("counting stops past its limit and says the total is a lower bound")
    func countStops() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            let made = try await orders(f, on: db)
            #expect(try await KeysetPage.count(OrderRecord.query(on: db), upTo: 5) == 5)
            #expect(try await KeysetPage.count(OrderRecord.query(on: db), upTo: 100) == made.count)
            let south = OrderRecord.query(on: db).filter(\.$locationID == f.south.id.rawValue)
            #expect(try await KeysetPage.count(south, upTo: 100) == made.filter { $0.locationID == f.south.id }.count)

            let parts = try await ListParts.visible(
                OrderRecord.query(on: db), to: f.northSeller, location: "location_id", people: ["seller_id"])
            let visible = made.filter {
                Policy.maySee(f.northSeller, recordAt: $0.locationID, belongingTo: $0.sellerID)
            }
            let capped = try await KeysetPage.fetch(
                parts: parts, time: "placed_at", descending: true, cursor: nil, limit: 3, countLimit: 4,
                timeOf: \.placedAt)
            #expect(capped.total == 4 && capped.totalIsLowerBound)
            #expect(capped.rows.count == 3 && capped.next != nil)
            let exact = try await KeysetPage.fetch(
                parts: try await ListParts.visible(
                    OrderRecord.query(on: db), to: f.northSeller, location: "location_id", people: ["seller_id"]),
                time: "placed_at", descending: true, cursor: nil, limit: 3, countLimit: visible.count,
                timeOf: \.placedAt)
            #expect(exact.total == visible.count && !exact.totalIsLowerBound)
        }
    }

    @Test("a broken cursor is refused by name before anything is read")
    func brokenCursor() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            await #expect(throws: DomainError.invalid([FieldError(field: "cursor", code: .invalidFormat)])) {
                _ = try await OrderRepository(db: db, defaultCurrency: "RUB").list(
                    OrderQuery(cursor: "not-a-cursor"), actor: f.northSeller)
            }
        }
    }
}
