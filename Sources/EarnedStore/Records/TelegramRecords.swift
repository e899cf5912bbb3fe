import EarnedDomain
import FluentKit
import Foundation

final class TelegramChatRecord: Model, @unchecked Sendable {
    static let schema = "telegram_chats"

    @ID(key: .id) var id: UUID?
    @Field(key: "chat_id") var chatID: Int64
    @OptionalField(key: "customer_id") var customerID: UUID?
    @OptionalField(key: "staff_id") var staffID: UUID?
    @OptionalField(key: "username") var username: String?
    @Field(key: "name") var name: String
    @Field(key: "started_at") var startedAt: Date
    @OptionalField(key: "stopped_at") var stoppedAt: Date?
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    var domain: TelegramChat {
        TelegramChat(
            chatID: chatID, customerID: customerID.map(CustomerID.init), staffID: staffID.map(StaffID.init),
            username: username, name: name, startedAt: startedAt, stoppedAt: stoppedAt)
    }

    func apply(_ chat: TelegramChat, now: Date) {
        chatID = chat.chatID
        customerID = chat.customerID?.rawValue
        staffID = chat.staffID?.rawValue
        username = chat.username
        name = chat.name
        startedAt = chat.startedAt
        stoppedAt = chat.stoppedAt
        updatedAt = now
    }
}

final class TelegramLinkRecord: Model, @unchecked Sendable {
    static let schema = "telegram_links"

    @ID(key: .id) var id: UUID?
    @Field(key: "token_hash") var tokenHash: String
    @OptionalField(key: "customer_id") var customerID: UUID?
    @OptionalField(key: "staff_id") var staffID: UUID?
    @Field(key: "expires_at") var expiresAt: Date
    @OptionalField(key: "used_at") var usedAt: Date?
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
