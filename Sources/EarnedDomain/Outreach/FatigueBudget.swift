import Foundation

/// The contact-fatigue budget: at most `maxTouches` optional touches per customer in any rolling
/// `windowDays`, shared by greetings, after-sale follow-ups, surveys and marketing-like touches,
/// so that attention stays welcome. Call-first incident outreach does not count (see
/// `TouchKind.countsAgainstBudget`).
///
/// The window that decides about a touch at `t` is the `windowDays × 24` hours up to and
/// including `t`: a touch made exactly `windowDays × 24 h` before `t` has already left it. Touches
/// in the history after `t` are not counted: the budget looks back from the moment of sending.
public struct FatigueBudget: Hashable, Codable, Sendable {
    public var maxTouches: Int
    public var windowDays: Int

    /// Four touches per thirty days.
    public static let standard = FatigueBudget()
    public static let touchLimits = 1...30
    public static let windowLimits = 7...90

    /// An unchecked budget; use `FatigueBudgetDraft` for input from people.
    public init(maxTouches: Int = 4, windowDays: Int = 30) {
        self.maxTouches = maxTouches
        self.windowDays = windowDays
    }

    /// The window's length in seconds.
    public var window: TimeInterval { TimeInterval(windowDays) * 86_400 }

    /// The counted touches in the window ending at `at`, oldest first.
    public func counted(at: Date, history: [Touch]) -> [Touch] {
        let start = at.addingTimeInterval(-window)
        return history.filter { $0.kind.countsAgainstBudget && $0.at > start && $0.at <= at }
            .sorted { $0.at < $1.at }
    }

    /// Whether a touch of `kind` may be made at `at`. Kinds that do not count are always allowed.
    public func allows(_ kind: TouchKind, at: Date, history: [Touch]) -> Bool {
        !kind.countsAgainstBudget || counted(at: at, history: history).count < maxTouches
    }

    /// How many more counted touches the window ending at `at` has room for (0 when full or over).
    public func remaining(at: Date, history: [Touch]) -> Int {
        max(0, maxTouches - counted(at: at, history: history).count)
    }

    /// The first instant after `at` at which a counted touch is allowed again — when enough of
    /// the oldest counted touches have left the window — or nil when one is allowed at `at`
    /// already.
    public func nextAllowed(at: Date, history: [Touch]) -> Date? {
        let touches = counted(at: at, history: history)
        guard touches.count >= maxTouches else { return nil }
        // The window must lose count - maxTouches + 1 touches, the oldest first.
        return touches[touches.count - maxTouches].at.addingTimeInterval(window)
    }
}

/// What an owner enters to change the fatigue budget. Fields left nil keep the current value.
public struct FatigueBudgetDraft: Hashable, Codable, Sendable {
    public var maxTouches: Int?
    public var windowDays: Int?

    public init(maxTouches: Int? = nil, windowDays: Int? = nil) {
        self.maxTouches = maxTouches
        self.windowDays = windowDays
    }

    /// Checks both fields (1…30 touches, 7…90 days) and returns the budget, reporting every bad
    /// field.
    public func validated(existing: FatigueBudget = .standard) throws(DomainError) -> FatigueBudget {
        var v = Validator()
        let touches = maxTouches ?? existing.maxTouches
        let days = windowDays ?? existing.windowDays
        let touchLimits = FatigueBudget.touchLimits
        let windowLimits = FatigueBudget.windowLimits
        if !touchLimits.contains(touches) {
            v.add("max_touches", .outOfRange, detail: "\(touchLimits.lowerBound) to \(touchLimits.upperBound)")
        }
        if !windowLimits.contains(days) {
            v.add("window_days", .outOfRange, detail: "\(windowLimits.lowerBound) to \(windowLimits.upperBound)")
        }
        try v.check()
        return FatigueBudget(maxTouches: touches, windowDays: days)
    }
}
