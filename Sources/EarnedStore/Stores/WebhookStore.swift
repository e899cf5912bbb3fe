import EarnedDomain
import FluentKit
import Foundation

/// Webhook subscriptions (owner only) and the delivery log; the sender claims due deliveries
/// here and records each try.
public struct WebhookStore: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    public func subscriptions() async throws -> [WebhookSubscription] {
        try await WebhookSubscriptionRecord.query(on: db).sort(\.$createdAt).all().map(\.domain)
    }

    public func create(_ draft: WebhookSubscriptionDraft, secret: String, actor: Staff, now: Date) async throws
        -> WebhookSubscription
    {
        try Policy.require(actor, .manageIntegrations)
        let subscription = try draft.validated(id: WebhookSubscriptionID(), secret: secret, now: now)
        try await db.transaction { db in
            try await WebhookSubscriptionRecord(subscription, createdBy: actor.id).create(on: db)
            try await AuditLog(db: db).record(
                .created, "webhook", subscription.id.rawValue, by: actor, summary: "url, events", at: now)
        }
        return subscription
    }

    /// Pauses or resumes a subscription (owner only); a paused one gets no new deliveries.
    @discardableResult
    public func setActive(_ id: WebhookSubscriptionID, _ active: Bool, actor: Staff, now: Date) async throws
        -> WebhookSubscription
    {
        try Policy.require(actor, .manageIntegrations)
        guard let record = try await WebhookSubscriptionRecord.find(id.rawValue, on: db) else {
            throw DomainError.notFound("webhook")
        }
        record.isActive = active
        record.updatedAt = now
        try await db.transaction { db in
            try await record.update(on: db)
            try await AuditLog(db: db).record(
                .updated, "webhook", id.rawValue, by: actor, summary: active ? "resumed" : "paused", at: now)
        }
        return record.domain
    }

    /// Changes a subscription's address, events, description or state (owner only); its
    /// secret stays, so receivers keep checking signatures with it.
    @discardableResult
    public func update(_ id: WebhookSubscriptionID, _ draft: WebhookSubscriptionDraft, actor: Staff, now: Date)
        async throws -> WebhookSubscription
    {
        try Policy.require(actor, .manageIntegrations)
        guard let record = try await WebhookSubscriptionRecord.find(id.rawValue, on: db) else {
            throw DomainError.notFound("webhook")
        }
        let changed = try draft.validated(id: id, secret: "", now: now, existing: record.domain)
        try await db.transaction { db in
            record.apply(changed)
            try await record.update(on: db)
            try await AuditLog(db: db).record(
                .updated, "webhook", id.rawValue, by: actor, summary: "url, events, description", at: now)
        }
        return changed
    }

    /// Deletes a subscription and its delivery log (owner only).
    public func delete(_ id: WebhookSubscriptionID, actor: Staff, now: Date) async throws {
        try Policy.require(actor, .manageIntegrations)
        guard try await WebhookSubscriptionRecord.find(id.rawValue, on: db) != nil else {
            throw DomainError.notFound("webhook")
        }
        try await db.transaction { db in
            try await WebhookDeliveryRecord.query(on: db).filter(\.$subscriptionID == id.rawValue).delete()
            try await WebhookSubscriptionRecord.query(on: db).filter(\.$id == id.rawValue).delete()
            try await AuditLog(db: db).record(.deleted, "webhook", id.rawValue, by: actor, summary: "deleted", at: now)
        }
    }

    /// Queues a signed test event for one subscription, active or paused, whatever it asks for:
    /// the next scheduler pass sends it like any delivery, and the log shows how it went.
    @discardableResult
    public func queueTest(_ id: WebhookSubscriptionID, actor: Staff, now: Date) async throws -> Int {
        try Policy.require(actor, .manageIntegrations)
        guard try await WebhookSubscriptionRecord.find(id.rawValue, on: db) != nil else {
            throw DomainError.notFound("webhook")
        }
        let event = WebhookEvent(
            key: "webhook.test:\(id):\(Int(now.timeIntervalSince1970 * 1000))", kind: .webhookTest, occurredAt: now,
            data: ["subscription_id": id.description, "message": "A test from Earned"])
        return try await TaskQueries.enqueue(
            event: event, payload: event.jsonBody, subscriptions: [id], now: now, on: db)
    }

    /// Sends a delivery that failed (or is still retrying) again at the next pass, with a fresh
    /// count of attempts (owner only). A delivered one is not sent twice.
    public func resend(_ id: UUID, actor: Staff, now: Date) async throws -> WebhookDelivery {
        try Policy.require(actor, .manageIntegrations)
        guard let record = try await WebhookDeliveryRecord.find(id, on: db) else {
            throw DomainError.notFound("delivery")
        }
        guard record.status != WebhookDelivery.Status.delivered.rawValue else {
            throw DomainError.conflict("the delivery was delivered already")
        }
        record.status = WebhookDelivery.Status.pending.rawValue
        record.attempts = 0
        record.nextAttemptAt = now
        record.claimedUntil = nil
        record.updatedAt = now
        try await db.transaction { db in
            try await record.update(on: db)
            try await AuditLog(db: db).record(
                .updated, "webhook_delivery", id, by: actor, summary: "resent", at: now)
        }
        return record.domain
    }

    /// Queues an event for every active subscription that wants it; returns how many
    /// deliveries were queued (none for an event key already queued).
    @discardableResult
    public func publish(_ event: WebhookEvent, now: Date) async throws -> Int {
        let targets = try await WebhookSubscriptionRecord.query(on: db).filter(\.$isActive == true).all()
            .map(\.domain).filter { $0.wants(event.kind) }.map(\.id)
        return try await TaskQueries.enqueue(
            event: event, payload: event.jsonBody, subscriptions: targets, now: now, on: db)
    }

    /// Publishes many events at once, each to the subscriptions that want its kind and do not
    /// have it yet: the subscriptions are read once, and what was queued before is looked up by
    /// key, so a pass that publishes the same events again writes nothing. Returns how many
    /// deliveries were queued.
    public func publishNew(_ events: [WebhookEvent], now: Date) async throws -> Int {
        guard !events.isEmpty else { return 0 }
        let subscriptions = try await WebhookSubscriptionRecord.query(on: db).filter(\.$isActive == true).all()
            .map(\.domain)
        let wanting = subscriptions.filter { s in events.contains { s.wants($0.kind) } }
        guard !wanting.isEmpty else { return 0 }
        let queued = try await TaskQueries.queuedPairs(
            subscriptions: wanting.map(\.id.rawValue), eventKeys: events.map(\.key), on: db)
        var count = 0
        for event in events {
            let targets = subscriptions.filter {
                $0.wants(event.kind)
                    && !queued.contains(TaskQueries.QueuedPair(subscription: $0.id.rawValue, key: event.key))
            }.map(\.id)
            guard !targets.isEmpty else { continue }
            count += try await TaskQueries.enqueue(
                event: event, payload: event.jsonBody, subscriptions: targets, now: now, on: db)
        }
        return count
    }

    /// Takes up to `limit` due deliveries for this instance for `lease` seconds.
    public func claimDue(limit: Int, now: Date, lease: TimeInterval = 120) async throws -> [WebhookDelivery] {
        let ids = try await TaskQueries.claimDeliveries(
            limit: limit, now: now, leaseUntil: now.addingTimeInterval(lease), on: db)
        guard !ids.isEmpty else { return [] }
        return try await WebhookDeliveryRecord.query(on: db).filter(\.$id ~~ ids).all().map(\.domain)
    }

    /// Records one try: delivered, or failed with the next attempt (nil: given up).
    public func record(
        _ id: UUID, statusCode: Int?, error: String?, delivered: Bool, nextAttemptAt: Date?, now: Date
    ) async throws {
        guard let record = try await WebhookDeliveryRecord.find(id, on: db) else { return }
        record.attempts += 1
        record.lastStatusCode = statusCode
        record.lastError = error.map { String($0.prefix(500)) }
        record.claimedUntil = nil
        record.updatedAt = now
        if delivered {
            record.status = WebhookDelivery.Status.delivered.rawValue
            record.deliveredAt = now
            record.nextAttemptAt = nil
        } else if let nextAttemptAt {
            record.nextAttemptAt = nextAttemptAt
        } else {
            record.status = WebhookDelivery.Status.failed.rawValue
            record.nextAttemptAt = nil
        }
        try await record.update(on: db)
    }

    /// The delivery log, newest first.
    public func deliveries(subscription: WebhookSubscriptionID? = nil, limit: Int = 100) async throws
        -> [WebhookDelivery]
    {
        let q = WebhookDeliveryRecord.query(on: db)
        if let subscription { q.filter(\.$subscriptionID == subscription.rawValue) }
        return try await q.sort(\.$createdAt, .descending).limit(limit).all().map(\.domain)
    }
}
