import EarnedServices
import Vapor

/// Webhooks and calls to Telegram's Bot API posted with the application's HTTP client.
struct VaporWebhookTransport: WebhookTransport, JSONTransport {
    let client: any Client

    func post(_ url: String, headers: [(String, String)], body: String, timeoutSeconds: Int64) async throws -> Int {
        let response = try await client.post(URI(string: url), headers: HTTPHeaders(headers)) { request in
            request.body = ByteBuffer(string: body)
            request.timeout = .seconds(timeoutSeconds)
        }
        return Int(response.status.code)
    }

    func post(_ url: String, json: Data, timeoutSeconds: Int64) async throws -> (status: Int, body: Data) {
        let response = try await client.post(URI(string: url), headers: ["Content-Type": "application/json"]) {
            request in
            request.body = ByteBuffer(data: json)
            request.timeout = .seconds(timeoutSeconds)
        }
        return (Int(response.status.code), response.body.map { Data(buffer: $0) } ?? Data())
    }
}
