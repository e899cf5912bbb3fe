import Foundation

public typealias PromiseID = Identifier<Promise>

/// Something a staff member told a customer would happen by a given time: a delivery, a call
/// back, a quote. A promise is open until it is kept or marked broken; while open its due time
/// may be renegotiated, and each move is recorded so the outcome can be judged fairly (see
/// `outcome(at:)`).
public struct Promise: Hashable, Codable, Sendable, Identifiable {
    /// What was promised; each kind has its own reminder lead time (`PromiseReminderPolicy`).
    public enum Kind: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable {
        case delivery
        case callback
        case meeting
        case quote
        case repairReady = "repair_ready"
        case other
    }

    /// What the promise is about: an order, a service case or a contact. Cases and contacts are
    /// separate entities, so the link holds the raw id.
    public struct Link: Hashable, Codable, Sendable {
        public enum Kind: String, Codable, Sendable, CaseIterable {
            case order
            case serviceCase = "service_case"
            case contact
        }

        public var kind: Kind
        public var id: UUID

        public init(kind: Kind, id: UUID) {
            self.kind = kind
            self.id = id
        }

        /// A link to an order.
        public static func order(_ id: OrderID) -> Link { Link(kind: .order, id: id.rawValue) }
    }

    /// One move of the due time, recorded as it happened.
    public struct Renegotiation: Hashable, Codable, Sendable {
        /// When the due time was moved.
        public var at: Date
        /// The working due time before the move.
        public var fromDueAt: Date
        /// The working due time after the move.
        public var toDueAt: Date
        /// How the customer was told of the new time; nil means the customer was not told.
        public var customerToldVia: ContactChannel?
        public var note: String?

        public init(at: Date, fromDueAt: Date, toDueAt: Date, customerToldVia: ContactChannel?, note: String? = nil) {
            self.at = at
            self.fromDueAt = fromDueAt
            self.toDueAt = toDueAt
            self.customerToldVia = customerToldVia
            self.note = note
        }

        /// Whether the customer was told of the new time.
        public var customerWasTold: Bool { customerToldVia != nil }
    }

    public var id: PromiseID
    public var customerID: CustomerID
    public var kind: Kind
    /// What was promised, in the words the customer heard.
    public var text: String
    /// The staff member who must keep the promise.
    public var ownerID: StaffID
    public var locationID: LocationID?
    /// Who recorded it, when not the owner (or when known).
    public var createdByID: StaffID?
    public var link: Link?
    /// The due time first promised.
    public var originalDueAt: Date
    /// The owner's working due time: the latest renegotiated one. Outcomes are measured against
    /// `dueInForce`, which ignores moves made too late or without telling the customer.
    public var dueAt: Date
    public var createdAt: Date
    public var updatedAt: Date
    public var keptAt: Date?
    public var brokenAt: Date?
    public var brokenReason: String?
    /// Every move of the due time, in the order they were made.
    public var renegotiations: [Renegotiation]
    /// When the owner was reminded of the current due time; cleared when it is renegotiated.
    public var reminderSentAt: Date?

    public init(
        id: PromiseID = PromiseID(), customerID: CustomerID, kind: Kind, text: String, ownerID: StaffID,
        locationID: LocationID? = nil, createdByID: StaffID? = nil, link: Link? = nil, originalDueAt: Date,
        dueAt: Date? = nil, createdAt: Date, updatedAt: Date? = nil, keptAt: Date? = nil, brokenAt: Date? = nil,
        brokenReason: String? = nil, renegotiations: [Renegotiation] = [], reminderSentAt: Date? = nil
    ) {
        self.id = id
        self.customerID = customerID
        self.kind = kind
        self.text = text
        self.ownerID = ownerID
        self.locationID = locationID
        self.createdByID = createdByID
        self.link = link
        self.originalDueAt = originalDueAt
        self.dueAt = dueAt ?? originalDueAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt ?? createdAt
        self.keptAt = keptAt
        self.brokenAt = brokenAt
        self.brokenReason = brokenReason
        self.renegotiations = renegotiations
        self.reminderSentAt = reminderSentAt
    }

    /// How far in the past a due time, a keep or a break may lie when recorded after the fact:
    /// one day.
    public static let lateRecordingAllowance: TimeInterval = 86_400
    /// How far ahead a due time may lie: two years (731 days, so a leap day never refuses one).
    public static let maximumLead: TimeInterval = 731 * 86_400
    /// The longest promise text, broken reason or renegotiation note, in characters.
    public static let textLimit = 500

    /// Neither kept nor broken.
    public var isOpen: Bool { keptAt == nil && brokenAt == nil }

    /// Hands an open promise to someone else to keep; its due time and history stay.
    public mutating func reassign(to staff: StaffID, at: Date) throws(DomainError) {
        try requireOpen()
        ownerID = staff
        touch(at)
    }

    /// Records that the promise was kept at `at`. Refused when it is no longer open, or when
    /// `at` lies more than `lateRecordingAllowance` before the promise was recorded.
    public mutating func keep(at: Date) throws(DomainError) {
        try requireOpen()
        if at < createdAt.addingTimeInterval(-Self.lateRecordingAllowance) {
            throw DomainError.invalid([
                FieldError(field: "kept_at", code: .inconsistent, detail: "cannot be before the promise was made")
            ])
        }
        keptAt = at
        touch(at)
    }

    /// Records that the promise was broken at `at`, with an optional reason (at most
    /// `textLimit` characters). Refused when it is no longer open.
    public mutating func markBroken(at: Date, reason: String? = nil) throws(DomainError) {
        try requireOpen()
        var v = Validator()
        let reason = v.text("broken_reason", reason, max: Self.textLimit)
        if at < createdAt.addingTimeInterval(-Self.lateRecordingAllowance) {
            v.add("broken_at", .inconsistent, detail: "cannot be before the promise was made")
        }
        try v.check()
        brokenAt = at
        brokenReason = reason
        touch(at)
    }

    /// Moves the working due time to `newDueAt`, recording when, whether and how the customer was
    /// told (`toldVia` nil: not told). Only while open. The new due time must lie after `at`,
    /// differ from the current one and lie at most `maximumLead` after `at`; `at` may not be
    /// earlier than the previous renegotiation. Clears `reminderSentAt` so the owner is reminded
    /// of the new time.
    public mutating func renegotiate(
        to newDueAt: Date, at: Date, toldVia: ContactChannel?, note: String? = nil
    ) throws(DomainError) {
        try requireOpen()
        var v = Validator()
        if newDueAt <= at {
            v.add("due_at", .inconsistent, detail: "the new due time must be after the renegotiation")
        } else if newDueAt > at.addingTimeInterval(Self.maximumLead) {
            v.add("due_at", .outOfRange, detail: "at most two years ahead")
        }
        if newDueAt == dueAt { v.add("due_at", .inconsistent, detail: "must differ from the current due time") }
        if let last = renegotiations.last, at < last.at {
            v.add("renegotiated_at", .inconsistent, detail: "cannot be before the previous renegotiation")
        } else if at < createdAt.addingTimeInterval(-Self.lateRecordingAllowance) {
            v.add("renegotiated_at", .inconsistent, detail: "cannot be before the promise was made")
        }
        let note = v.text("note", note, max: Self.textLimit)
        try v.check()
        renegotiations.append(
            Renegotiation(at: at, fromDueAt: dueAt, toDueAt: newDueAt, customerToldVia: toldVia, note: note))
        dueAt = newDueAt
        reminderSentAt = nil
        touch(at)
    }

    /// Records that the owner was reminded of the current due time.
    public mutating func markReminderSent(at: Date) {
        reminderSentAt = at
        touch(at)
    }

    private func requireOpen() throws(DomainError) {
        if keptAt != nil { throw DomainError.conflict("the promise has already been kept") }
        if brokenAt != nil { throw DomainError.conflict("the promise has already been marked broken") }
    }

    private mutating func touch(_ at: Date) { updatedAt = max(updatedAt, at) }
}

/// What a person or the API supplies to record a promise or to change its wording, kind, owner,
/// location or link. The due time of a recorded promise changes only through
/// `Promise.renegotiate(to:at:toldVia:note:)`, so every move is on record.
public struct PromiseDraft: Sendable, Codable, Hashable {
    public var customerID: CustomerID?
    public var kind: Promise.Kind?
    public var text: String?
    public var ownerID: StaffID?
    public var locationID: LocationID?
    public var createdByID: StaffID?
    public var link: Promise.Link?
    public var dueAt: Date?

    public init(
        customerID: CustomerID? = nil, kind: Promise.Kind? = nil, text: String? = nil, ownerID: StaffID? = nil,
        locationID: LocationID? = nil, createdByID: StaffID? = nil, link: Promise.Link? = nil, dueAt: Date? = nil
    ) {
        self.customerID = customerID
        self.kind = kind
        self.text = text
        self.ownerID = ownerID
        self.locationID = locationID
        self.createdByID = createdByID
        self.link = link
        self.dueAt = dueAt
    }

    /// The promise this draft describes, or every bad field at once:
    /// - `customer_id`, `owner_id`, `due_at` and `text` are required; `text` is at most
    ///   `Promise.textLimit` characters; `kind` defaults to `other`.
    /// - A new promise's due time lies at most `Promise.maximumLead` after `now`, and at most
    ///   `Promise.lateRecordingAllowance` before it (a promise recorded after the fact).
    /// - An existing promise keeps its due time; a different `dueAt` is refused.
    public func validated(id: PromiseID, now: Date, existing: Promise? = nil) throws(DomainError) -> Promise {
        var v = Validator()
        let customerID = customerID ?? existing?.customerID
        if customerID == nil { v.add("customer_id", .required) }
        let ownerID = ownerID ?? existing?.ownerID
        if ownerID == nil { v.add("owner_id", .required) }
        let text = v.text("text", text ?? existing?.text, required: true, max: Promise.textLimit)
        let dueAt = dueAt ?? existing?.dueAt
        if let existing {
            if let dueAt, dueAt != existing.dueAt {
                v.add("due_at", .inconsistent, detail: "renegotiate to move the due time")
            }
        } else if let dueAt {
            if dueAt > now.addingTimeInterval(Promise.maximumLead) {
                v.add("due_at", .outOfRange, detail: "at most two years ahead")
            } else if dueAt < now.addingTimeInterval(-Promise.lateRecordingAllowance) {
                v.add("due_at", .outOfRange, detail: "at most one day in the past")
            }
        } else {
            v.add("due_at", .required)
        }
        try v.check()
        if var promise = existing {
            promise.customerID = customerID!
            promise.kind = kind ?? promise.kind
            promise.text = text!
            promise.ownerID = ownerID!
            promise.locationID = locationID ?? promise.locationID
            promise.createdByID = createdByID ?? promise.createdByID
            promise.link = link ?? promise.link
            promise.updatedAt = now
            return promise
        }
        return Promise(
            id: id, customerID: customerID!, kind: kind ?? .other, text: text!, ownerID: ownerID!,
            locationID: locationID, createdByID: createdByID, link: link, originalDueAt: dueAt!, createdAt: now)
    }
}
