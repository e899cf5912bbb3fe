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

    struct AccountDTO: APIObject {
        var location_id: UUID?
        var outgoing: OutgoingDTO?
    }

    var accounts: [AccountDTO]
    /// Whether this server has a key to seal passwords with.
    var can_store_passwords: Bool

    init(_ settings: MailSettings, canStorePasswords: Bool) {
        accounts = settings.accounts.map {
            AccountDTO(location_id: $0.locationID?.rawValue, outgoing: $0.outgoing.map(OutgoingDTO.init))
        }
        can_store_passwords = canStorePasswords
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

    var location_id: UUID?
    /// Null (or left out) removes the scope's outgoing server.
    var outgoing: OutgoingInput?
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
