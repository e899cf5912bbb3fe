import Foundation

/// A message Earned sends itself (by e-mail, or through the Telegram bot) to a customer or a member of staff, with
/// what happened to it: the outbox and its delivery log. Each has a unique key, so the same
/// greeting, survey link or reply is never queued twice, and a lease, so two instances sharing
/// one database never send it twice.
public struct OutboundMessage: Hashable, Codable, Sendable, Identifiable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case greeting
        case survey
        case followUp = "follow_up"
        case outreach
        /// A person's answer to a customer's contact.
        case reply
        /// A notice to a member of staff.
        case notification
        /// The settings page's test message.
        case test
        /// The bot's own answer to /start or /stop.
        case bot
        /// A password-reset link to a member of staff (kept without its link).
        case passwordReset = "password_reset"
        /// A resolved case's "is it solved?" link to its customer.
        case caseConfirmation = "case_confirmation"
    }

    public enum Status: String, Codable, Sendable, CaseIterable {
        /// Waiting for its first try, or for its next after a temporary failure.
        case pending
        /// Accepted by the mail server.
        case sent
        /// The server's final refusal (a 5xx), with its reason; not tried again.
        case refused
        /// Given up after the last retry.
        case failed
    }

    public var id: UUID
    public var key: String
    public var kind: Kind
    public var channel: ContactChannel
    public var customerID: CustomerID?
    public var staffID: StaffID?
    public var locationID: LocationID?
    /// The task this message does (a greeting, a follow-up), closed when it is sent.
    public var taskID: ServiceTaskID?
    /// What it is about, by kind: the survey invitation whose link it carries, the contact it
    /// answers.
    public var subjectID: UUID?
    /// Where it goes: an e-mail address, or a Telegram chat ("tg:<chat id>").
    public var address: String
    /// The name beside the address.
    public var name: String?
    public var subject: String
    public var text: String
    public var language: String
    /// The e-mail's Message-ID (without brackets), and the message it answers.
    public var messageID: String?
    public var inReplyTo: String?
    public var references: [String]
    public var status: Status
    public var attempts: Int
    /// When the scheduler tries it next. Nil while waiting: the scheduler never takes it (a
    /// notice held for a daily digest, a password-reset link its caller sends at once).
    public var nextAttemptAt: Date?
    /// The server's words on the last try: its acceptance, refusal or why it could not be reached.
    public var lastResult: String?
    public var sentAt: Date?
    public var createdAt: Date

    public init(
        id: UUID, key: String, kind: Kind, channel: ContactChannel, customerID: CustomerID? = nil,
        staffID: StaffID? = nil, locationID: LocationID? = nil, taskID: ServiceTaskID? = nil, subjectID: UUID? = nil,
        address: String,
        name: String? = nil, subject: String, text: String, language: String, messageID: String? = nil,
        inReplyTo: String? = nil, references: [String] = [], status: Status = .pending, attempts: Int = 0,
        nextAttemptAt: Date? = nil, lastResult: String? = nil, sentAt: Date? = nil, createdAt: Date
    ) {
        self.id = id
        self.key = key
        self.kind = kind
        self.channel = channel
        self.customerID = customerID
        self.staffID = staffID
        self.locationID = locationID
        self.taskID = taskID
        self.subjectID = subjectID
        self.address = address
        self.name = name
        self.subject = subject
        self.text = text
        self.language = language
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.status = status
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastResult = lastResult
        self.sentAt = sentAt
        self.createdAt = createdAt
    }
}
