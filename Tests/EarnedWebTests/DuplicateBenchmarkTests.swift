import EarnedDomain
import EarnedStore
import Foundation
import Testing

@testable import EarnedWeb

/// Finds duplicate suggestions among 100,000 customers, 1,000 of them second cards. Runs only
/// when EARNED_DUPLICATES_BENCHMARK is set (add EARNED_TEST_POSTGRES_URL for PostgreSQL).
@Suite(.enabled(if: ProcessInfo.processInfo.environment["EARNED_DUPLICATES_BENCHMARK"] != nil))
struct DuplicateBenchmarkTests {
    static func seconds(_ start: ContinuousClock.Instant) -> Double {
        let d = ContinuousClock.now - start
        return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
    }

    @Test func hundredThousandCustomers() async throws {
        try await withEarnedApp { app, f in
            var customers: [Customer] = []
            for i in 0..<100_000 {
                // Every hundredth customer's second card shares their phone, written as a stored one.
                let twin = i % 100 == 1
                let n = twin ? i - 1 : i
                customers.append(
                    Customer(
                        name: "Клиент \(i)",
                        contacts: [
                            ContactPoint(channel: .phone, value: "+7916\(String(format: "%07d", n))"),
                            ContactPoint(channel: .email, value: "c\(i)@example.ru"),
                        ], homeLocationID: i % 2 == 0 ? f.north.id : f.south.id, externalID: "E\(i)",
                        createdAt: testNow, updatedAt: testNow))
            }
            try await BulkWriter(db: app.db).insertCustomers(customers)
            let repo = CustomerRepository(db: app.db)
            var start = ContinuousClock.now
            let count = try await repo.duplicateCount(actor: f.owner)
            print("count of all pairs: \(Self.seconds(start)) s")
            #expect(count == 1000)
            start = ContinuousClock.now
            let page = try await repo.duplicates(actor: f.owner, limit: 20)
            print("first page: \(Self.seconds(start)) s")
            #expect(page.items.count == 20)
            start = ContinuousClock.now
            let later = try await repo.duplicates(actor: f.owner, cursor: page.nextCursor, limit: 20)
            print("second page: \(Self.seconds(start)) s")
            #expect(later.items.count == 20)
            start = ContinuousClock.now
            let managerCount = try await repo.duplicateCount(actor: f.manager)
            print("count for a manager of one location: \(Self.seconds(start)) s")
            // A twin is at the other location, so a manager of one sees none.
            #expect(managerCount == 0)
            for customer in [customers[100], customers[2000], customers[3001]] {
                start = ContinuousClock.now
                let one = try await repo.duplicates(of: customer.id, actor: f.owner)
                print("one customer's pairs: \(Self.seconds(start)) s")
                #expect(one.count == 1)
            }
            start = ContinuousClock.now
            let none = try await repo.duplicates(of: customers[2002].id, actor: f.owner)
            print("a customer without pairs: \(Self.seconds(start)) s")
            #expect(none.isEmpty)
        }
    }
}
