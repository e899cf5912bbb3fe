import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// The SQL of the mail outbox and the mailboxes read: inserts that skip a key already queued,
/// and claims with a lease that only one instance wins.
enum MailQueries {
    /// Inserts the messages whose keys are new; answers the ids inserted.
    static func insertNew(_ messages: [OutboundMessage], on db: any Database) async throws -> Set<UUID> {
        let sql = try db.sql
        let insert = sql.insert(into: OutboundMessageRecord.schema).columns(
            "id", "key", "kind", "channel", "customer_id", "staff_id", "location_id", "task_id", "subject_id",
            "address",
            "name", "subject", "text", "language", "message_id", "in_reply_to", "refs", "status", "attempts",
            "next_attempt_at", "created_at", "updated_at")
        for m in messages {
            let values: [BulkValue] = [
                .uuid(m.id), .text(m.key), .text(m.kind.rawValue), .text(m.channel.rawValue),
                .uuid(m.customerID?.rawValue), .uuid(m.staffID?.rawValue), .uuid(m.locationID?.rawValue),
                .uuid(m.taskID?.rawValue), .uuid(m.subjectID), .text(m.address), .text(m.name), .text(m.subject),
                .text(m.text), .text(m.language), .text(m.messageID), .text(m.inReplyTo),
                .text(m.references.joined(separator: " ")), .text(OutboundMessage.Status.pending.rawValue),
                .integer(0), .date(m.nextAttemptAt), .date(m.createdAt), .date(m.createdAt),
            ]
            insert.values(values.map(\.expression))
        }
        let rows = try await insert.ignoringConflicts(with: ["key"]).returning("id").all()
        let ids = Set(try rows.map { try $0.decode(column: "id", as: UUID.self) })
        return ids
    }

    /// Claims up to `limit` due messages until `leaseUntil`; answers their ids.
    static func claimDue(limit: Int, now: Date, leaseUntil: Date, on db: any Database) async throws -> [UUID] {
        let rows = try await db.sql.raw(
            """
            UPDATE outbound_messages SET claimed_until = \(bind: leaseUntil)
            WHERE id IN (
                SELECT id FROM outbound_messages
                WHERE status = 'pending' AND next_attempt_at <= \(bind: now)
                    AND (claimed_until IS NULL OR claimed_until < \(bind: now))
                ORDER BY next_attempt_at LIMIT \(unsafeRaw: String(max(1, limit))))
            AND (claimed_until IS NULL OR claimed_until < \(bind: now))
            RETURNING id
            """
        ).all()
        return try rows.map { try $0.decode(column: "id", as: UUID.self) }
    }

    /// Marks a message's unsubscribe link used, if it was not; true when this call did.
    static func markUnsubscribed(_ id: UUID, at now: Date, on db: any Database) async throws -> Bool {
        let rows = try await db.sql.raw(
            """
            UPDATE outbound_messages SET unsubscribed_at = \(bind: now)
            WHERE id = \(bind: id) AND unsubscribed_at IS NULL RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    /// Claims the mailbox of `scope` (its row made when missing) for `lease` seconds; nil when
    /// another instance holds it, else where Earned stands in it (nil inside: never read).
    static func claimMailbox(_ scope: String, now: Date, lease: TimeInterval, on db: any Database) async throws
        -> MailboxPosition??
    {
        let sql = try db.sql
        try await sql.insert(into: MailboxStateRecord.schema).columns("id", "scope", "updated_at")
            .values([BulkValue.uuid(IDGenerator.next()), .text(scope), .date(now)].map(\.expression))
            .ignoringConflicts(with: ["scope"]).run()
        let rows = try await sql.raw(
            """
            UPDATE mailbox_states SET claimed_until = \(bind: now.addingTimeInterval(lease))
            WHERE scope = \(bind: scope) AND (claimed_until IS NULL OR claimed_until < \(bind: now))
            RETURNING uid_validity, last_uid
            """
        ).all()
        guard let row = rows.first else { return nil }
        let validity =
            try row.decodeNil(column: "uid_validity") ? nil : try row.decode(column: "uid_validity", as: Int64.self)
        let last = try row.decodeNil(column: "last_uid") ? nil : try row.decode(column: "last_uid", as: Int64.self)
        guard let validity, let last else { return .some(nil) }
        return .some(MailboxPosition(uidValidity: UInt64(validity), lastUID: UInt64(last)))
    }
}
