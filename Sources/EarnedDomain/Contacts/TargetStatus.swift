import Foundation

/// Where one target (first response or resolution) of a contact or a case stands at an instant,
/// counted in business time with the waiting-on-customer pauses left out.
public struct TargetStatus: Hashable, Codable, Sendable {
    public enum State: String, Codable, Sendable, CaseIterable {
        /// Running, with more than the warning lead left.
        case onTrack = "on_track"
        /// Running, with the warning lead or less left.
        case dueSoon = "due_soon"
        /// Running, with more business time used than the target allows.
        case breached
        /// Done within the target.
        case met
        /// Done, but later than the target allowed.
        case missed
    }

    public var state: State
    /// The budget, in business seconds.
    public var target: TimeInterval
    /// The earliest instant at which the budget is used up, skipping closed hours and pauses. While
    /// the clock is paused it is where the budget would run out if the pause ended at the instant
    /// asked about. Nil when the location has no open time for a long time.
    public var dueAt: Date?
    /// The earliest instant at which less than the warning lead is left (same rules as `dueAt`).
    public var warnAt: Date?
    /// Business seconds used, up to completion or the instant asked about, pauses excluded.
    public var businessSecondsUsed: TimeInterval
    /// `target − used` while running: negative when breached; nil when met or missed.
    public var businessSecondsLeft: TimeInterval?
    /// When the target was completed (the first reply, the resolution); nil while running.
    public var completedAt: Date?
    /// Whether the clock is stopped at the instant asked about, waiting on the customer.
    public var isPaused: Bool

    public init(
        state: State, target: TimeInterval, dueAt: Date?, warnAt: Date?, businessSecondsUsed: TimeInterval,
        businessSecondsLeft: TimeInterval?, completedAt: Date?, isPaused: Bool
    ) {
        self.state = state
        self.target = target
        self.dueAt = dueAt
        self.warnAt = warnAt
        self.businessSecondsUsed = businessSecondsUsed
        self.businessSecondsLeft = businessSecondsLeft
        self.completedAt = completedAt
        self.isPaused = isPaused
    }

    /// Whether the target is still running (not met or missed).
    public var isRunning: Bool { completedAt == nil }

    /// Evaluates a target that starts at `start` and is completed at `completedAt` (nil while
    /// running), at the instant `now`.
    ///
    /// - Met or missed: business time used from `start` to `completedAt` (pauses excluded) is
    ///   at most, or more than, `target`.
    /// - Otherwise, with `left = target − used up to now`: breached when `left < 0`; due soon when
    ///   `left ≤ lead`; on track otherwise. A budget that runs out at closing time is therefore
    ///   breached only once the location opens again, as a reply in the closed hours still meets it.
    ///
    /// `pauses` are the finished waiting intervals; `pausedSince` an unfinished one (it counts up to
    /// `now`, or to `completedAt` when that is earlier). A `completedAt` after `now` counts as
    /// not completed yet.
    public static func evaluate(
        calendar: BusinessCalendar, start: Date, target: TimeInterval, lead: TimeInterval,
        pauses: [DateInterval], pausedSince: Date?, completedAt: Date?, now: Date
    ) -> TargetStatus {
        // Completed after `now` means still running at `now`.
        let completedAt = completedAt.flatMap { $0 <= now ? $0 : nil }
        let end = completedAt ?? now
        var all = pauses
        if let pausedSince, pausedSince < end { all.append(DateInterval(start: pausedSince, end: end)) }
        let used = calendar.businessSeconds(from: start, to: end, excluding: all)
        let dueAt = calendar.adding(target, to: start, excluding: all)
        let warnAt = calendar.adding(target - lead, to: start, excluding: all)
        let isPaused = completedAt == nil && pausedSince.map { $0 <= now } == true
        if let completedAt {
            return TargetStatus(
                state: used <= target ? .met : .missed, target: target, dueAt: dueAt, warnAt: warnAt,
                businessSecondsUsed: used, businessSecondsLeft: nil, completedAt: completedAt, isPaused: false)
        }
        let left = target - used
        let state: State = left < 0 ? .breached : (left <= lead ? .dueSoon : .onTrack)
        return TargetStatus(
            state: state, target: target, dueAt: dueAt, warnAt: warnAt, businessSecondsUsed: used,
            businessSecondsLeft: left, completedAt: nil, isPaused: isPaused)
    }
}
