import EarnedDomain
import EarnedFormats
import EarnedStore
import FluentKit
import Foundation

/// The one export rule, for the export page, the API and `earned export`: for a kind, a fixed
/// header, then one row per record `actor` may see, found through the same repository queries
/// (and so the same visibility rule, `Policy.maySee`) as that kind's list, in an optional period
/// of the kind's main time and an optional location. Read 500 records at a time and handed to the
/// caller a page at a time, each record once. Every cell goes through the one `CSVWriter`, so a
/// text that a spreadsheet would run as a formula is written as `'` + the text.
///
/// Customers, orders, inbound contacts and survey answers are written under the headers their
/// imports read (docs/import.md), so an export imports back and changes nothing; a record without
/// a code of its own system is written under its id in Earned, which reads back as that record.
/// Promises and cases have no import; their headers are in `header(_:)`.
package enum Export {
    /// How many records a page reads.
    static let pageSize = 500

    /// Names of locations and the e-mails of staff, by id, as the rows write them.
    struct Names {
        var locations: [LocationID: String]
        var staff: [StaffID: String]

        func location(_ id: LocationID?) -> String { id.flatMap { locations[$0] } ?? "" }
        func staff(_ id: StaffID?) -> String { id.flatMap { staff[$0] } ?? "" }
    }

    /// Writes the export `query` asks for: the dialect's preamble and the header, then the rows a
    /// page at a time through `write`. Returns the number of records. Managers and owners only.
    @discardableResult
    package static func write(
        _ query: ExportQuery, actor: Staff, now: Date, on db: any Database,
        to write: (String) async throws -> Void
    ) async throws -> Int {
        try Policy.require(actor, .exportData)
        let names = Names(
            locations: Dictionary(
                try await LocationRepository(db: db).all().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a }),
            staff: Dictionary(
                try await StaffRepository(db: db).all().map { ($0.id, $0.email) }, uniquingKeysWith: { a, _ in a }))
        let writer = query.dialect.writer(kinds(query.kind))
        try await write(query.dialect.preamble + writer.line(header(query.kind), header: true))
        let customers = CustomerRepository(db: db)
        /// The code a row names a customer by: their external id, else their id in Earned.
        func codes(_ ids: [CustomerID]) async throws -> [CustomerID: Customer] { try await customers.byIDs(ids) }
        func code(_ id: CustomerID?, _ found: [CustomerID: Customer]) -> String {
            guard let id else { return "" }
            return found[id]?.externalID ?? id.description
        }
        func lines(_ rows: [[String]]) -> String { rows.map { writer.line($0) }.joined() }

        switch query.kind {
        case .customers:
            return try await pages(
                { cursor in
                    try await customers.list(
                        CustomerQuery(locationID: query.location, cursor: cursor, limit: pageSize), actor: actor)
                }, id: \.id.rawValue
            ) { page in
                try await write(lines(page.map { customerRow($0, names) }))
            }
        case .orders:
            let repository = OrderRepository(db: db)
            return try await pages(
                { cursor in
                    try await repository.list(
                        OrderQuery(
                            locationID: query.location, from: query.from, to: query.to, cursor: cursor,
                            limit: pageSize), actor: actor)
                }, id: \.id.rawValue
            ) { page in
                let found = try await codes(page.map(\.customerID))
                try await write(lines(page.map { orderRow($0, customer: code($0.customerID, found), names) }))
            }
        case .promises:
            let repository = PromiseRepository(db: db)
            return try await pages(
                { cursor in
                    try await repository.search(
                        PromiseRepository.Query(
                            filter: .all, location: query.location, from: query.from, to: query.to, cursor: cursor,
                            limit: pageSize), actor: actor, now: now)
                }, id: \.id.rawValue
            ) { page in
                let found = try await codes(page.map(\.customerID))
                try await write(
                    lines(
                        page.map {
                            promiseRow(
                                $0, customer: code($0.customerID, found), name: found[$0.customerID]?.name ?? "",
                                names, now: now)
                        }))
            }
        case .cases:
            let repository = CaseRepository(db: db)
            return try await pages(
                { cursor in
                    try await repository.search(
                        CaseRepository.Query(
                            statuses: nil, location: query.location, from: query.from, to: query.to, cursor: cursor,
                            limit: pageSize), actor: actor)
                }, id: \.id.rawValue
            ) { page in
                let found = try await codes(page.map(\.customerID))
                try await write(
                    lines(
                        page.map {
                            caseRow(
                                $0, customer: code($0.customerID, found), name: found[$0.customerID]?.name ?? "",
                                names)
                        }))
            }
        case .contacts:
            let repository = ContactRepository(db: db)
            return try await pages(
                { cursor in
                    try await repository.search(
                        ContactRepository.Query(
                            location: query.location, from: query.from, to: query.to, cursor: cursor, limit: pageSize),
                        actor: actor)
                }, id: \.id.rawValue
            ) { page in
                let found = try await codes(page.compactMap(\.customerID))
                try await write(lines(page.map { contactRow($0, customer: code($0.customerID, found), names) }))
            }
        case .surveyAnswers:
            let repository = SurveyRepository(db: db)
            return try await pages(
                { cursor in
                    try await repository.answers(
                        SurveyRepository.AnswerQuery(
                            location: query.location, from: query.from, to: query.to, cursor: cursor, limit: pageSize),
                        actor: actor)
                }, id: \.id.rawValue
            ) { page in
                let found = try await codes(page.compactMap(\.customerID))
                try await write(lines(page.map { surveyAnswerRow($0, customer: code($0.customerID, found), names) }))
            }
        }
    }

    /// Reads every page from the first, hands each page's records not yet written to `each`, and
    /// counts them.
    static func pages<Item: Sendable>(
        _ fetch: (_ cursor: String?) async throws -> ResultPage<Item>, id: (Item) -> UUID,
        _ each: ([Item]) async throws -> Void
    ) async throws -> Int {
        var cursor: String?
        var written = Set<UUID>()
        repeat {
            let page = try await fetch(cursor)
            let fresh = page.items.filter { written.insert(id($0)).inserted }
            if !fresh.isEmpty { try await each(fresh) }
            cursor = page.nextCursor
        } while cursor != nil
        return written.count
    }
}
