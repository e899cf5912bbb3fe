import Crypto
import EarnedDomain
import EarnedStore
import FluentKit
import Foundation
import Logging

/// Sends due webhook deliveries: each body signed with the subscription's secret
/// (`Earned-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`), a 2xx answer
/// counts as delivered, anything else is retried with backoff and logged.
package struct WebhookSender: Sendable {
    package let db: any Database
    package let transport: any WebhookTransport
    package let logger: Logger
    package var backoff = WebhookBackoff()
    /// Seconds a receiver has to answer.
    package var timeoutSeconds: Int64 = 10
    /// Where each attempt's outcome is counted for `/metrics`.
    package var metrics: (any ServiceInstruments)? = nil

    /// The signature header's value for a body sent at `time`.
    package static func signature(body: String, secret: String, time: Date) -> String {
        let t = Int(time.timeIntervalSince1970)
        let mac = HMAC<SHA256>.authenticationCode(
            for: Data("\(t).\(body)".utf8), using: SymmetricKey(data: Data(secret.utf8)))
        return "t=\(t),v1=" + mac.map { String(format: "%02x", $0) }.joined()
    }

    /// How many deliveries are in flight at once.
    package static let concurrentSends = 8

    /// Posts one delivery; answers its status code and, unless a 2xx, what went wrong.
    package func send(_ delivery: WebhookDelivery, to subscription: WebhookSubscription, now: Date) async throws -> (
        WebhookDelivery, WebhookSubscription, Int?, String?
    ) {
        let headers = [
            ("Content-Type", "application/json; charset=utf-8"), ("User-Agent", "Earned-Webhooks/1"),
            ("Earned-Event", delivery.eventKind?.rawValue ?? ""),
            ("Earned-Delivery", delivery.id.uuidString.lowercased()),
            ("Earned-Signature", Self.signature(body: delivery.payload, secret: subscription.secret, time: now)),
        ]
        do {
            let code = try await transport.post(
                subscription.url, headers: headers, body: delivery.payload, timeoutSeconds: timeoutSeconds)
            return (delivery, subscription, code, (200..<300).contains(code) ? nil : "answered \(code)")
        } catch {
            return (delivery, subscription, nil, String(describing: error))
        }
    }

    /// Claims and sends what is due; returns how many were delivered and how many failed.
    package func sendDue(now: Date, limit: Int = 50) async throws -> (delivered: Int, failed: Int) {
        let store = WebhookStore(db: db)
        let due = try await store.claimDue(limit: limit, now: now)
        guard !due.isEmpty else { return (0, 0) }
        var secrets: [WebhookSubscriptionID: WebhookSubscription] = [:]
        for subscription in try await store.subscriptions() { secrets[subscription.id] = subscription }
        // Several receivers at once, so one that does not answer costs its timeout once, not
        // once per delivery.
        let sends = due.compactMap { d in secrets[d.subscriptionID].map { (d, $0) } }
        var results: [(WebhookDelivery, WebhookSubscription, code: Int?, problem: String?)] = []
        try await withThrowingTaskGroup(of: (WebhookDelivery, WebhookSubscription, Int?, String?).self) { group in
            var next = sends.makeIterator()
            func startNext() {
                guard let (delivery, subscription) = next.next() else { return }
                group.addTask { try await send(delivery, to: subscription, now: now) }
            }
            for _ in 0..<Self.concurrentSends { startNext() }
            while let result = try await group.next() {
                results.append((result.0, result.1, result.2, result.3))
                startNext()
            }
        }
        var delivered = 0
        var failed = 0
        for (delivery, subscription, code, problem) in results {
            let ok = problem == nil
            metrics?.webhookDelivery(ok ? .delivered : code == nil ? .unreachable : .rejected)
            let next =
                ok
                ? nil
                : backoff.nextAttempt(
                    afterFailures: delivery.attempts + 1, at: now, jitter: Double.random(in: 0...1))
            try await store.record(
                delivery.id, statusCode: code, error: problem, delivered: ok, nextAttemptAt: next, now: now)
            if ok {
                delivered += 1
            } else {
                failed += 1
                logger.info("webhook delivery \(delivery.id) to \(subscription.url) failed: \(problem ?? "")")
            }
        }
        return (delivered, failed)
    }
}
