import EarnedDomain
import EarnedTestSupport
import FluentKit
import Foundation
import SQLKit
import Testing

@testable import EarnedStore

/// Customer search through the trigram index (FTS5 on SQLite, `pg_trgm` on PostgreSQL) finds
/// exactly the customers whose folded search text holds every word of the query — the answer
/// computed here in Swift from the customers themselves — on whichever database the tests run
/// (CI runs this suite on both), for Cyrillic, Latin, phone and e-mail fragments, and stays right
/// as customers are renamed, merged and erased.
@Suite("Customer search by fragments, the same on both databases")
struct CustomerSearchTests {
    static let people: [(name: String, phones: [String], emails: [String])] = [
        ("Семёнова Анна", ["+7 912 345-67-89"], ["anna.semenova@mail.ru"]),
        ("Семенов Пётр", ["+7 912 000-11-22"], []),
        ("Anna Schmidt", ["+49 151 2345 6789"], ["a.schmidt@example.de"]),
        ("ООО «Ромашка»", [], ["info@romashka.ru"]),
        ("Иванов Иван Ильич", ["8 (916) 555-44-33"], ["ivanov@example.com"]),
        ("Jan de Vries", [], ["jan.devries@example.nl"]),
        ("Анна-Мария Петрова", ["+7 495 123-45-67"], []),
        ("Ян", [], []),
        ("Ёлкина Алёна", [], ["alena@elka-shop.ru"]),
        ("Müller Straße GmbH", ["+49 30 1234567"], ["kontakt@mueller.de"]),
    ]

    /// Fragments of every kind: parts of Cyrillic and Latin names in any case and with ё,
    /// digits of phones however written, parts of e-mail addresses, several words, two letters.
    static let queries = [
        "анн", "Анна", "СЕМЁН", "семен", "ёлк", "елкина", "ромашк", "анна петр", "иван ильич",
        "anna", "SCHMIDT", "vries", "müller", "straße", "gmbh",
        "912", "912 345", "+7 (912) 345-67-89", "8 912 345 67 89", "555-44", "1234567", "2345 6789",
        "mail.ru", "@example", "example.de", "romashka.ru", "elka-shop",
        "ян", "an", "zzz", "анна zzz",
    ]

    /// The customers whose search text holds every word of `query`, worked out in Swift.
    static func expected(_ query: String, in customers: [Customer]) -> Set<CustomerID> {
        let terms = CustomerRepository.searchTerms(query)
        return Set(customers.filter { c in terms.allSatisfy { c.searchText.contains($0) } }.map(\.id))
    }

    static func found(_ query: String, _ repo: CustomerRepository, _ actor: Staff) async throws -> Set<CustomerID> {
        Set(try await repo.list(CustomerQuery(search: query, limit: 500), actor: actor).items.map(\.id))
    }

    /// On SQLite, FTS5's own check that the index holds exactly what the customers table does.
    static func checkIndex(_ db: any Database) async throws {
        guard let sql = db.sqlite else { return }
        try await sql.raw("INSERT INTO customer_search (customer_search, rank) VALUES ('integrity-check', 1)").run()
    }

    @Test("every fragment finds exactly the customers that hold it")
    func fragments() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            let repo = CustomerRepository(db: db)
            var customers: [Customer] = []
            for person in Self.people {
                customers.append(
                    try await repo.create(
                        CustomerDraft(
                            name: person.name, phones: person.phones, emails: person.emails,
                            homeLocationID: f.north.id), actor: f.owner, now: testNow))
            }
            try await Self.checkIndex(db)
            var nonEmpty = 0
            for query in Self.queries {
                let expected = Self.expected(query, in: customers)
                #expect(try await Self.found(query, repo, f.owner) == expected, "\(query)")
                if !expected.isEmpty { nonEmpty += 1 }
            }
            // The fixture is made so that most fragments find someone: a search that finds nobody
            // everywhere would agree with the answer above and prove nothing.
            #expect(nonEmpty >= Self.queries.count - 3)
            #expect(try await Self.found("анн", repo, f.owner).count == 2)
            #expect(try await Self.found("912 345", repo, f.owner).count == 1)
        }
    }

    @Test("a renamed, merged or erased customer is found by what they are now, and only that")
    func changes() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            let repo = CustomerRepository(db: db)
            let anna = try await repo.create(
                CustomerDraft(name: "Anna Schmidt", emails: ["a.schmidt@example.de"], homeLocationID: f.north.id),
                actor: f.owner, now: testNow)
            let twin = try await repo.create(
                CustomerDraft(name: "Anna Schmitt", phones: ["+49 151 2345 6789"], homeLocationID: f.north.id),
                actor: f.owner, now: testNow)
            let zina = try await repo.create(
                CustomerDraft(name: "Зинаида Крюкова", phones: ["+7 912 345-67-89"], homeLocationID: f.north.id),
                actor: f.owner, now: testNow)
            #expect(try await Self.found("schmi", repo, f.owner) == [anna.id, twin.id])

            var draft = CustomerDraft(name: "Anna Müller", emails: ["a.mueller@example.de"])
            draft.homeLocationID = f.north.id
            _ = try await repo.update(anna.id, draft, actor: f.owner, now: testNow + 60)
            #expect(try await Self.found("schmidt", repo, f.owner).isEmpty)
            #expect(try await Self.found("müller", repo, f.owner) == [anna.id])
            #expect(try await Self.found("mueller", repo, f.owner) == [anna.id])

            _ = try await repo.merge(survivor: anna.id, absorbed: twin.id, actor: f.owner, now: testNow + 120)
            #expect(try await Self.found("schmitt", repo, f.owner).isEmpty)

            try await repo.erase(zina.id, actor: f.owner, now: testNow + 180)
            #expect(try await Self.found("зинаид", repo, f.owner).isEmpty)
            #expect(try await Self.found("912345", repo, f.owner).isEmpty)
            try await Self.checkIndex(db)
            // The index itself no longer holds the erased name (not just the list's filters).
            if let sql = db.sqlite {
                let rows = try await sql.raw(
                    "SELECT rowid FROM customer_search WHERE search_text LIKE \(bind: "%зинаид%")"
                ).all()
                #expect(rows.isEmpty)
            }
        }
    }
}
