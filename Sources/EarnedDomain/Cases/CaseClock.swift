import Foundation

/// The clock of service cases: where a case's first-response and resolution targets stand at an
/// instant, in the business hours of its location, with the stretches spent waiting on the
/// customer left out.
///
/// Both clocks start at `openedAt`. The first response completes at `firstResponseAt`, the
/// resolution at `resolvedAt`. A reopened case has no `resolvedAt`, so its resolution clock runs
/// on from the opening: the time it spent looking resolved counts, because the problem was not
/// fixed after all.
public struct CaseClock: Sendable {
    /// Both targets of one case.
    public struct Result: Hashable, Codable, Sendable {
        public var firstResponse: TargetStatus
        public var resolution: TargetStatus

        public init(firstResponse: TargetStatus, resolution: TargetStatus) {
            self.firstResponse = firstResponse
            self.resolution = resolution
        }
    }

    /// The hours of the case's location (or the business's main one).
    public var calendar: BusinessCalendar
    public var targets: CaseTargets

    public init(calendar: BusinessCalendar, targets: CaseTargets = CaseTargets()) {
        self.calendar = calendar
        self.targets = targets
    }

    /// The case's targets at `now`.
    public func status(of serviceCase: ServiceCase, now: Date) -> Result {
        let target = targets.target(for: serviceCase.priority)
        // Finished waits as intervals; a wait still running is passed as running, so it pauses the
        // clock up to `now` and the due instants read as "if the customer answered now".
        var pauses = serviceCase.waitingIntervals(until: now)
        var pausedSince: Date?
        if serviceCase.status == .waitingOnCustomer,
            let since = serviceCase.events.last(where: { $0.kind == .waitingStarted })?.at,
            pauses.last?.start == since
        {
            pauses.removeLast()
            pausedSince = since
        }
        func evaluate(_ budget: TimeInterval, completedAt: Date?) -> TargetStatus {
            TargetStatus.evaluate(
                calendar: calendar, start: serviceCase.openedAt, target: budget,
                lead: targets.warningLead(for: budget), pauses: pauses, pausedSince: pausedSince,
                completedAt: completedAt, now: now)
        }
        return Result(
            firstResponse: evaluate(target.firstResponse, completedAt: serviceCase.firstResponseAt),
            resolution: evaluate(target.resolution, completedAt: serviceCase.resolvedAt))
    }
}
