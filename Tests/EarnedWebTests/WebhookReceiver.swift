import Foundation
import Synchronization
import Vapor

/// A real HTTP server on a loopback port that records what it receives and answers with a
/// chosen status, to test webhook deliveries end to end.
final class WebhookReceiver: Sendable {
    struct Received: Sendable {
        var headers: HTTPHeaders
        var body: String
    }

    private let app: Application
    private let state = Mutex<(status: HTTPStatus, received: [Received])>((.ok, []))
    let port: Int

    var url: String { "http://127.0.0.1:\(port)/hook" }
    var received: [Received] { state.withLock { $0.received } }

    func answer(_ status: HTTPStatus) { state.withLock { $0.status = status } }

    private init(app: Application, port: Int) {
        self.app = app
        self.port = port
    }

    static func start(status: HTTPStatus = .ok) async throws -> WebhookReceiver {
        let app = try await Application.make(.testing)
        app.http.server.configuration.hostname = "127.0.0.1"
        app.http.server.configuration.port = 0
        let box = ReceiverBox()
        app.post("hook") { req -> Response in
            let body = req.body.string ?? ""
            guard let receiver = box.value.withLock({ $0 }) else { return Response(status: .serviceUnavailable) }
            let status = receiver.state.withLock { state -> HTTPStatus in
                state.received.append(Received(headers: req.headers, body: body))
                return state.status
            }
            return Response(status: status)
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        let port = app.http.server.shared.localAddress?.port ?? 0
        let receiver = WebhookReceiver(app: app, port: port)
        receiver.answer(status)
        box.value.withLock { $0 = receiver }
        return receiver
    }

    func stop() async {
        await app.server.shutdown()
        try? await app.asyncShutdown()
    }
}

private final class ReceiverBox: Sendable {
    let value = Mutex<WebhookReceiver?>(nil)
}
