import EarnedDomain
import Foundation
import Vapor

/// The business's e-mail accounts; a stored password shows only as `has_password`.
struct MailSettingsDTO: APIObject {
    struct OutgoingDTO: APIObject {
        var host: String
        var port: Int
        var security: String
        var username: String?
        var has_password: Bool
        var from_address: String
        var from_name: String?

        init(_ server: OutgoingMailServer) {
            host = server.host
            port = server.port
            security = server.security.rawValue
            username = server.username
            has_password = server.sealedPassword != nil
            from_address = server.fromAddress
            from_name = server.fromName
        }
    }

    struct IncomingDTO: APIObject {
        var host: String
        var port: Int
        var security: String
        var username: String
        var has_password: Bool
        var folder: String

        init(_ server: IncomingMailServer) {
            host = server.host
            port = server.port
            security = server.security.rawValue
            username = server.username
            has_password = server.sealedPassword != nil
            folder = server.folder
        }
    }

    struct AccountDTO: APIObject {
        var location_id: UUID?
        var outgoing: OutgoingDTO?
        var incoming: IncomingDTO?
    }

    var accounts: [AccountDTO]
    /// Whether mail from an unknown address makes a new customer.
    var new_customers: Bool
    /// Whether this server has a key to seal passwords with.
    var can_store_passwords: Bool

    init(_ settings: MailSettings, canStorePasswords: Bool) {
        accounts = settings.accounts.map {
            AccountDTO(
                location_id: $0.locationID?.rawValue, outgoing: $0.outgoing.map(OutgoingDTO.init),
                incoming: $0.incoming.map(IncomingDTO.init))
        }
        can_store_passwords = canStorePasswords
        new_customers = settings.newCustomers
    }
}

/// Sets or removes the outgoing server of the business (no `location_id`) or of a location.
struct MailSettingsInput: Content {
    struct OutgoingInput: Content {
        var host: String?
        var port: Int?
        var security: String?
        var username: String?
        /// Left out: the stored one stays; empty: removed.
        var password: String?
        var from_address: String?
        var from_name: String?

        var draft: OutgoingMailServerDraft {
            OutgoingMailServerDraft(
                host: host, port: port, security: security, username: username, password: password,
                fromAddress: from_address, fromName: from_name)
        }
    }

    struct IncomingInput: Content {
        var host: String?
        var port: Int?
        var security: String?
        var username: String?
        /// Left out: the stored one stays.
        var password: String?
        var folder: String?

        var draft: IncomingMailServerDraft {
            IncomingMailServerDraft(
                host: host, port: port, security: security, username: username, password: password, folder: folder)
        }
    }

    var location_id: UUID?
    /// Whether mail from an unknown address makes a new customer; left out, it stays.
    var new_customers: Bool?
    /// Null removes the scope's outgoing server; left out, it stays as it is.
    var outgoing: OutgoingInput?
    /// Null removes the mailbox Earned reads; left out, it stays as it is.
    var incoming: IncomingInput?
    /// Whether each key was in the body at all (null is not the same as left out).
    var outgoing_set = false
    var incoming_set = false

    enum CodingKeys: String, CodingKey {
        case location_id, outgoing, incoming, new_customers
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        location_id = try container.decodeIfPresent(UUID.self, forKey: .location_id)
        new_customers = try container.decodeIfPresent(Bool.self, forKey: .new_customers)
        outgoing = try container.decodeIfPresent(OutgoingInput.self, forKey: .outgoing)
        incoming = try container.decodeIfPresent(IncomingInput.self, forKey: .incoming)
        outgoing_set = container.contains(.outgoing)
        incoming_set = container.contains(.incoming)
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(location_id, forKey: .location_id)
        try container.encodeIfPresent(outgoing, forKey: .outgoing)
        try container.encodeIfPresent(incoming, forKey: .incoming)
    }
}

struct ReplyInput: Content {
    var text: String?
}

/// One message of a contact's conversation by e-mail.
struct ContactMessageDTO: APIObject {
    struct FileDTO: APIObject {
        var id: UUID
        var filename: String
        var content_type: String
        var size: Int
        var kept: Bool
    }

    var id: UUID
    var contact_id: UUID
    var direction: String
    var at: Date
    var from_address: String?
    var from_name: String?
    var subject: String
    var text: String
    var message_id: String?
    var in_reply_to: String?
    var outbound_id: UUID?
    var staff_id: UUID?
    var attachments: [FileDTO]

    init(_ m: ContactMessage) {
        id = m.id
        contact_id = m.contactID.rawValue
        direction = m.direction.rawValue
        at = m.at
        from_address = m.fromAddress
        from_name = m.fromName
        subject = m.subject
        text = m.text
        message_id = m.messageID
        in_reply_to = m.inReplyTo
        outbound_id = m.outboundID
        staff_id = m.staffID?.rawValue
        attachments = m.attachments.map {
            FileDTO(id: $0.id, filename: $0.filename, content_type: $0.contentType, size: $0.size, kept: $0.kept)
        }
    }
}

struct MailTestInput: Content {
    var location_id: UUID?
    var to: String?
}

/// One message Earned sent (or is sending) itself.
struct OutboundMessageDTO: APIObject {
    var id: UUID
    var kind: String
    var channel: String
    var customer_id: UUID?
    var staff_id: UUID?
    var location_id: UUID?
    var task_id: UUID?
    var address: String
    var subject: String
    var status: String
    var attempts: Int
    var next_attempt_at: Date?
    var last_result: String?
    var message_id: String?
    var sent_at: Date?
    var created_at: Date

    init(_ m: OutboundMessage) {
        id = m.id
        kind = m.kind.rawValue
        channel = m.channel.rawValue
        customer_id = m.customerID?.rawValue
        staff_id = m.staffID?.rawValue
        location_id = m.locationID?.rawValue
        task_id = m.taskID?.rawValue
        address = m.address
        subject = m.subject
        status = m.status.rawValue
        attempts = m.attempts
        next_attempt_at = m.nextAttemptAt
        last_result = m.lastResult
        message_id = m.messageID
        sent_at = m.sentAt
        created_at = m.createdAt
    }
}

/// The caller's choices about notices by e-mail.
struct NotificationsDTO: APIObject {
    var email: Bool
    var kinds: [String]
    var send_from: String
    var send_until: String
    var digest: Bool

    init(_ p: NotificationPreferences) {
        digest = p.digest
        email = p.email
        kinds = NotificationKind.allCases.filter { p.kinds.contains($0) }.map(\.rawValue)
        send_from = DayPeriod.clockText(p.hours.sendFrom)
        send_until = DayPeriod.clockText(p.hours.sendUntil)
    }
}

struct NotificationsInput: Content {
    var email: Bool?
    var kinds: [String]?
    var send_from: String?
    var send_until: String?
    var digest: Bool?
}
