import EarnedDomain
import FluentKit
import Foundation
import SQLKit
import SQLiteNIO

/// Everything `earned score` reads, in compact arrays: orders as numbers (a business of
/// 100,000 customers has two million of them), the service records as domain values, survey
/// answers and invitations with their attribution, and referrals.
public struct ScoreFacts: Sendable {
    /// One order, compact: indexes into `customerIDs`, `staffIDs`, `locationIDs`, `currencies`;
    /// -1 for none; times as seconds since 1970, NaN for none.
    public struct OrderFact: Sendable, Hashable {
        public var id: UUID
        public var customer: Int32
        public var location: Int16
        public var seller: Int16
        public var currency: UInt8
        public var placedAt: Double
        public var promisedAt: Double
        public var deliveredAt: Double
        public var amountMinor: Int64
        public var discountMinor: Int64
    }

    /// A survey answer with the attribution copied into it.
    public struct AnswerFact: Sendable, Hashable {
        public var id: UUID
        public var customerID: CustomerID?
        public var answeredAt: Date
        public var nps: Int?
        public var csat: Int?
        public var ces: Int?
        public var shareOfWallet: ShareOfWallet?
        public var fastEnough: Bool?
        public var subjectKind: String?
        public var subjectID: UUID?
        public var staffID: StaffID?
        /// The part the person played (`SurveyAttribution.Role` raw value).
        public var role: String?
        public var locationID: LocationID?
        public var shiftName: String?
        public var servedAt: Date?
    }

    /// A survey invitation that was sent (or could be answered), with its attribution.
    public struct InvitationFact: Sendable, Hashable {
        public var id: UUID
        public var staffID: StaffID?
        /// The part the person played (`SurveyAttribution.Role` raw value).
        public var role: String
        public var locationID: LocationID?
        public var shiftName: String?
        public var servedAt: Date
        public var answered: Bool
    }

    /// Customers with orders, in the order `OrderFact.customer` indexes them.
    public var customerIDs: [CustomerID] = []
    /// Every live customer (not erased, not merged away), with orders or without.
    public var liveCustomerIDs: [CustomerID] = []
    public var staffIDs: [StaffID] = []
    public var locationIDs: [LocationID] = []
    public var currencies: [String] = []
    /// Active orders sorted by customer, then time: the sales revenue and the lifetime models
    /// count. Cancelled orders are not read at all (`Order.countsAsSale`).
    public var orders: [OrderFact] = []
    /// Orders delivered and then returned: out of revenue and the lifetime models, but their
    /// delivery still counts for "never late" (`Order.countsForDeliveryOnTime`). Their
    /// `customer` is -1: a customer whose every order was returned has no purchases.
    public var returnedOrders: [OrderFact] = []
    public var promises: [Promise] = []
    public var contacts: [InboundContact] = []
    public var cases: [ServiceCase] = []
    public var answers: [AnswerFact] = []
    public var invitations: [InvitationFact] = []
    /// (referrer, referred, when).
    public var referrals: [(CustomerID, CustomerID, Date)] = []

    public init() {}

    /// The facts as they stood at `cutoff`: orders placed, promises due, contacts received,
    /// cases opened, answers given, invitations served and referrals recorded before it. The
    /// customer indexes stay the same, so a customer's figures then and now line up; a
    /// customer without orders before `cutoff` simply has none.
    public func asOf(_ cutoff: Date) -> ScoreFacts {
        var past = self
        let t = cutoff.timeIntervalSince1970
        past.orders = orders.filter { $0.placedAt < t }
        past.returnedOrders = returnedOrders.filter { $0.placedAt < t }
        past.promises = promises.filter { $0.originalDueAt < cutoff }
        past.contacts = contacts.filter { $0.receivedAt < cutoff }
        past.cases = cases.filter { $0.openedAt < cutoff }
        past.answers = answers.filter { $0.answeredAt < cutoff }
        past.invitations = invitations.filter { $0.servedAt < cutoff }
        past.referrals = referrals.filter { $0.2 < cutoff }
        return past
    }

    /// The range of `orders` of each customer with orders, in the order of `customerIDs`'
    /// first appearance in `orders` (which are sorted by customer).
    public func orderRanges() -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        while start < orders.count {
            var end = start + 1
            while end < orders.count, orders[end].customer == orders[start].customer { end += 1 }
            ranges.append(start..<end)
            start = end
        }
        return ranges
    }
}

/// Reads `ScoreFacts` from the database. Service records, answers and invitations are read
/// from `since` on; orders and referrals whole (the lifetime models need every purchase).
public struct ScoreFactsReader: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    public func read(since: Date, now: Date, progress: @Sendable (String) -> Void = { _ in }) async throws
        -> ScoreFacts
    {
        var facts = ScoreFacts()
        try await readOrders(into: &facts)
        progress("orders: \(facts.orders.count)")
        let sql = try db.sql
        facts.liveCustomerIDs = try await sql.select().column("id").from("customers")
            .where("erased_at", .is, SQLLiteral.null).where("merged_into_id", .is, SQLLiteral.null).all()
            .map { CustomerID(try $0.decode(column: "id", as: UUID.self)) }
        facts.promises = try await documents(Promise.self, table: "promises", time: "due_at", since: since)
        facts.contacts = try await documents(
            InboundContact.self, table: "inbound_contacts", time: "received_at", since: since)
        facts.cases = try await documents(ServiceCase.self, table: "service_cases", time: "opened_at", since: since)
        progress("promises: \(facts.promises.count), contacts: \(facts.contacts.count), cases: \(facts.cases.count)")
        try await readSurveys(into: &facts, since: since, now: now)
        progress("survey answers: \(facts.answers.count), invitations: \(facts.invitations.count)")
        facts.referrals = try await sql.select().columns("referrer_id", "referred_id", "recorded_at").from("referrals")
            .all().map {
                (
                    CustomerID(try $0.decode(column: "referrer_id", as: UUID.self)),
                    CustomerID(try $0.decode(column: "referred_id", as: UUID.self)),
                    try $0.decode(column: "recorded_at", as: Date.self)
                )
            }
        return facts
    }

    /// Decoded documents of a table whose `time` column is at or after `since`.
    func documents<T: Decodable>(_ type: T.Type, table: String, time: String, since: Date) async throws -> [T] {
        let sql = try db.sql
        return try await sql.select().column("document").from(table).where(
            SQLIdentifier(time), .greaterThanOrEqual, since
        )
        .all().map { try DocumentCoding.decode(type, try $0.decode(column: "document", as: String.self)) }
    }

    /// An index for each distinct key, in order of first appearance.
    struct Indexer<Key: Hashable> {
        var keys: [Key] = []
        var index: [Key: Int] = [:]
        mutating func callAsFunction(_ key: Key?) -> Int {
            guard let key else { return -1 }
            if let i = index[key] { return i }
            index[key] = keys.count
            keys.append(key)
            return keys.count - 1
        }
    }

    /// Builds the compact orders row by row; the drivers call back serially, one row at a time.
    final class OrderCollector: @unchecked Sendable {
        var customers = Indexer<UUID>()
        var staff = Indexer<UUID>()
        var locations = Indexer<UUID>()
        var currencies = Indexer<String>()
        var orders: [ScoreFacts.OrderFact] = []
        var returned: [ScoreFacts.OrderFact] = []

        func add(
            id: UUID, customer: UUID, location: UUID?, seller: UUID?, currency: String, placed: Double,
            promised: Double?, delivered: Double?, amount: Int64, discount: Int64, state: String
        ) {
            let isReturned = state == Order.State.returned.rawValue
            let fact = ScoreFacts.OrderFact(
                id: id, customer: isReturned ? -1 : Int32(customers(customer)), location: Int16(locations(location)),
                seller: Int16(staff(seller)), currency: UInt8(truncatingIfNeeded: currencies(currency)),
                placedAt: placed, promisedAt: promised ?? .nan, deliveredAt: delivered ?? .nan,
                amountMinor: amount, discountMinor: discount)
            if isReturned { returned.append(fact) } else { orders.append(fact) }
        }
    }

    func readOrders(into facts: inout ScoreFacts) async throws {
        let collector = OrderCollector()
        let query = """
            SELECT id, customer_id, location_id, seller_id, currency, placed_at, promised_at, delivered_at, amount_minor,
            discount_minor, state FROM orders WHERE state <> 'cancelled' ORDER BY customer_id, placed_at
            """
        if let sqlite = db as? any SQLiteDatabase {
            // Read straight from the driver: decoding two million rows through Codable takes
            // longer than the analysis.
            @Sendable func uuid(_ value: SQLiteData?) -> UUID? { value?.string.flatMap(UUID.init(uuidString:)) }
            @Sendable func seconds(_ value: SQLiteData?) -> Double? {
                guard let value, !value.isNull else { return nil }
                return value.double
            }
            _ = try await sqlite.query(query, [], logger: db.logger) { row in
                guard let id = uuid(row.column("id")), let customer = uuid(row.column("customer_id")),
                    let placed = seconds(row.column("placed_at"))
                else { return }
                collector.add(
                    id: id, customer: customer, location: uuid(row.column("location_id")),
                    seller: uuid(row.column("seller_id")), currency: row.column("currency")?.string ?? "",
                    placed: placed, promised: seconds(row.column("promised_at")),
                    delivered: seconds(row.column("delivered_at")),
                    amount: Int64(row.column("amount_minor")?.integer ?? 0),
                    discount: Int64(row.column("discount_minor")?.integer ?? 0),
                    state: row.column("state")?.string ?? "")
            }.get()
        } else {
            let sql = try db.sql
            try await sql.raw(SQLQueryString(query)).run { row in
                guard let id = try? row.decode(column: "id", as: UUID.self),
                    let customer = try? row.decode(column: "customer_id", as: UUID.self),
                    let placed = try? row.decode(column: "placed_at", as: Date.self)
                else { return }
                collector.add(
                    id: id, customer: customer,
                    location: (try? row.decode(column: "location_id", as: UUID?.self)) ?? nil,
                    seller: (try? row.decode(column: "seller_id", as: UUID?.self)) ?? nil,
                    currency: (try? row.decode(column: "currency", as: String.self)) ?? "",
                    placed: placed.timeIntervalSince1970,
                    promised: ((try? row.decode(column: "promised_at", as: Date?.self)) ?? nil)?.timeIntervalSince1970,
                    delivered: ((try? row.decode(column: "delivered_at", as: Date?.self)) ?? nil)?
                        .timeIntervalSince1970,
                    amount: (try? row.decode(column: "amount_minor", as: Int64.self)) ?? 0,
                    discount: (try? row.decode(column: "discount_minor", as: Int64.self)) ?? 0,
                    state: (try? row.decode(column: "state", as: String.self)) ?? "")
            }
        }
        facts.orders = collector.orders
        facts.returnedOrders = collector.returned
        facts.customerIDs = collector.customers.keys.map(CustomerID.init)
        facts.staffIDs = collector.staff.keys.map(StaffID.init)
        facts.locationIDs = collector.locations.keys.map(LocationID.init)
        facts.currencies = collector.currencies.keys
    }

    func readSurveys(into facts: inout ScoreFacts, since: Date, now: Date) async throws {
        let sql = try db.sql
        facts.answers = try await sql.select()
            .columns(
                "id", "customer_id", "answered_at", "nps", "csat", "ces", "share_of_wallet", "fast_enough",
                "subject_kind",
                "subject_id", "staff_id", "role", "location_id", "shift_name", "served_at"
            )
            .from("survey_answers").where("answered_at", .greaterThanOrEqual, since).all()
            .map { row in
                ScoreFacts.AnswerFact(
                    id: try row.decode(column: "id", as: UUID.self),
                    customerID: try row.decode(column: "customer_id", as: UUID?.self).map(CustomerID.init),
                    answeredAt: try row.decode(column: "answered_at", as: Date.self),
                    nps: try row.decode(column: "nps", as: Int?.self),
                    csat: try row.decode(column: "csat", as: Int?.self),
                    ces: try row.decode(column: "ces", as: Int?.self),
                    shareOfWallet: try row.decode(column: "share_of_wallet", as: String?.self)
                        .flatMap(ShareOfWallet.init(rawValue:)),
                    fastEnough: try row.decode(column: "fast_enough", as: Bool?.self),
                    subjectKind: try row.decode(column: "subject_kind", as: String?.self),
                    subjectID: try row.decode(column: "subject_id", as: UUID?.self),
                    staffID: try row.decode(column: "staff_id", as: UUID?.self).map(StaffID.init),
                    role: try row.decode(column: "role", as: String?.self),
                    locationID: try row.decode(column: "location_id", as: UUID?.self).map(LocationID.init),
                    shiftName: try row.decode(column: "shift_name", as: String?.self),
                    servedAt: try row.decode(column: "served_at", as: Date?.self))
            }
        // Invitations whose fate is known: answered, or past their validity unanswered. Those
        // still open may yet be answered and would pull the response rate down.
        facts.invitations = try await sql.select()
            .columns("id", "staff_id", "role", "location_id", "shift_name", "served_at", "state", "expires_at")
            .from("survey_invitations").where("served_at", .greaterThanOrEqual, since).all()
            .compactMap { row in
                let answered = try row.decode(column: "state", as: String.self) == "answered"
                let expires = try row.decode(column: "expires_at", as: Date.self)
                guard answered || expires <= now else { return nil }
                return ScoreFacts.InvitationFact(
                    id: try row.decode(column: "id", as: UUID.self),
                    staffID: try row.decode(column: "staff_id", as: UUID?.self).map(StaffID.init),
                    role: try row.decode(column: "role", as: String.self),
                    locationID: try row.decode(column: "location_id", as: UUID?.self).map(LocationID.init),
                    shiftName: try row.decode(column: "shift_name", as: String?.self),
                    servedAt: try row.decode(column: "served_at", as: Date.self),
                    answered: answered)
            }
    }
}
