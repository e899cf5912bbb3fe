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
        return PromiseOutcome.judged(
            keptAt: keptAt, brokenAt: brokenAt, dueInForce: due, renegotiatedInTime: moved, now: now)
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

extension PromiseOutcome {
    /// The rule of `Promise.outcome(at:)` from what it turns on: when the promise was kept or
    /// broken, its due time in force, and whether a renegotiation in time moved it. A report that
    /// reads these from stored columns judges a promise exactly as the promise judges itself.
    public static func judged(
        keptAt: Date?, brokenAt: Date?, dueInForce: Date, renegotiatedInTime: Bool, now: Date
    ) -> PromiseOutcome {
        if let keptAt {
            guard keptAt <= dueInForce else { return .late }
            return renegotiatedInTime ? .renegotiated : .keptOnTime
        }
        if brokenAt != nil { return .broken }
        return now > dueInForce ? .overdue : .open
    }
}

/// What the on-time figures need of a promise, read without its whole document: whose, where,
/// what kind, and what its outcome turns on.
public struct PromiseFacts: Hashable, Sendable {
    public var ownerID: StaffID
    public var locationID: LocationID?
    public var kind: Promise.Kind
    public var dueInForce: Date
    public var keptAt: Date?
    public var brokenAt: Date?
    public var renegotiatedInTime: Bool

    public init(
        ownerID: StaffID, locationID: LocationID?, kind: Promise.Kind, dueInForce: Date, keptAt: Date?,
        brokenAt: Date?, renegotiatedInTime: Bool
    ) {
        self.ownerID = ownerID
        self.locationID = locationID
        self.kind = kind
        self.dueInForce = dueInForce
        self.keptAt = keptAt
        self.brokenAt = brokenAt
        self.renegotiatedInTime = renegotiatedInTime
    }

    /// The facts of a whole promise.
    public init(_ promise: Promise) {
        self.init(
            ownerID: promise.ownerID, locationID: promise.locationID, kind: promise.kind,
            dueInForce: promise.dueInForce, keptAt: promise.keptAt, brokenAt: promise.brokenAt,
            renegotiatedInTime: promise.wasRenegotiatedInTime)
    }

    public func outcome(at now: Date) -> PromiseOutcome {
        PromiseOutcome.judged(
            keptAt: keptAt, brokenAt: brokenAt, dueInForce: dueInForce, renegotiatedInTime: renegotiatedInTime,
            now: now)
    }
}
