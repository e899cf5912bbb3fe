import Foundation

/// When the owner of a promise is reminded of it: a lead time before the working due time, per
/// kind of promise. A business may override any kind's lead time; the rest keep the defaults.
public struct PromiseReminderPolicy: Hashable, Codable, Sendable {
    /// Lead times, in minutes, that replace the defaults for some kinds.
    public var overrideMinutes: [Promise.Kind: Int]

    public init(overrideMinutes: [Promise.Kind: Int] = [:]) {
        self.overrideMinutes = overrideMinutes
    }

    /// The default lead times, in minutes: a delivery or a repair a day ahead, a callback a
    /// quarter of an hour ahead, a meeting two hours, a quote four hours, anything else an hour.
    public static let defaultMinutes: [Promise.Kind: Int] = [
        .delivery: 24 * 60, .callback: 15, .meeting: 2 * 60, .quote: 4 * 60, .repairReady: 24 * 60, .other: 60,
    ]

    /// The longest lead time an override may set: 30 days.
    public static let maximumMinutes = 30 * 24 * 60

    /// The lead time for a kind, in minutes.
    public func leadMinutes(for kind: Promise.Kind) -> Int {
        overrideMinutes[kind] ?? Self.defaultMinutes[kind] ?? 60
    }

    /// The lead time for a kind.
    public func leadTime(for kind: Promise.Kind) -> TimeInterval { TimeInterval(leadMinutes(for: kind) * 60) }

    /// When to remind the owner: the lead time before the working `dueAt`, but never before the
    /// promise was recorded, so a promise made closer to its due time than the lead time is
    /// reminded of at once.
    public func reminderAt(for promise: Promise) -> Date {
        max(promise.createdAt, promise.dueAt.addingTimeInterval(-leadTime(for: promise.kind)))
    }

    /// Whether a reminder should go out at `now`: the promise is open, no reminder was sent for
    /// its current due time, and `now` has reached `reminderAt(for:)`.
    public func needsReminder(_ promise: Promise, at now: Date) -> Bool {
        promise.isOpen && promise.reminderSentAt == nil && now >= reminderAt(for: promise)
    }

    /// The policy, or every bad override at once (`lead_minutes.<kind>`: 0 to `maximumMinutes`).
    public func validated() throws(DomainError) -> PromiseReminderPolicy {
        var v = Validator()
        for kind in Promise.Kind.allCases {
            if let minutes = overrideMinutes[kind], !(0...Self.maximumMinutes).contains(minutes) {
                v.add("lead_minutes.\(kind.rawValue)", .outOfRange, limit: Self.maximumMinutes, detail: "0 to 43200")
            }
        }
        try v.check()
        return self
    }
}
