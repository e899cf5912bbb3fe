import Foundation

extension InboundContact {
    /// Gives the contact to a staff member to answer (nil: back to the shared queue).
    /// Conflict once resolved.
    public mutating func assign(to owner: StaffID?, at: Date) throws(DomainError) {
        guard !isResolved else { throw .conflict("a resolved contact cannot be assigned; reopen it first") }
        ownerID = owner
        touch(at)
    }

    /// Records a reply. The first one sets `firstResponseAt`; later ones leave it. Conflict once
    /// resolved; invalid before the contact was received.
    public mutating func respond(at: Date) throws(DomainError) {
        guard !isResolved else { throw .conflict("the contact is resolved") }
        try requireNotBeforeReceived(at)
        if firstResponseAt == nil { firstResponseAt = at }
        touch(at)
    }

    /// A reply by `staff`: whoever answers a contact nobody had taken becomes its owner.
    public mutating func respond(at: Date, by staff: StaffID) throws(DomainError) {
        if ownerID == nil { try assign(to: staff, at: at) }
        try respond(at: at)
    }

    /// A resolution by `staff`, who becomes the owner of a contact nobody had taken.
    public mutating func resolve(at: Date, by staff: StaffID) throws(DomainError) {
        if ownerID == nil { try assign(to: staff, at: at) }
        try resolve(at: at)
    }

    /// Starts waiting on the customer: the reply clocks stop until `endWaiting`. Conflict when
    /// resolved or already waiting; invalid before the contact was received or before the last
    /// wait ended.
    public mutating func startWaiting(at: Date) throws(DomainError) {
        guard !isResolved else { throw .conflict("the contact is resolved") }
        guard waitingSince == nil else { throw .conflict("already waiting on the customer") }
        try requireNotBeforeReceived(at)
        if let last = waiting.last, at < last.end {
            throw .invalid([FieldError(field: "at", code: .inconsistent, detail: "before the last wait ended")])
        }
        waitingSince = at
        touch(at)
    }

    /// The customer answered: the reply clocks run again. Conflict when not waiting; invalid
    /// before the wait started.
    public mutating func endWaiting(at: Date) throws(DomainError) {
        guard let since = waitingSince else { throw .conflict("not waiting on the customer") }
        guard at >= since else {
            throw .invalid([FieldError(field: "at", code: .inconsistent, detail: "before the wait started")])
        }
        waiting.append(DateInterval(start: since, end: at))
        waitingSince = nil
        touch(at)
    }

    /// Marks the contact resolved. A current wait ends here, and a contact resolved without a
    /// recorded reply counts the resolution as its first response. Conflict when already
    /// resolved; invalid before the contact was received or the current wait started.
    public mutating func resolve(at: Date) throws(DomainError) {
        guard !isResolved else { throw .conflict("the contact is already resolved") }
        try requireNotBeforeReceived(at)
        if waitingSince != nil { try endWaiting(at: at) }
        if firstResponseAt == nil { firstResponseAt = at }
        resolvedAt = at
        touch(at)
    }

    /// Opens a resolved contact again; the resolution clock runs on from `receivedAt`, the first
    /// response stays. Conflict unless resolved.
    public mutating func reopen(at: Date) throws(DomainError) {
        guard let resolvedAt else { throw .conflict("only a resolved contact can be reopened") }
        guard at >= resolvedAt else {
            throw .invalid([FieldError(field: "at", code: .inconsistent, detail: "before the contact was resolved")])
        }
        self.resolvedAt = nil
        touch(at)
    }

    private func requireNotBeforeReceived(_ at: Date) throws(DomainError) {
        if at < receivedAt {
            throw .invalid([FieldError(field: "at", code: .inconsistent, detail: "before the contact was received")])
        }
    }

    private mutating func touch(_ at: Date) { updatedAt = max(updatedAt, at) }
}
