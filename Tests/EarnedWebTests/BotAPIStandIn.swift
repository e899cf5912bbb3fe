import Foundation
import Synchronization
import Vapor

/// A loopback stand-in of the parts of Telegram's Bot API Earned uses (`getMe`, `getUpdates`,
/// `setWebhook`, `deleteWebhook`, `sendMessage`), answering as Telegram does: `{"ok": …}` with a
/// result, or an error code and description. It holds the updates customers "send", forgets
/// those below the offset asked for, refuses `getUpdates` while a webhook is set (409), answers
/// 401 to another token, and 403 to a message for a chat that blocked the bot.
final class BotAPIStandIn: Sendable {
    struct Sent: Sendable, Equatable {
        var chatID: Int64
        var text: String
        var messageID: Int64
    }

    struct State: Sendable {
        var updates: [(id: Int64, json: [String: any Sendable])] = []
        var nextUpdate: Int64 = 1000
        var nextMessage: Int64 = 500
        var sent: [Sent] = []
        var webhook: (url: String, secret: String)?
        var blocked: Set<Int64> = []
        var calls: [String] = []
    }

    static let token = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"
    static let botID: Int64 = 123_456_789

    private let app: Application
    private let state = Mutex(State())
    let port: Int

    var base: String { "http://127.0.0.1:\(port)" }
    var sent: [Sent] { state.withLock { $0.sent } }
    var webhook: (url: String, secret: String)? { state.withLock { $0.webhook } }
    var calls: [String] { state.withLock { $0.calls } }

    private init(app: Application, port: Int) {
        self.app = app
        self.port = port
    }

    /// A customer writes `text` in their private chat `chat`; the update's number.
    @discardableResult
    func write(_ text: String, chat: Int64, firstName: String = "Анна", username: String? = "anna_s", date: Int64)
        -> Int64
    {
        state.withLock { s in
            s.nextUpdate += 1
            s.nextMessage += 1
            var from: [String: any Sendable] = ["id": chat, "is_bot": false, "first_name": firstName]
            if let username { from["username"] = username }
            let message: [String: any Sendable] = [
                "message_id": s.nextMessage, "from": from,
                "chat": ["id": chat, "type": "private"] as [String: any Sendable],
                "date": date, "text": text,
            ]
            s.updates.append((s.nextUpdate, ["update_id": s.nextUpdate, "message": message]))
            return s.nextUpdate
        }
    }

    /// The customer blocks the bot: an update says so, and messages to them are refused.
    func block(chat: Int64, date: Int64) {
        state.withLock { s in
            s.nextUpdate += 1
            s.blocked.insert(chat)
            let change: [String: any Sendable] = [
                "chat": ["id": chat, "type": "private"] as [String: any Sendable], "date": date,
                "new_chat_member": ["status": "kicked"] as [String: any Sendable],
            ]
            s.updates.append((s.nextUpdate, ["update_id": s.nextUpdate, "my_chat_member": change]))
        }
    }

    /// The JSON of an update not yet asked for, as Telegram would post it to a webhook.
    func takeUpdate() -> Data? {
        state.withLock { s in
            guard !s.updates.isEmpty else { return nil }
            let update = s.updates.removeFirst()
            return try? JSONSerialization.data(withJSONObject: update.json)
        }
    }

    static func start() async throws -> BotAPIStandIn {
        let app = try await Application.make(.testing)
        let box = StandInBox()
        app.post("bot\(token)", ":method") { req -> Response in
            guard let standIn = box.value.withLock({ $0 }) else { return Response(status: .serviceUnavailable) }
            let body = req.body.data.map { Data(buffer: $0) } ?? Data()
            let parameters = (try? JSONSerialization.jsonObject(with: body) as? [String: Any]) ?? [:]
            return standIn.answer(req.parameters.get("method") ?? "", parameters)
        }
        app.post(":other", ":method") { _ -> Response in
            BotAPIStandIn.json(["ok": false, "error_code": 401, "description": "Unauthorized"], status: .unauthorized)
        }
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        let standIn = BotAPIStandIn(app: app, port: app.http.server.shared.localAddress?.port ?? 0)
        box.value.withLock { $0 = standIn }
        return standIn
    }

    private func answer(_ method: String, _ p: [String: Any]) -> Response {
        state.withLock { $0.calls.append(method) }
        switch method {
        case "getMe":
            return Self.json([
                "ok": true,
                "result": ["id": Self.botID, "is_bot": true, "first_name": "Кофейня Зерно", "username": "zerno_bot"],
            ])
        case "getUpdates":
            let offset = (p["offset"] as? NSNumber)?.int64Value ?? 0
            let limit = (p["limit"] as? NSNumber)?.intValue ?? 100
            let result: [[String: any Sendable]]? = state.withLock { s in
                guard s.webhook == nil else { return nil }
                // Asking from an offset confirms (and forgets) every update below it.
                s.updates.removeAll { $0.id < offset }
                return s.updates.prefix(limit).map(\.json)
            }
            guard let result else {
                return Self.json(
                    [
                        "ok": false, "error_code": 409,
                        "description":
                            "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
                    ], status: .conflict)
            }
            return Self.json(["ok": true, "result": result])
        case "setWebhook":
            guard let url = p["url"] as? String, url.hasPrefix("https://") else {
                return Self.json(
                    [
                        "ok": false, "error_code": 400,
                        "description": "Bad Request: bad webhook: HTTPS url must be provided",
                    ],
                    status: .badRequest)
            }
            state.withLock { $0.webhook = (url, p["secret_token"] as? String ?? "") }
            return Self.json(["ok": true, "result": true, "description": "Webhook was set"])
        case "deleteWebhook":
            state.withLock { $0.webhook = nil }
            return Self.json(["ok": true, "result": true])
        case "sendMessage":
            guard let chat = (p["chat_id"] as? NSNumber)?.int64Value, let text = p["text"] as? String, !text.isEmpty
            else {
                return Self.json(
                    ["ok": false, "error_code": 400, "description": "Bad Request: message text is empty"],
                    status: .badRequest)
            }
            let sent: Int64? = state.withLock { s in
                guard !s.blocked.contains(chat) else { return nil }
                s.nextMessage += 1
                s.sent.append(Sent(chatID: chat, text: text, messageID: s.nextMessage))
                return s.nextMessage
            }
            guard let sent else {
                return Self.json(
                    ["ok": false, "error_code": 403, "description": "Forbidden: bot was blocked by the user"],
                    status: .forbidden)
            }
            return Self.json([
                "ok": true,
                "result": [
                    "message_id": sent, "date": 0, "text": text,
                    "chat": ["id": chat, "type": "private"] as [String: any Sendable],
                ] as [String: any Sendable],
            ])
        default:
            return Self.json(["ok": false, "error_code": 404, "description": "Not Found"], status: .notFound)
        }
    }

    static func json(_ object: [String: Any], status: HTTPStatus = .ok) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object)) ?? Data()
        return Response(status: status, headers: ["Content-Type": "application/json"], body: .init(data: data))
    }

    func stop() async {
        await app.server.shutdown()
        try? await app.asyncShutdown()
    }
}

private final class StandInBox: Sendable {
    let value = Mutex<BotAPIStandIn?>(nil)
}
