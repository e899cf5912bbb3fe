import Foundation

/// The reply clock of inbound contacts: where a contact's first-response and resolution targets
/// stand at an instant, counted in its location's business hours with the time spent waiting on
/// the customer left out.
public struct ReplyClock: Sendable {
    /// Both targets of one contact.
    public struct Result: Hashable, Codable, Sendable {
        public var firstResponse: TargetStatus
        public var resolution: TargetStatus

        public init(firstResponse: TargetStatus, resolution: TargetStatus) {
            self.firstResponse = firstResponse
            self.resolution = resolution
        }

        /// The targets still running, first response first.
        public var running: [TargetStatus] { [firstResponse, resolution].filter(\.isRunning) }

        /// The running target with the least business time left (the one to act on); nil when
        /// both are done.
        public var mostUrgent: TargetStatus? {
            running.min { ($0.businessSecondsLeft ?? 0) < ($1.businessSecondsLeft ?? 0) }
        }
    }

    /// The contact's location's hours.
    public var calendar: BusinessCalendar
    public var targets: ReplyTargets

    public init(calendar: BusinessCalendar, targets: ReplyTargets = .standard) {
        self.calendar = calendar
        self.targets = targets
    }

    /// The contact's targets at `now`. Both clocks start at `receivedAt`; the first response
    /// completes at `firstResponseAt`, the resolution at `resolvedAt`.
    public func status(of contact: InboundContact, now: Date) -> Result {
        let target = targets.target(for: contact.channel, priority: contact.priority)
        func evaluate(_ budget: TimeInterval, completedAt: Date?) -> TargetStatus {
            TargetStatus.evaluate(
                calendar: calendar, start: contact.receivedAt, target: budget,
                lead: targets.warningLead(for: budget), pauses: contact.waiting, pausedSince: contact.waitingSince,
                completedAt: completedAt, now: now)
        }
        return Result(
            firstResponse: evaluate(target.firstResponse, completedAt: contact.firstResponseAt),
            resolution: evaluate(target.resolution, completedAt: contact.resolvedAt))
    }
}
