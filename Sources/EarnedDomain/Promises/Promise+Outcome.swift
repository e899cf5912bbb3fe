import Foundation

extension Promise {
    /// Whether a renegotiation moves the due time used to measure the promise, given the due
    /// time in force when it was made: it must be made strictly before that due time (a move at
    /// the very instant it falls due is too late) and the customer must have been told.
    public static func isInTime(_ renegotiation: Renegotiation, dueInForce: Date) -> Bool {
        renegotiation.at < dueInForce && renegotiation.customerWasTold
    }

    /// The due time the promise is measured against. Start from `originalDueAt` and walk
    /// `renegotiations` in the order they were made: one made in time (`isInTime`) replaces the
    /// due time in force with its `toDueAt`; any other leaves it where it was, although the
    /// owner's working `dueAt` still moved.
    public var dueInForce: Date { measurement.due }

    /// Whether at least one renegotiation moved the due time in force.
    public var wasRenegotiatedInTime: Bool { measurement.moved }

    /// The outcome at `now`, by the product rule "moving a due time counts as renegotiated in
    /// time only when it was done before the due time in force and the customer was told (how
    /// is recorded); otherwise it is late":
    ///
    /// 1. Kept (`keptAt` set) at or before `dueInForce`: `keptOnTime` when no renegotiation was
    ///    in time, else `renegotiated`. Kept after `dueInForce`: `late`.
    /// 2. Otherwise marked broken (`brokenAt` set): `broken`.
    /// 3. Otherwise `overdue` when `now` is after `dueInForce` (whatever the working `dueAt`
    ///    says), else `open`.
    ///
    /// `now` only separates open from overdue; kept and broken promises are judged by what was
    /// recorded, whenever it is asked.
    public func outcome(at now: Date) -> PromiseOutcome {
        let (due, moved) = measurement
        if let keptAt {
            guard keptAt <= due else { return .late }
            return moved ? .renegotiated : .keptOnTime
        }
        if brokenAt != nil { return .broken }
        return now > due ? .overdue : .open
    }

    private var measurement: (due: Date, moved: Bool) {
        var due = originalDueAt
        var moved = false
        for renegotiation in renegotiations where Self.isInTime(renegotiation, dueInForce: due) {
            due = renegotiation.toDueAt
            moved = true
        }
        return (due, moved)
    }
}
