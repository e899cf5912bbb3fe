import Foundation

public typealias WebhookSubscriptionID = Identifier<WebhookSubscription>

/// A receiver of events: its URL, the events it wants, and the shared secret that signs each
/// delivery (HMAC-SHA256), so the receiver can tell the delivery came from Earned.
public struct WebhookSubscription: Hashable, Codable, Sendable, Identifiable {
    public var id: WebhookSubscriptionID
    public var url: String
    public var events: [WebhookEvent.Kind]
    public var secret: String
    public var description: String?
    public var isActive: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: WebhookSubscriptionID = WebhookSubscriptionID(), url: String, events: [WebhookEvent.Kind], secret: String,
        description: String?, isActive: Bool = true, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.url = url
        self.events = events
        self.secret = secret
        self.description = description
        self.isActive = isActive
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    public func wants(_ kind: WebhookEvent.Kind) -> Bool { isActive && events.contains(kind) }
}

/// What a person or the API supplies to subscribe.
public struct WebhookSubscriptionDraft: Sendable, Codable, Hashable {
    public var url: String?
    public var events: [String]?
    public var description: String?
    public var isActive: Bool?

    public init(url: String? = nil, events: [String]? = nil, description: String? = nil, isActive: Bool? = nil) {
        self.url = url
        self.events = events
        self.description = description
        self.isActive = isActive
    }

    public static let urlLimit = 500

    /// Checks the URL (http or https with a host) and the event names; `secret` is drawn by
    /// the caller, which has the random source.
    public func validated(
        id: WebhookSubscriptionID, secret: String, now: Date, existing: WebhookSubscription? = nil
    ) throws(DomainError) -> WebhookSubscription {
        var v = Validator()
        let url = v.text("url", url ?? existing?.url, required: true, max: Self.urlLimit)
        if let url {
            let parsed = URLComponents(string: url)
            if parsed?.scheme.map({ ["http", "https"].contains($0.lowercased()) }) != true
                || (parsed?.host ?? "").isEmpty
            {
                v.add("url", .invalidFormat, detail: "an http or https address")
            }
        }
        var kinds: [WebhookEvent.Kind] = existing?.events ?? []
        if let names = events {
            kinds = []
            for name in names {
                if let kind = WebhookEvent.Kind(rawValue: name), WebhookEvent.Kind.subscribable.contains(kind) {
                    if !kinds.contains(kind) { kinds.append(kind) }
                } else {
                    v.add(
                        "events", .invalidChoice,
                        detail: WebhookEvent.Kind.subscribable.map(\.rawValue).joined(separator: ", "))
                }
            }
        }
        if kinds.isEmpty, !v.errors.contains(where: { $0.field == "events" }) { v.add("events", .required) }
        let description = v.text("description", description ?? existing?.description, max: 200)
        try v.check()
        return WebhookSubscription(
            id: id, url: url!, events: kinds, secret: existing?.secret ?? secret, description: description,
            isActive: isActive ?? existing?.isActive ?? true, createdAt: existing?.createdAt ?? now, updatedAt: now)
    }
}
