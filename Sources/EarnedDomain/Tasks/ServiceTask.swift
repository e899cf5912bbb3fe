import Foundation

public typealias ServiceTaskID = Identifier<ServiceTask>

/// One piece of work the scheduler hands to a person: an after-sale contact, a follow-up, a
/// reminder, an outreach call, a greeting, a referral ask. Each has a unique `key` built from
/// what caused it, so two instances of the scheduler, or one restarted, never create it twice.
public struct ServiceTask: Hashable, Codable, Sendable, Identifiable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        /// The contact at handover: a visit or a call, as the location's policy says.
        case handover
        /// An after-sale follow-up some days after delivery.
        case followUp = "follow_up"
        /// A promise is due soon.
        case promiseReminder = "promise_reminder"
        /// A reply target is about to be missed (to the owner) or was missed (to the manager).
        case replyWarning = "reply_warning"
        case replyEscalation = "reply_escalation"
        /// Tell a customer about a problem before they find it (call first).
        case outreach
        case greeting
        /// Ask a satisfied customer for a referral.
        case referralAsk = "referral_ask"
        /// Send a customer their survey link by hand (no gateway takes survey messages).
        case surveySend = "survey_send"
        /// Contact a customer who gave a low survey score, within the survey's follow-up target.
        case surveyFollowUp = "survey_follow_up"
        /// Made by a person, for themselves or a colleague: "call Anna about the sofa fabric".
        case manual
    }

    public enum Status: String, Codable, Sendable, CaseIterable {
        case open
        case done
        /// Closed without doing it (no consent, the customer asked not to be contacted, …).
        case skipped
    }

    /// What caused the task, to open it from the agenda.
    public struct Subject: Hashable, Codable, Sendable {
        public enum Kind: String, Codable, Sendable, CaseIterable {
            case order
            case promise
            case serviceCase = "case"
            case contact
            case incident
            case customer
            /// A survey invitation.
            case survey
        }

        public var kind: Kind
        public var id: UUID

        public init(kind: Kind, id: UUID) {
            self.kind = kind
            self.id = id
        }
    }

    public var id: ServiceTaskID
    public var key: String
    public var kind: Kind
    public var status: Status
    public var assigneeID: StaffID?
    public var locationID: LocationID?
    public var customerID: CustomerID?
    public var subject: Subject?
    public var dueAt: Date
    /// The channel to use, when the task is a message or a call.
    public var channel: ContactChannel?
    /// Ready text: a greeting, or a short note of what to do.
    public var text: String?
    public var completedAt: Date?
    public var completedByID: StaffID?
    /// What happened, in the words of whoever closed it.
    public var outcome: String?
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: ServiceTaskID = ServiceTaskID(), key: String, kind: Kind, status: Status = .open, assigneeID: StaffID?,
        locationID: LocationID?, customerID: CustomerID?, subject: Subject?, dueAt: Date,
        channel: ContactChannel? = nil, text: String? = nil, completedAt: Date? = nil, completedByID: StaffID? = nil,
        outcome: String? = nil, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.key = key
        self.kind = kind
        self.status = status
        self.assigneeID = assigneeID
        self.locationID = locationID
        self.customerID = customerID
        self.subject = subject
        self.dueAt = dueAt
        self.channel = channel
        self.text = text
        self.completedAt = completedAt
        self.completedByID = completedByID
        self.outcome = outcome
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public static let outcomeLimit = 1000
    /// The longest text of a task made by hand.
    public static let textLimit = 500
    /// The furthest a task may be snoozed.
    public static let snoozeLimit: TimeInterval = 90 * 86_400

    /// Hands an open task to someone else; what it is about and when it is due stay.
    public mutating func reassign(to staff: StaffID, at now: Date) throws(DomainError) {
        guard status == .open else { throw .conflict("this task is already closed") }
        assigneeID = staff
        updatedAt = now
    }

    /// Moves an open task's due time to `until`: later than now, at most `snoozeLimit` ahead.
    public mutating func snooze(until: Date, at now: Date) throws(DomainError) {
        guard status == .open else { throw .conflict("this task is already closed") }
        guard until > now, until <= now + Self.snoozeLimit else {
            throw .invalid([FieldError(field: "until", code: .outOfRange, detail: "later than now, within 90 days")])
        }
        dueAt = until
        updatedAt = now
    }

    /// A task made by hand: what to do, for whom, by when, optionally about a customer.
    public static func manual(
        text: String?, assignee: StaffID?, dueAt: Date?, customerID: CustomerID?, locationID: LocationID?,
        now: Date, id: ServiceTaskID = ServiceTaskID()
    ) throws(DomainError) -> ServiceTask {
        var v = Validator()
        let words = v.text("text", text, required: true, max: textLimit)
        if assignee == nil { v.add("assignee_id", .required) }
        if let dueAt, dueAt > now + snoozeLimit {
            v.add("due_at", .outOfRange, detail: "within 90 days")
        } else if dueAt == nil {
            v.add("due_at", .required)
        }
        try v.check()
        return ServiceTask(
            id: id, key: "manual:\(id)", kind: .manual, assigneeID: assignee, locationID: locationID,
            customerID: customerID, subject: customerID.map { .init(kind: .customer, id: $0.rawValue) },
            dueAt: dueAt!, text: words, createdAt: now, updatedAt: now)
    }

    /// Closes the task as done or skipped; a closed task stays closed.
    public mutating func close(
        as status: Status, outcome: String?, by staff: StaffID, at now: Date
    ) throws(DomainError) {
        guard status != .open else {
            throw .invalid([FieldError(field: "status", code: .invalidChoice, detail: "done, skipped")])
        }
        guard self.status == .open else { throw .conflict("this task is already closed") }
        var v = Validator()
        let text = v.text("outcome", outcome, max: Self.outcomeLimit)
        try v.check()
        self.status = status
        self.outcome = text
        completedAt = now
        completedByID = staff
        updatedAt = now
    }

    /// Done by Earned itself: the greeting or follow-up it was about went out by e-mail.
    public mutating func doneBySending(at now: Date) {
        guard status == .open else { return }
        status = .done
        completedAt = now
        completedByID = nil
        updatedAt = now
    }
}
