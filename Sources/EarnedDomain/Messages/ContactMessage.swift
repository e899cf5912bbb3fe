import Foundation

/// One message of a contact's conversation by e-mail: the customer's mail as it arrived, or a
/// reply written on the contact's page. The Message-ID, In-Reply-To and References keep a
/// thread together: a customer's answer to a reply joins the contact the reply belongs to.
public struct ContactMessage: Hashable, Codable, Sendable, Identifiable {
    public enum Direction: String, Codable, Sendable, CaseIterable {
        case inbound = "in"
        case outbound = "out"
    }

    /// A file that came with a message. Over the size limit it is named, not kept.
    public struct Attachment: Hashable, Codable, Sendable, Identifiable {
        public var id: UUID
        public var filename: String
        public var contentType: String
        public var size: Int
        public var kept: Bool

        public init(id: UUID, filename: String, contentType: String, size: Int, kept: Bool) {
            self.id = id
            self.filename = filename
            self.contentType = contentType
            self.size = size
            self.kept = kept
        }
    }

    public var id: UUID
    public var contactID: ContactID
    public var direction: Direction
    public var at: Date
    public var fromAddress: String?
    public var fromName: String?
    public var subject: String
    public var text: String
    /// Without angle brackets.
    public var messageID: String?
    public var inReplyTo: String?
    public var references: [String]
    /// For a reply: the outbox message that carries it, and who wrote it.
    public var outboundID: UUID?
    public var staffID: StaffID?
    public var attachments: [Attachment]

    public init(
        id: UUID, contactID: ContactID, direction: Direction, at: Date, fromAddress: String? = nil,
        fromName: String? = nil, subject: String, text: String, messageID: String? = nil, inReplyTo: String? = nil,
        references: [String] = [], outboundID: UUID? = nil, staffID: StaffID? = nil, attachments: [Attachment] = []
    ) {
        self.id = id
        self.contactID = contactID
        self.direction = direction
        self.at = at
        self.fromAddress = fromAddress
        self.fromName = fromName
        self.subject = subject
        self.text = text
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.outboundID = outboundID
        self.staffID = staffID
        self.attachments = attachments
    }

    /// The ids a new message in this thread names: this one's references, then this one.
    public var threadIDs: [String] {
        var ids = references
        if let inReplyTo, !ids.contains(inReplyTo) { ids.append(inReplyTo) }
        if let messageID, !ids.contains(messageID) { ids.append(messageID) }
        return ids
    }

    /// A reply's subject: "Re: " once before the customer's.
    public static func replySubject(_ subject: String) -> String {
        let trimmed = subject.trimmingCharacters(in: .whitespaces)
        let lower = trimmed.lowercased()
        return lower.hasPrefix("re:") || lower.hasPrefix("на:") ? trimmed : "Re: " + trimmed
    }
}
