import EarnedDomain
import EarnedServices
import EarnedStore
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

@Suite("Webhooks kept up: edited, deleted, tested with a signed delivery, resent")
struct WebhookManageTests {
    func hook(_ app: Application, _ f: Fixture) async throws -> WebhookSubscription {
        try await WebhookStore(db: app.db).create(
            WebhookSubscriptionDraft(url: "https://sms-gateway.example/in", events: ["greeting.due"]), secret: "k",
            actor: f.owner, now: testNow)
    }

    @Test("the page edits events and address, keeps the secret, names a bad address, and deletes")
    func editAndDelete() async throws {
        try await withEarnedApp { app, f in
            let made = try await hook(app, f)
            let owner = try await app.session(for: f.owner)
            let form = try await app.send(.GET, "/settings/webhooks/\(made.id)", cookie: owner.cookie)
            #expect(form.status == .ok && form.text.contains("sms-gateway.example"))
            let bad = try await app.send(
                .POST, "/settings/webhooks/\(made.id)", cookie: owner.cookie,
                form: ["_csrf": owner.csrf, "url": "ftp://nowhere", "event_greeting.due": "true"])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("url-error"))
            let good = try await app.send(
                .POST, "/settings/webhooks/\(made.id)", cookie: owner.cookie,
                form: [
                    "_csrf": owner.csrf, "url": "https://gateway.example/v2", "event_greeting.due": "true",
                    "event_message.requested": "true",
                ])
            #expect(good.status == .seeOther)
            let changed = try #require(try await WebhookStore(db: app.db).subscriptions().first)
            #expect(changed.url == "https://gateway.example/v2" && changed.events == [.greetingDue, .messageRequested])
            #expect(changed.secret == made.secret)
            // Staff may not touch it.
            let staff = try await app.session(for: f.northStaff)
            let refused = try await app.send(
                .POST, "/settings/webhooks/\(made.id)/delete", cookie: staff.cookie, form: ["_csrf": staff.csrf])
            #expect(refused.status == .forbidden)
            let deleted = try await app.send(
                .POST, "/settings/webhooks/\(made.id)/delete", cookie: owner.cookie, form: ["_csrf": owner.csrf])
            #expect(deleted.status == .seeOther)
            #expect(try await WebhookStore(db: app.db).subscriptions().isEmpty)
        }
    }

    @Test("a test is a signed delivery for that subscription only; a failed delivery is sent again")
    func testAndResend() async throws {
        try await withEarnedApp { app, f in
            let made = try await hook(app, f)
            let other = try await WebhookStore(db: app.db).create(
                WebhookSubscriptionDraft(url: "https://crm.example/in", events: ["task.created"]), secret: "j",
                actor: f.owner, now: testNow)
            let owner = try await app.session(for: f.owner)
            let tested = try await app.send(
                .POST, "/settings/webhooks/\(made.id)/test", cookie: owner.cookie, form: ["_csrf": owner.csrf])
            #expect(tested.status == .seeOther)
            let queued = try await WebhookStore(db: app.db).deliveries()
            #expect(queued.count == 1 && queued[0].subscriptionID == made.id && queued[0].eventKind == .webhookTest)
            #expect(try await WebhookStore(db: app.db).deliveries(subscription: other.id).isEmpty)
            // The test kind is not something to subscribe to.
            let subscribe = try await app.send(
                .PATCH, "/api/v1/webhooks/\(made.id)", token: f.token(f.owner), json: #"{"events": ["webhook.test"]}"#)
            #expect(subscribe.status == .unprocessableEntity && subscribe.problemFields == ["events"])

            try await WebhookStore(db: app.db).record(
                queued[0].id, statusCode: 500, error: "HTTP 500", delivered: false, nextAttemptAt: nil, now: testNow)
            #expect(try await WebhookStore(db: app.db).deliveries()[0].status == .failed)
            let page = try await app.send(.GET, "/settings/webhooks", cookie: owner.cookie)
            #expect(page.text.contains("/settings/webhooks/deliveries/\(queued[0].id.uuidString.lowercased())/resend"))
            let resent = try await app.send(
                .POST, "/api/v1/webhook-deliveries/\(queued[0].id)/resend", token: f.token(f.owner))
            #expect(resent.status == .ok)
            let again = try await WebhookStore(db: app.db).deliveries()[0]
            #expect(again.status == .pending && again.attempts == 0)
            let apiTest = try await app.send(.POST, "/api/v1/webhooks/\(other.id)/test", token: f.token(f.owner))
            #expect(apiTest.status == .accepted)
            let gone = try await app.send(.DELETE, "/api/v1/webhooks/\(other.id)", token: f.token(f.owner))
            #expect(gone.status == .noContent)
            #expect(try await WebhookStore(db: app.db).deliveries(subscription: other.id).isEmpty)
            let notOwner = try await app.send(.POST, "/api/v1/webhooks/\(made.id)/test", token: f.token(f.manager))
            #expect(notOwner.status == .forbidden)
            // The document says a delivery may carry the test (schemathesis found it did not).
            let document = try await app.send(.GET, "/api/openapi.json")
            let schemas = try #require(
                (try document.json()["components"] as? [String: Any])?["schemas"] as? [String: Any])
            let delivery = try #require((schemas["Delivery"] as? [String: Any])?["properties"] as? [String: Any])
            let kinds = try #require((delivery["event_kind"] as? [String: Any])?["enum"] as? [Any])
            #expect(kinds.contains { $0 as? String == "webhook.test" })
        }
    }
}
