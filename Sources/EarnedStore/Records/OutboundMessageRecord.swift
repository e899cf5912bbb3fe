import EarnedDomain
import FluentKit
import Foundation

final class OutboundMessageRecord: Model, @unchecked Sendable {
    static let schema = "outbound_messages"

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "kind") var kind: String
    @Field(key: "channel") var channel: String
    @OptionalField(key: "customer_id") var customerID: UUID?
    @OptionalField(key: "staff_id") var staffID: UUID?
    @OptionalField(key: "location_id") var locationID: UUID?
    @OptionalField(key: "task_id") var taskID: UUID?
    @OptionalField(key: "subject_id") var subjectID: UUID?
    @Field(key: "address") var address: String
    @OptionalField(key: "name") var name: String?
    @Field(key: "subject") var subject: String
    @Field(key: "text") var text: String
    @Field(key: "language") var language: String
    @OptionalField(key: "message_id") var messageID: String?
    @OptionalField(key: "in_reply_to") var inReplyTo: String?
    /// Message-IDs separated by spaces.
    @Field(key: "refs") var references: String
    @Field(key: "status") var status: String
    @Field(key: "attempts") var attempts: Int
    @OptionalField(key: "next_attempt_at") var nextAttemptAt: Date?
    @OptionalField(key: "claimed_until") var claimedUntil: Date?
    @OptionalField(key: "last_result") var lastResult: String?
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "unsubscribe_hash") var unsubscribeHash: String?
    @OptionalField(key: "unsubscribe_expires_at") var unsubscribeExpiresAt: Date?
    @OptionalField(key: "unsubscribed_at") var unsubscribedAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ m: OutboundMessage) {
        id = m.id
        key = m.key
        kind = m.kind.rawValue
        channel = m.channel.rawValue
        customerID = m.customerID?.rawValue
        staffID = m.staffID?.rawValue
        locationID = m.locationID?.rawValue
        taskID = m.taskID?.rawValue
        subjectID = m.subjectID
        address = m.address
        name = m.name
        subject = m.subject
        text = m.text
        language = m.language
        messageID = m.messageID
        inReplyTo = m.inReplyTo
        references = m.references.joined(separator: " ")
        status = m.status.rawValue
        attempts = m.attempts
        nextAttemptAt = m.nextAttemptAt
        lastResult = m.lastResult
        sentAt = m.sentAt
        createdAt = m.createdAt
        updatedAt = m.createdAt
    }

    var domain: OutboundMessage {
        OutboundMessage(
            id: id!, key: key, kind: OutboundMessage.Kind(rawValue: kind) ?? .test,
            channel: ContactChannel(rawValue: channel) ?? .email, customerID: customerID.map(CustomerID.init),
            staffID: staffID.map(StaffID.init), locationID: locationID.map(LocationID.init),
            taskID: taskID.map(ServiceTaskID.init), subjectID: subjectID, address: address, name: name,
            subject: subject, text: text,
            language: language, messageID: messageID, inReplyTo: inReplyTo,
            references: references.split(separator: " ").map(String.init),
            status: OutboundMessage.Status(rawValue: status) ?? .pending, attempts: attempts,
            nextAttemptAt: nextAttemptAt, lastResult: lastResult, sentAt: sentAt, createdAt: createdAt)
    }
}
