import Foundation

/// How a webhook leaves Earned: one HTTP POST, answering the status code, or throwing when no
/// answer came (refused, timed out, unresolved). The web layer passes its HTTP client.
public protocol WebhookTransport: Sendable {
    func post(_ url: String, headers: [(String, String)], body: String, timeoutSeconds: Int64) async throws -> Int
}
