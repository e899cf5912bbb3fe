import EarnedDomain
import EarnedFormats
import EarnedServices
import EarnedStore
import EarnedTestSupport
import FluentKit
import Foundation
import Testing

@Suite("importing a shop's file")
struct ShopImportTests {
    static func run(_ text: String, kind: ImportKind, actor: Staff, on db: any Database) async throws -> ImportReport {
        try await ShopImport.run(
            records: CSVRecordStream(data: Data(text.utf8)),
            options: Importer.Options(kind: kind, timeZone: TimeZone(identifier: "Europe/Moscow")!), actor: actor,
            now: testNow, on: db)
    }

    static let log = """
         00004 0001 19970101  2   29.33
         00004 0001 19970118  2   29.73
         00004 0001 19970118  1   14.96
         00021 0002 19970101  3   63.34
        """

    @Test("a plain transaction log imports through the documented mapping")
    func transactionLog() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)

            let report = try await Self.run(Self.log, kind: .transactions, actor: f.owner, on: db)
            let again = try await Self.run(Self.log, kind: .transactions, actor: f.owner, on: db)

            #expect(report.problems == [])
            #expect(report.created == 4)
            #expect(again.unchanged == 4)
            #expect(try await CustomerRepository(db: db).countAll() == 2)
            let orders = try await OrderRepository(db: db).list(OrderQuery(), actor: f.owner).items
            #expect(orders.count == 4)
            #expect(orders.map(\.amount.minorUnits).sorted() == [1496, 2933, 2973, 6334])
            #expect(orders.filter { $0.quantity == 2 }.count == 2)
        }
    }

    @Test("a log's lines get the customer, the day and their rank that day; its customers are named by number")
    func decisions() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)

            _ = try await Self.run(Self.log, kind: .transactions, actor: f.northManager, on: db)

            let orders = try await OrderRepository(db: db).list(OrderQuery(), actor: f.owner).items
            #expect(
                Set(orders.compactMap(\.externalID)) == [
                    "T:00004:19970101:1", "T:00004:19970118:1", "T:00004:19970118:2", "T:00021:19970101:1",
                ])
            let customers = try await CustomerRepository(db: db).list(CustomerQuery(), actor: f.owner).items
            #expect(Set(customers.map(\.name)) == ["Customer 00004", "Customer 00021"])
            #expect(customers.allSatisfy { $0.homeLocationID == f.north.id })
        }
    }

    @Test("an order file naming an unknown customer is refused whole: only a log creates customers")
    func ordersCreateNoCustomers() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            let unknown = "order id,customer id,date,total\nA-1,C-404,2026-11-01,10.00\n"

            let report = try await Self.run(unknown, kind: .orders, actor: f.owner, on: db)

            #expect(report.rolledBack)
            #expect(report.problems.first?.column == "customer_id")
            #expect(try await CustomerRepository(db: db).countAll() == 0)
        }
    }
}
