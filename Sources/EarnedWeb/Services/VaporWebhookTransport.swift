import EarnedServices
import Vapor

/// Webhooks posted with the application's HTTP client.
struct VaporWebhookTransport: WebhookTransport {
    let client: any Client

    func post(_ url: String, headers: [(String, String)], body: String, timeoutSeconds: Int64) async throws -> Int {
        let response = try await client.post(URI(string: url), headers: HTTPHeaders(headers)) { request in
            request.body = ByteBuffer(string: body)
            request.timeout = .seconds(timeoutSeconds)
        }
        return Int(response.status.code)
    }
}
