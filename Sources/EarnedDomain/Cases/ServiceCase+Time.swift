import Foundation

/// Time derived from the case's history.
extension ServiceCase {
    /// When the case stops counting time: its confirmation while closed, otherwise `now`.
    public func clockEnd(until now: Date) -> Date {
        if status == .closed, let confirmedAt { return min(confirmedAt, now) }
        return now
    }

    /// How long the case has been open (in calendar time): from `openedAt` to its confirmation
    /// when closed, else to `now`; 0 when `now` is before the opening.
    public func age(until now: Date) -> TimeInterval {
        max(0, clockEnd(until: now).timeIntervalSince(openedAt))
    }

    /// Calendar time per department that held the case, from the handoffs: the time before the
    /// first handoff goes to `openingHolder`'s department, each handoff's time to its department
    /// until the next one. Time with no department is under `ServiceCase.noDepartment` (""). The
    /// values add up to `age(until:)`.
    public func timeByDepartment(until now: Date) -> [String: TimeInterval] {
        let end = clockEnd(until: now)
        var result: [String: TimeInterval] = [:]
        var department = openingHolder.department ?? Self.noDepartment
        var since = openedAt
        func close(at instant: Date) {
            let stop = min(instant, end)
            if stop > since { result[department, default: 0] += stop.timeIntervalSince(since) }
            since = max(since, stop)
        }
        for event in events {
            guard case .handedOff(let next, _) = event.kind else { continue }
            close(at: event.at)
            department = next ?? Self.noDepartment
        }
        close(at: end)
        return result
    }

    /// The stretches spent waiting on the customer, in order, up to `until`: each from a
    /// `waitingStarted` event to the next `waitingEnded` (resolving ends a wait too); one still
    /// running ends at `until`. Stretches are cut at `until`; empty ones are left out.
    public func waitingIntervals(until now: Date) -> [DateInterval] {
        var result: [DateInterval] = []
        var since: Date?
        func close(at instant: Date) {
            guard let start = since else { return }
            let stop = min(instant, now)
            if stop > start { result.append(DateInterval(start: start, end: stop)) }
            since = nil
        }
        for event in events {
            switch event.kind {
            case .waitingStarted where since == nil: since = event.at
            case .waitingEnded, .resolved: close(at: event.at)
            default: continue
            }
        }
        close(at: now)
        return result
    }
}
