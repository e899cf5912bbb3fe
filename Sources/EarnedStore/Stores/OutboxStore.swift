import EarnedDomain
import FluentKit
import Foundation

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
        let ids = try await MailQueries.insertNew(messages, on: db)
        return messages.filter { ids.contains($0.id) }
    }

    /// Claims up to `limit` messages due at `now` for `lease` seconds: another instance does
    /// not take them meanwhile, and a claim left by a crashed one runs out.
    public func claimDue(limit: Int, now: Date, lease: TimeInterval = 600) async throws -> [OutboundMessage] {
        let ids = try await MailQueries.claimDue(
            limit: limit, now: now, leaseUntil: now.addingTimeInterval(lease), on: db)
        guard !ids.isEmpty else { return [] }
        return try await OutboundMessageRecord.query(on: db).filter(\.$id ~~ ids).sort(\.$nextAttemptAt).all()
            .map(\.domain)
    }

    /// Notices held for people's daily digests: waiting, with no time of their own.
    public func heldNotices() async throws -> [OutboundMessage] {
        try await OutboundMessageRecord.query(on: db).filter(\.$status == OutboundMessage.Status.pending.rawValue)
            .filter(\.$kind == OutboundMessage.Kind.notification.rawValue).filter(\.$nextAttemptAt == nil)
            .filter(\.$key =~ "notification:").limit(5000).all().map(\.domain)
    }

    /// Held notices that went in a digest: sent with it.
    public func markDigested(_ ids: [UUID], now: Date) async throws {
        for start in stride(from: 0, to: ids.count, by: 500) {
            try await OutboundMessageRecord.query(on: db).filter(
                \.$id ~~ Array(ids[start..<min(start + 500, ids.count)])
            )
            .filter(\.$status == OutboundMessage.Status.pending.rawValue)
            .set(\.$status, to: OutboundMessage.Status.sent.rawValue).set(\.$sentAt, to: now)
            .set(\.$lastResult, to: "sent in the daily digest").update()
        }
    }

    /// Gives back claims not used this pass: the messages wait for the next one, untried.
    public func release(_ ids: [UUID]) async throws {
        guard !ids.isEmpty else { return }
        try await OutboundMessageRecord.query(on: db).set(\.$claimedUntil, to: nil).filter(\.$id ~~ ids).update()
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
                // An incident's message delivered: the customer was told, now.
                if closed.kind == .outreach, let subject = closed.subject, subject.kind == .incident,
                    let customer = closed.customerID
                {
                    try await IncidentRepository(db: db).markTold(incident: subject.id, customer: customer, at: now)
                }
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

    /// The messages with these ids, by id (a contact's replies, read at once).
    public func messages(ids: [UUID]) async throws -> [UUID: OutboundMessage] {
        guard !ids.isEmpty else { return [:] }
        let found = try await OutboundMessageRecord.query(on: db).filter(\.$id ~~ ids).all().map(\.domain)
        return Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
    }

    public func message(_ id: UUID) async throws -> OutboundMessage? {
        try await OutboundMessageRecord.find(id, on: db)?.domain
    }

    public func message(key: String) async throws -> OutboundMessage? {
        try await OutboundMessageRecord.query(on: db).filter(\.$key == key).first()?.domain
    }

    // MARK: Unsubscribing

    /// Gives a message its unsubscribe link's token (by hash), good until `expires`.
    public func setUnsubscribe(_ id: UUID, hash: String, expires: Date) async throws {
        guard let record = try await OutboundMessageRecord.find(id, on: db) else { return }
        record.unsubscribeHash = hash
        record.unsubscribeExpiresAt = expires
        try await record.update(on: db)
    }

    /// What an unsubscribe link leads to.
    public enum UnsubscribeLink: Sendable, Hashable {
        /// A live link: the customer and the message.
        case valid(CustomerID, OutboundMessage)
        /// Used already.
        case used
        /// Unknown, expired, or of a customer since erased.
        case invalid
    }

    public func unsubscribeLink(hash: String, now: Date) async throws -> UnsubscribeLink {
        guard let record = try await OutboundMessageRecord.query(on: db).filter(\.$unsubscribeHash == hash).first()
        else { return .invalid }
        if record.unsubscribedAt != nil { return .used }
        guard let expires = record.unsubscribeExpiresAt, expires > now, let customer = record.customerID else {
            return .invalid
        }
        return .valid(CustomerID(customer), record.domain)
    }

    /// Uses an unsubscribe link: the customer's e-mail consent is withdrawn (source and time kept,
    /// as every consent), and mail to them that waits is not sent. Nil when the link is not live;
    /// a second use changes nothing.
    @discardableResult
    public func unsubscribe(hash: String, now: Date) async throws -> CustomerID? {
        guard case .valid(let customer, let message) = try await unsubscribeLink(hash: hash, now: now) else {
            return nil
        }
        try await db.transaction { db in
            let used = try await MailQueries.markUnsubscribed(message.id, at: now, on: db)
            guard used else { return }
            try await CustomerConsentRecord(
                customerID: customer.rawValue,
                consent: Consent(channel: .email, given: false, at: now, source: "unsubscribe link in an e-mail")
            ).create(on: db)
            try await OutboundMessageRecord.query(on: db).set(\.$status, to: OutboundMessage.Status.failed.rawValue)
                .set(\.$lastResult, to: "the customer unsubscribed").set(\.$nextAttemptAt, to: nil)
                .filter(\.$customerID == customer.rawValue).filter(\.$status == OutboundMessage.Status.pending.rawValue)
                .filter(\.$kind != OutboundMessage.Kind.reply.rawValue).update()
            try await AuditLog(db: db).record(
                .updated, "customer", customer.rawValue, by: nil,
                summary: "e-mail consent withdrawn by unsubscribe link",
                at: now)
        }
        return customer
    }
}
