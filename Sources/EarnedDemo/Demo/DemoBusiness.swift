import EarnedDomain
import Foundation

/// A believable demo business — three specialty-coffee shops in Moscow, Yekaterinburg and Berlin
/// with their staff, about 5,000 × `scale` customers and two years of orders before `now` — made
/// deterministically from a seed: the same seed, scale and `now` give byte-identical data.
///
/// The data carry known structure for the analytics to find (see `groundTruth`): BG/NBD-like
/// buying with seasonality, Gamma-Gamma spend, a group of discount hunters, and planted service
/// weaknesses in late deliveries. Generation is pure (no I/O, no clock, no system randomness)
/// and streams customers in batches, so a million of them never sit in memory at once.
public struct DemoBusiness: Sendable {
    /// The owner's sign-in e-mail. Demo data only: never use it for a real business.
    public static let ownerEmail = "owner@demo.earned"
    /// The one password of every demo account. Demo data only: never use it for a real business.
    public static let password = "earned-demo"
    /// Customers per unit of `scale`.
    public static let customersPerScale = 5_000
    /// How many days of orders lie before `now`.
    public static let historyDays = 730

    /// The seed every random choice derives from.
    public let seed: UInt64
    /// Multiplies the number of customers (and so of orders): 1 gives 5,000 customers.
    public let scale: Int
    /// The moment the history ends; every order is placed before it.
    public let now: Date
    /// `customersPerScale × scale`.
    public let customerCount: Int
    /// The three shops, with their hours, shifts, holidays and inventory days.
    public let locations: [Location]
    /// The owner, a manager per shop, and sales, service and delivery staff.
    public let staff: [Staff]
    /// What was planted in the data, for checking the analytics against.
    public let groundTruth: DemoGroundTruth

    let sites: [DemoSite]
    let crews: [DemoCrew]
    let ownerID: StaffID
    let phoneSalt: Int

    /// Builds the locations, staff and ground truth; customers and orders are made on demand by
    /// `generate(batchSize:_:)` or `batch(_:)`.
    public init(seed: UInt64, scale: Int, now: Date) {
        precondition(scale >= 0, "scale cannot be negative")
        self.seed = seed
        self.scale = scale
        self.now = now
        customerCount = Self.customersPerScale * scale
        var random = SeededGenerator(seed: seed, stream: UInt64.max)
        let specs = Self.siteSpecs
        let ids = specs.map { _ in LocationID(random.uuid()) }
        sites = specs.indices.map {
            DemoSite(index: $0, spec: specs[$0], id: ids[$0], now: now, historyDays: Self.historyDays)
        }
        locations = sites.map(\.location)
        let team = Self.makeStaff(sites: sites, random: &random)
        staff = team.staff
        crews = team.crews
        ownerID = team.ownerID
        phoneSalt = random.int(0..<1_000_000_000)
        groundTruth = Self.makeGroundTruth(sites: sites)
    }

    /// Calls `body` with consecutive batches of at most `batchSize` customers, in order, until
    /// all `customerCount` are made. Each customer depends only on the seed and its position, so
    /// the batch size never changes the data.
    public func generate(batchSize: Int = 10_000, _ body: (DemoBatch) throws -> Void) rethrows {
        precondition(batchSize > 0, "a batch holds at least one customer")
        var start = 0
        while start < customerCount {
            let end = min(customerCount, start + batchSize)
            try body(batch(start..<end))
            start = end
        }
    }

    /// The customers at positions `range` (0-based, within `0..<customerCount`) with their orders,
    /// notes and ground truth.
    public func batch(_ range: Range<Int>) -> DemoBatch {
        precondition(range.lowerBound >= 0 && range.upperBound <= customerCount, "positions beyond the customers")
        var result = DemoBatch(range: range, customers: [], orders: [], notes: [], truths: [])
        result.customers.reserveCapacity(range.count)
        result.truths.reserveCapacity(range.count)
        result.orders.reserveCapacity(range.count * 10)
        for index in range {
            makeCustomer(index: index, into: &result)
        }
        plantServiceEffects(&result)
        return result
    }

    /// The location with this id.
    public func location(_ id: LocationID) -> Location? { locations.first { $0.id == id } }
}
