import Foundation

/// Something that happened, told to the business's other systems through webhooks. Each event
/// has a unique key, so the same event is never delivered twice to one subscription.
public struct WebhookEvent: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case promiseDueSoon = "promise.due_soon"
        case promiseBroken = "promise.broken"
        case caseOpened = "case.opened"
        case targetBreached = "target.breached"
        case taskCreated = "task.created"
        case greetingDue = "greeting.due"
        /// A message for the customer (a greeting, a follow-up) for the business's SMS,
        /// messenger or e-mail gateway to send.
        case messageRequested = "message.requested"
        /// A survey invitation is due: its one-time link for the gateway to send.
        case surveyRequested = "survey.requested"
        /// A customer answered a survey.
        case surveyAnswered = "survey.answered"
        /// A signed test the owner sends to one subscription, to check the receiver.
        case webhookTest = "webhook.test"

        /// What a subscription may ask for: every kind but the test, which goes to whoever is tested.
        public static var subscribable: [Kind] { allCases.filter { $0 != .webhookTest } }
    }

    public var key: String
    public var kind: Kind
    public var occurredAt: Date
    /// The event's data: flat strings, so every gateway can read it without a schema.
    public var data: [String: String]

    public init(key: String, kind: Kind, occurredAt: Date, data: [String: String]) {
        self.key = key
        self.kind = kind
        self.occurredAt = occurredAt
        self.data = data
    }

    /// The JSON body sent to receivers: the event key as `id`, its `type`, when it occurred,
    /// and its data, with sorted keys so the same event always gives the same bytes.
    public var jsonBody: String {
        struct Body: Encodable {
            var id: String
            var type: String
            var occurredAt: String
            var data: [String: String]

            enum CodingKeys: String, CodingKey {
                case id, type, data
                case occurredAt = "occurred_at"
            }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = Body(id: key, type: kind.rawValue, occurredAt: occurredAt.formatted(.iso8601), data: data)
        return String(decoding: (try? encoder.encode(body)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
