import Foundation

/// The case's life: every change is an event, in time order. Each method throws `.conflict` when
/// the case's status forbids the step and `.invalid` for a bad value, including an instant before
/// the case's latest event.
extension ServiceCase {
    /// Passes the work to another department and/or person. The holder is replaced by the one given
    /// (pass the current department to move the work within it); the accountable owner never
    /// changes here. Conflict on a closed case; invalid when both are nil, the department is too
    /// long, or the case is already with exactly that holder.
    public mutating func handOff(toDepartment department: String?, staff: StaffID?, by: StaffID, at: Date)
        throws(DomainError)
    {
        guard status != .closed else { throw .conflict("a closed case cannot be handed off; reopen it first") }
        var v = Validator()
        let department = v.text("department", department, max: Self.departmentLimit)
        let next = Holder(department: department, staffID: staff)
        if department == nil, staff == nil {
            v.add("holder", .required, detail: "a department or a person")
        } else if next == holder {
            v.add("holder", .inconsistent, detail: "the case is already with this department and person")
        }
        v.checkOrder(at: at, notBefore: lastEventAt)
        try v.check()
        holder = next
        record(.handedOff(department: department, staffID: staff), at: at, by: by)
    }

    /// Makes another staff member accountable for the case, for a reason that is kept in the
    /// history. The holder stays. Conflict on a closed case; invalid without a reason or when the
    /// new owner is the current one.
    public mutating func transferOwnership(to newOwner: StaffID, reason: String, by: StaffID, at: Date)
        throws(DomainError)
    {
        guard status != .closed else { throw .conflict("a closed case cannot change owner") }
        var v = Validator()
        let reason = v.text("reason", reason, required: true, max: Self.reasonLimit)
        if newOwner == ownerID { v.add("owner_id", .inconsistent, detail: "is already the case's owner") }
        v.checkOrder(at: at, notBefore: lastEventAt)
        try v.check()
        let previous = ownerID
        ownerID = newOwner
        record(.transferred(fromOwner: previous, toOwner: newOwner, reason: reason ?? ""), at: at, by: by)
    }

    /// Records a reply to the customer; the first one sets `firstResponseAt`, later ones leave it.
    /// Conflict on a closed case.
    public mutating func respond(at: Date, by: StaffID? = nil) throws(DomainError) {
        guard status != .closed else { throw .conflict("the case is closed") }
        try Self.requireOrder(at, after: lastEventAt)
        if firstResponseAt == nil { firstResponseAt = at }
        record(.responded, at: at, by: by)
    }

    /// Starts waiting on the customer (open → waiting on customer); the clocks pause.
    public mutating func startWaiting(at: Date, by: StaffID? = nil) throws(DomainError) {
        guard status == .open else { throw .conflict("only an open case can start waiting on the customer") }
        try Self.requireOrder(at, after: lastEventAt)
        status = .waitingOnCustomer
        record(.waitingStarted, at: at, by: by)
    }

    /// The customer came back (waiting on customer → open); the clocks run again.
    public mutating func endWaiting(at: Date, by: StaffID? = nil) throws(DomainError) {
        guard status == .waitingOnCustomer else { throw .conflict("the case is not waiting on the customer") }
        try Self.requireOrder(at, after: lastEventAt)
        status = .open
        record(.waitingEnded, at: at, by: by)
    }

    /// Staff say the problem is fixed (open or waiting → resolved). A wait ends here; a case
    /// resolved without a recorded reply counts the resolution as its first response.
    public mutating func resolve(at: Date, by: StaffID? = nil) throws(DomainError) {
        guard isActive else { throw .conflict("only an open case can be resolved") }
        try Self.requireOrder(at, after: lastEventAt)
        if status == .waitingOnCustomer { record(.waitingEnded, at: at, by: by) }
        if firstResponseAt == nil { firstResponseAt = at }
        status = .resolved
        resolvedAt = at
        record(.resolved, at: at, by: by)
    }

    /// The customer confirms the fix (resolved → closed). `by` is the staff member who recorded
    /// it, nil when the customer confirmed themselves.
    public mutating func confirm(at: Date, by: StaffID? = nil) throws(DomainError) {
        guard status == .resolved else { throw .conflict("only a resolved case can be confirmed") }
        try Self.requireOrder(at, after: lastEventAt)
        status = .closed
        confirmedAt = at
        record(.confirmed, at: at, by: by)
    }

    /// The customer says it is not fixed (resolved or closed → open): the reopen count goes up,
    /// `resolvedAt` and `confirmedAt` are cleared. Invalid without a reason.
    public mutating func reopen(reason: String, at: Date, by: StaffID? = nil) throws(DomainError) {
        guard status == .resolved || status == .closed else {
            throw .conflict("only a resolved or closed case can be reopened")
        }
        var v = Validator()
        let reason = v.text("reason", reason, required: true, max: Self.reasonLimit)
        v.checkOrder(at: at, notBefore: lastEventAt)
        try v.check()
        status = .open
        reopenCount += 1
        resolvedAt = nil
        confirmedAt = nil
        record(.reopened(reason: reason ?? ""), at: at, by: by)
    }

    /// Records a corrective action. Conflict on a closed case; invalid for a negative cost, a bad
    /// currency, a long note or a time before the latest event.
    public mutating func addAction(_ action: CorrectiveAction) throws(DomainError) {
        guard status != .closed else { throw .conflict("a closed case takes no more actions; reopen it first") }
        var v = Validator()
        for problem in action.problems { v.add(problem) }
        v.checkOrder(at: action.at, notBefore: lastEventAt)
        try v.check()
        var action = action
        action.note = action.note?.trimmingCharacters(in: .whitespacesAndNewlines)
        if action.note?.isEmpty == true { action.note = nil }
        actions.append(action)
        record(.action(action), at: action.at, by: action.byID)
    }

    /// Adds a remark to the history; allowed in every status.
    public mutating func addNote(_ text: String, by: StaffID?, at: Date) throws(DomainError) {
        var v = Validator()
        let text = v.text("text", text, required: true, max: Self.detailLimit)
        v.checkOrder(at: at, notBefore: lastEventAt)
        try v.check()
        record(.note(text: text ?? ""), at: at, by: by)
    }

    private mutating func record(_ kind: CaseEvent.Kind, at: Date, by: StaffID?) {
        events.append(CaseEvent(at: at, byID: by, kind: kind))
        updatedAt = max(updatedAt, at)
    }

    private static func requireOrder(_ at: Date, after last: Date) throws(DomainError) {
        var v = Validator()
        v.checkOrder(at: at, notBefore: last)
        try v.check()
    }
}

extension Validator {
    /// Reports `at` when it lies before `earliest` (a case's history stays in time order).
    fileprivate mutating func checkOrder(at: Date, notBefore earliest: Date) {
        if at < earliest { add("at", .inconsistent, detail: "cannot be before the case's latest event") }
    }
}
