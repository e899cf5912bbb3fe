import Foundation

/// Counts of promise outcomes for one person, team, location, kind or period, and the on-time
/// rate they give. Open and overdue promises are not yet decided and stay out of the rate;
/// overdue ones are counted separately so they can be shown beside it.
public struct OnTimeTally: Hashable, Codable, Sendable {
    public var open: Int
    public var overdue: Int
    public var keptOnTime: Int
    public var renegotiated: Int
    public var late: Int
    public var broken: Int

    public init(
        open: Int = 0, overdue: Int = 0, keptOnTime: Int = 0, renegotiated: Int = 0, late: Int = 0, broken: Int = 0
    ) {
        self.open = open
        self.overdue = overdue
        self.keptOnTime = keptOnTime
        self.renegotiated = renegotiated
        self.late = late
        self.broken = broken
    }

    /// The tally of a list of outcomes.
    public init(_ outcomes: some Sequence<PromiseOutcome>) {
        self.init()
        for outcome in outcomes { add(outcome) }
    }

    /// The tally of promises' outcomes at `now`.
    public init(_ promises: [Promise], at now: Date) {
        self.init(promises.lazy.map { $0.outcome(at: now) })
    }

    public mutating func add(_ outcome: PromiseOutcome) {
        switch outcome {
        case .open: open += 1
        case .overdue: overdue += 1
        case .keptOnTime: keptOnTime += 1
        case .renegotiated: renegotiated += 1
        case .late: late += 1
        case .broken: broken += 1
        }
    }

    /// The count of one outcome.
    public func count(of outcome: PromiseOutcome) -> Int {
        switch outcome {
        case .open: open
        case .overdue: overdue
        case .keptOnTime: keptOnTime
        case .renegotiated: renegotiated
        case .late: late
        case .broken: broken
        }
    }

    /// Every promise counted.
    public var total: Int { open + overdue + decided }
    /// Kept (on time, renegotiated in time, or late) or broken.
    public var decided: Int { keptOnTime + renegotiated + late + broken }
    /// Kept by the original due time or by one renegotiated in time.
    public var onTime: Int { keptOnTime + renegotiated }
    /// `onTime / decided`; nil when nothing is decided yet.
    public var onTimeRate: Double? { decided == 0 ? nil : Double(onTime) / Double(decided) }

    /// Both tallies together.
    public static func + (lhs: OnTimeTally, rhs: OnTimeTally) -> OnTimeTally {
        OnTimeTally(
            open: lhs.open + rhs.open, overdue: lhs.overdue + rhs.overdue,
            keptOnTime: lhs.keptOnTime + rhs.keptOnTime, renegotiated: lhs.renegotiated + rhs.renegotiated,
            late: lhs.late + rhs.late, broken: lhs.broken + rhs.broken)
    }

    /// A tally per key, for a report by owner, team, location, kind or period (see
    /// `PromisePeriod`). A promise whose key is nil (no location, an owner in no team) is left
    /// out; keys with no promise do not appear. The same, from promises' facts.
    public static func group<Key: Hashable>(
        _ facts: [PromiseFacts], at now: Date, by key: (PromiseFacts) throws -> Key?
    ) rethrows -> [Key: OnTimeTally] {
        var result: [Key: OnTimeTally] = [:]
        for fact in facts {
            guard let key = try key(fact) else { continue }
            result[key, default: OnTimeTally()].add(fact.outcome(at: now))
        }
        return result
    }

    /// The same, from whole promises.
    public static func group<Key: Hashable>(
        _ promises: [Promise], at now: Date, by key: (Promise) throws -> Key?
    ) rethrows -> [Key: OnTimeTally] {
        var result: [Key: OnTimeTally] = [:]
        for promise in promises {
            guard let key = try key(promise) else { continue }
            result[key, default: OnTimeTally()].add(promise.outcome(at: now))
        }
        return result
    }
}
