import EarnedDomain
import FluentKit
import Foundation

final class MailboxStateRecord: Model, @unchecked Sendable {
    static let schema = "mailbox_states"

    @ID(key: .id) var id: UUID?
    /// "business", or a location's id.
    @Field(key: "scope") var scope: String
    @OptionalField(key: "uid_validity") var uidValidity: Int64?
    @OptionalField(key: "last_uid") var lastUID: Int64?
    @OptionalField(key: "claimed_until") var claimedUntil: Date?
    @OptionalField(key: "polled_at") var polledAt: Date?
    @OptionalField(key: "last_error") var lastError: String?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    static func scope(_ location: LocationID?) -> String { location?.description.lowercased() ?? "business" }
}

final class ContactMessageRecord: Model, @unchecked Sendable {
    static let schema = "contact_messages"

    @ID(key: .id) var id: UUID?
    @Field(key: "contact_id") var contactID: UUID
    @Field(key: "direction") var direction: String
    @Field(key: "at") var at: Date
    @OptionalField(key: "from_address") var fromAddress: String?
    @OptionalField(key: "from_name") var fromName: String?
    @Field(key: "subject") var subject: String
    @Field(key: "text") var text: String
    @OptionalField(key: "message_id") var messageID: String?
    @OptionalField(key: "in_reply_to") var inReplyTo: String?
    @Field(key: "refs") var references: String
    @OptionalField(key: "outbound_id") var outboundID: UUID?
    @OptionalField(key: "staff_id") var staffID: UUID?
    @Field(key: "attachments_json") var attachmentsJSON: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(_ m: ContactMessage, now: Date) throws {
        id = m.id
        contactID = m.contactID.rawValue
        direction = m.direction.rawValue
        at = m.at
        fromAddress = m.fromAddress
        fromName = m.fromName
        subject = m.subject
        text = m.text
        messageID = m.messageID
        inReplyTo = m.inReplyTo
        references = m.references.joined(separator: " ")
        outboundID = m.outboundID
        staffID = m.staffID?.rawValue
        attachmentsJSON = try DocumentCoding.string(m.attachments)
        createdAt = now
    }

    func domain() throws -> ContactMessage {
        ContactMessage(
            id: id!, contactID: ContactID(contactID),
            direction: ContactMessage.Direction(rawValue: direction) ?? .inbound,
            at: at, fromAddress: fromAddress, fromName: fromName, subject: subject, text: text, messageID: messageID,
            inReplyTo: inReplyTo, references: references.split(separator: " ").map(String.init), outboundID: outboundID,
            staffID: staffID.map(StaffID.init),
            attachments: try DocumentCoding.decode([ContactMessage.Attachment].self, attachmentsJSON))
    }
}

final class ContactAttachmentRecord: Model, @unchecked Sendable {
    static let schema = "contact_attachments"

    @ID(key: .id) var id: UUID?
    @Field(key: "message_id") var messageID: UUID
    @Field(key: "filename") var filename: String
    @Field(key: "content_type") var contentType: String
    @Field(key: "size") var size: Int
    @Field(key: "data") var data: Data

    init() {}
}
