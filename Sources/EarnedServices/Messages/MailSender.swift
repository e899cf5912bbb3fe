import EarnedDomain
import EarnedFormats
import EarnedStore
import FluentKit
import Foundation
import Logging

/// Sends what is due from the outbox: a Telegram message through the business's bot
/// (`MailSender+Telegram`), and e-mail through the shop's own server: each message
/// in the customer's language as text and HTML, from the location's account (else the
/// business's), under a Message-ID of its own. Accepted messages are sent (their task done);
/// a 5xx is refused with the server's reason, never tried again; anything else is tried again
/// with the webhooks' backoff and given up after its last try. A survey link that could not go
/// out becomes a task to send it by hand, as it does with no gateway.
package struct MailSender: Sendable {
    package let db: any Database
    package let transport: any MailTransport
    package let secrets: SecretBox?
    package let logger: Logger
    /// The business's bot with its token opened; without one, Telegram messages wait.
    package var telegram: TelegramBot?
    /// The start of the links customers open (the unsubscribe link).
    package let linkBase: String
    package var backoff = WebhookBackoff()
    /// How long one pass may spend talking to mail servers: well inside the claim's lease (ten
    /// minutes), so no other instance takes a message this one is still sending. What is left is
    /// released for the next pass (at least one message is tried each pass).
    package var passBudget: Duration = .seconds(240)
    /// How long an unsubscribe link works.
    package static let unsubscribeLifetime: TimeInterval = 365 * 86_400

    package init(
        db: any Database, transport: any MailTransport, secrets: SecretBox?, logger: Logger,
        linkBase: String = "http://localhost:8080", telegram: TelegramBot? = nil
    ) {
        self.telegram = telegram
        self.db = db
        self.transport = transport
        self.secrets = secrets
        self.logger = logger
        self.linkBase = linkBase
    }

    /// Whether a message may be stopped by the customer: what Earned sends by a rule to a
    /// customer, not a person's reply.
    package static func offersUnsubscribe(_ message: OutboundMessage) -> Bool {
        message.customerID != nil && [.greeting, .survey, .followUp, .outreach].contains(message.kind)
    }

    package static func unsubscribeURL(base: String, token: String) -> URL? {
        URL(string: base + "/u/" + token)
    }

    package struct Report: Sendable, Hashable {
        package var sent = 0
        package var refused = 0
        package var deferred = 0
    }

    /// Claims what is due and sends it, one conversation a message.
    package func sendDue(now: Date, limit: Int = 50) async throws -> Report {
        var report = Report()
        let outbox = OutboxStore(db: db)
        let due = try await outbox.claimDue(limit: limit, now: now)
        guard !due.isEmpty else { return report }
        let settings = try await SettingsStore(db: db).mail()
        let clock = ContinuousClock()
        let started = clock.now
        for (index, message) in due.enumerated() {
            if index > 0, clock.now - started > passBudget {
                try await outbox.release(due[index...].map(\.id))
                break
            }
            var unsubscribe: URL?
            if message.channel == .email, Self.offersUnsubscribe(message) {
                // A fresh token each try: only its hash is kept.
                let token = Secrets.token()
                try await outbox.setUnsubscribe(
                    message.id, hash: Secrets.sha256(token), expires: now + Self.unsubscribeLifetime)
                unsubscribe = Self.unsubscribeURL(base: linkBase, token: token)
            }
            let outcome =
                message.channel == .messenger
                ? await attemptTelegram(message, now: now)
                : await attempt(message, settings: settings, now: now, unsubscribe: unsubscribe)
            let recorded = try await outbox.record(message.id, outcome, now: now)
            if message.channel == .messenger, case .refused(let reason) = outcome {
                try await telegramRefused(message, reason: reason, now: now)
            }
            switch outcome {
            case .sent: report.sent += 1
            case .refused(let reason):
                report.refused += 1
                logger.info("e-mail \(message.id) refused: \(reason)")
            case .deferred(let reason, _):
                report.deferred += 1
                logger.info("e-mail \(message.id) not sent yet: \(reason)")
            }
            if let recorded, recorded.status == .refused || recorded.status == .failed {
                try await byHand(recorded, now: now)
            }
        }
        return report
    }

    /// One try of one message.
    package func attempt(_ message: OutboundMessage, settings: MailSettings, now: Date, unsubscribe: URL? = nil)
        async -> OutboxStore.Outcome
    {
        let retry = { (reason: String) in self.retry(message, reason: reason, now: now) }
        guard let server = settings.outgoing(for: message.locationID) else {
            return retry("e-mail is not set up for this location")
        }
        guard
            let endpoint = MailEndpoint.outgoing(
                server, scope: settings.outgoingScope(for: message.locationID), secrets: secrets)
        else {
            return retry("the mail password cannot be opened with this key; enter it again in the settings")
        }
        let messageID = message.messageID ?? "\(message.id.uuidString.lowercased())@\(server.domain)"
        let mail: MailMessage
        var text = message.text
        if let unsubscribe {
            text +=
                "\n\n"
                + (message.language == "en"
                    ? "To stop these e-mails: \(unsubscribe.absoluteString)"
                    : "Чтобы не получать такие письма: \(unsubscribe.absoluteString)")
        }
        do {
            mail = try MailMessage(
                from: .init(name: server.fromName, address: server.fromAddress),
                to: .init(name: message.name, address: message.address), subject: message.subject, text: text,
                html: MessageHTML.page(text, language: message.language), date: now, messageID: messageID,
                inReplyTo: message.inReplyTo, references: message.references, unsubscribe: unsubscribe,
                automatic: message.kind != .reply && message.kind != .test)
        } catch {
            return .refused("the message cannot be written: \(error)")
        }
        let bytes = mail.rendered(boundary: "=_earned_" + message.id.uuidString.lowercased())
        do {
            let reply = try await transport.send(
                bytes, from: server.fromAddress, to: message.address, via: endpoint)
            return .sent(reply: reply, messageID: messageID)
        } catch {
            return error.isPermanent ? .refused(error.description) : retry(error.description)
        }
    }

    /// A try to come after the backoff's wait (or `after` seconds, when the server said).
    func retry(_ message: OutboundMessage, reason: String, now: Date, after: Int? = nil) -> OutboxStore.Outcome {
        let backedOff = backoff.nextAttempt(
            afterFailures: message.attempts + 1, at: now, jitter: Double.random(in: 0...1))
        // Nil: the last try was made.
        guard let backedOff else { return .deferred(reason, next: nil) }
        return .deferred(
            reason, next: after.map { max(backedOff, now.addingTimeInterval(TimeInterval($0))) } ?? backedOff)
    }

    /// What a message that will not go out by e-mail leaves for a person: a survey link, the
    /// task to send it by hand (a greeting or follow-up keeps its own open task).
    private func byHand(_ message: OutboundMessage, now: Date) async throws {
        guard message.kind == .survey, let invitation = message.subjectID, let customer = message.customerID else {
            return
        }
        var report = Tick.Report()
        try await Tick.create(
            [
                ServiceTask(
                    key: SurveyRepository.sendTaskKey(SurveyInvitationID(invitation)), kind: .surveySend,
                    assigneeID: message.staffID, locationID: message.locationID, customerID: customer,
                    subject: .init(kind: .survey, id: invitation), dueAt: now, channel: message.channel,
                    text: message.subject,
                    createdAt: now, updatedAt: now)
            ], now: now, on: db, report: &report)
    }
}

/// A message's HTML version: its text, escaped, in paragraphs, each web address a link.
package enum MessageHTML {
    package static func page(_ text: String, language: String) -> String {
        let paragraphs = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            .map { "<p>" + linked(escape($0)).replacingOccurrences(of: "\n", with: "<br>") + "</p>" }
        return "<!DOCTYPE html><html lang=\"\(language == "en" ? "en" : "ru")\"><head><meta charset=\"utf-8\"></head>"
            + "<body style=\"font-family:sans-serif;font-size:16px;line-height:1.5\">" + paragraphs.joined()
            + "</body></html>"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// Web addresses (already escaped text) as links.
    static func linked(_ escaped: String) -> String {
        var out = ""
        var rest = Substring(escaped)
        while let start = rest.range(of: "https://") ?? rest.range(of: "http://") {
            out += rest[..<start.lowerBound]
            let tail = rest[start.lowerBound...]
            let end = tail.firstIndex { $0.isWhitespace || $0 == "<" } ?? tail.endIndex
            var url = tail[..<end]
            while let last = url.last, ".,;:!?)".contains(last) { url = url.dropLast() }
            out += "<a href=\"\(url)\">\(url)</a>"
            rest = tail[url.endIndex...]
        }
        return out + rest
    }
}
