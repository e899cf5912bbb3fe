import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// The outbox of messages Earned sends itself: queued once per key, claimed with a lease so
/// two instances never send one message twice, and its delivery log.
public struct OutboxStore: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    /// Queues the messages whose keys are new; answers those queued.
    @discardableResult
    public func enqueue(_ messages: [OutboundMessage]) async throws -> [OutboundMessage] {
        var keys = Set<String>()
        let messages = messages.filter { keys.insert($0.key).inserted }
        guard !messages.isEmpty else { return [] }
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
                .integer(0), .date(m.nextAttemptAt ?? m.createdAt), .date(m.createdAt), .date(m.createdAt),
            ]
            insert.values(values.map(\.expression))
        }
        let rows = try await insert.ignoringConflicts(with: ["key"]).returning("id").all()
        let ids = Set(try rows.map { try $0.decode(column: "id", as: UUID.self) })
        return messages.filter { ids.contains($0.id) }
    }

    /// Claims up to `limit` messages due at `now` for `lease` seconds: another instance does
    /// not take them meanwhile, and a claim left by a crashed one runs out.
    public func claimDue(limit: Int, now: Date, lease: TimeInterval = 600) async throws -> [OutboundMessage] {
        let rows = try await db.sql.raw(
            """
            UPDATE outbound_messages SET claimed_until = \(bind: now.addingTimeInterval(lease))
            WHERE id IN (
                SELECT id FROM outbound_messages
                WHERE status = 'pending' AND next_attempt_at <= \(bind: now)
                    AND (claimed_until IS NULL OR claimed_until < \(bind: now))
                ORDER BY next_attempt_at LIMIT \(unsafeRaw: String(max(1, limit))))
            AND (claimed_until IS NULL OR claimed_until < \(bind: now))
            RETURNING id
            """
        ).all()
        let ids = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        guard !ids.isEmpty else { return [] }
        return try await OutboundMessageRecord.query(on: db).filter(\.$id ~~ ids).sort(\.$nextAttemptAt).all()
            .map(\.domain)
    }

    /// What one try came to.
    public enum Outcome: Sendable, Hashable {
        /// Accepted, with the server's reply and the Message-ID it went out under.
        case sent(reply: String, messageID: String)
        /// The server's final refusal.
        case refused(String)
        /// Not this time; tried again at `next`, or given up when nil.
        case deferred(String, next: Date?)
    }

    /// Records one try and releases the claim; a message sent for a task closes the task.
    @discardableResult
    public func record(_ id: UUID, _ outcome: Outcome, now: Date) async throws -> OutboundMessage? {
        try await db.transaction { db in
            guard let record = try await OutboundMessageRecord.find(id, on: db) else { return nil }
            record.attempts += 1
            record.claimedUntil = nil
            record.updatedAt = now
            switch outcome {
            case .sent(let reply, let messageID):
                record.status = OutboundMessage.Status.sent.rawValue
                record.lastResult = String(reply.prefix(500))
                record.messageID = messageID
                record.sentAt = now
                record.nextAttemptAt = nil
            case .refused(let reason):
                record.status = OutboundMessage.Status.refused.rawValue
                record.lastResult = String(reason.prefix(500))
                record.nextAttemptAt = nil
            case .deferred(let reason, let next):
                record.lastResult = String(reason.prefix(500))
                record.nextAttemptAt = next
                if next == nil { record.status = OutboundMessage.Status.failed.rawValue }
            }
            try await record.update(on: db)
            if case .sent = outcome, let task = record.taskID,
                let taskRecord = try await ServiceTaskRecord.find(task, on: db)
            {
                var closed = taskRecord.domain
                closed.doneBySending(at: now)
                taskRecord.apply(closed)
                try await taskRecord.update(on: db)
            }
            return record.domain
        }
    }

    /// The messages to one customer (and those merged into them), newest first.
    public func messages(to customer: CustomerID, limit: Int = 100) async throws -> [OutboundMessage] {
        try await OutboundMessageRecord.query(on: db).filter(\.$customerID == customer.rawValue)
            .sort(\.$createdAt, .descending).limit(limit).all().map(\.domain)
    }

    /// The delivery log, newest first; only messages in `status` when given.
    public func recent(status: OutboundMessage.Status? = nil, limit: Int = 100) async throws -> [OutboundMessage] {
        let query = OutboundMessageRecord.query(on: db)
        if let status { query.filter(\.$status == status.rawValue) }
        return try await query.sort(\.$createdAt, .descending).limit(limit).all().map(\.domain)
    }

    public func message(_ id: UUID) async throws -> OutboundMessage? {
        try await OutboundMessageRecord.find(id, on: db)?.domain
    }

    public func message(key: String) async throws -> OutboundMessage? {
        try await OutboundMessageRecord.query(on: db).filter(\.$key == key).first()?.domain
    }
}
