import Foundation

/// One outgoing e-mail as Earned writes it (RFC 5322 with MIME, RFC 2045–2047): a plain-text and
/// an HTML version of the same message as `multipart/alternative`, both UTF-8 quoted-printable;
/// a subject and names in any script as encoded-words; a `Message-ID` of its own and, for a
/// reply, `In-Reply-To` and `References` so the customer's mail program threads it; and for a
/// message a customer may stop, `List-Unsubscribe` with `List-Unsubscribe-Post` (RFC 8058) so
/// the mail program offers one-click unsubscribe.
///
/// ```swift
/// let message = try MailMessage(
///     from: .init(name: "Кофейня «Зерно»", address: "hello@zerno.example"),
///     to: .init(name: "Анна Смирнова", address: "anna@example.ru"),
///     subject: "Как вам наш кофе?", text: "…", html: "<p>…</p>", date: now,
///     messageID: "3F2C…@zerno.example")
/// let bytes = message.rendered(boundary: "=_earned_…")
/// ```
public struct MailMessage: Sendable, Hashable {
    /// A name and an address.
    public struct Mailbox: Sendable, Hashable {
        public var name: String?
        public var address: String

        public init(name: String? = nil, address: String) {
            self.name = name
            self.address = address
        }

        /// The domain after the `@`, for a Message-ID of this sender.
        public var domain: String { address.split(separator: "@").last.map(String.init) ?? "localhost" }
    }

    public var from: Mailbox
    public var to: Mailbox
    public var replyTo: Mailbox?
    public var subject: String
    public var text: String
    public var html: String?
    public var date: Date
    /// Without the angle brackets: `id-left@id-right`.
    public var messageID: String
    /// The message this one answers (without brackets), and the thread before it, oldest first.
    public var inReplyTo: String?
    public var references: [String]
    /// Where one click stops this kind of message (an `https` address that takes a POST).
    public var unsubscribe: URL?
    /// A message sent by a rule (a greeting, a survey, a follow-up), not written by a person:
    /// `Auto-Submitted: auto-generated` (RFC 3834), so auto-responders do not answer it.
    public var automatic: Bool

    /// Checks what becomes a header: no line break may enter one (a header injection), and
    /// each address must look like one.
    public init(
        from: Mailbox, to: Mailbox, replyTo: Mailbox? = nil, subject: String, text: String, html: String? = nil,
        date: Date, messageID: String, inReplyTo: String? = nil, references: [String] = [], unsubscribe: URL? = nil,
        automatic: Bool = false
    ) throws(MailError) {
        for (field, value) in [
            ("from", from.name ?? ""), ("to", to.name ?? ""), ("reply_to", replyTo?.name ?? ""), ("subject", subject),
            ("message_id", messageID), ("in_reply_to", inReplyTo ?? ""),
            ("references", references.joined(separator: " ")),
        ] where value.contains(where: \.isNewline) {
            throw .lineBreakInHeader(field: field)
        }
        for (field, mailbox) in [("from", from), ("to", to), ("reply_to", replyTo)] {
            guard let mailbox else { continue }
            guard Self.isAddress(mailbox.address) else { throw .invalidAddress(field: field) }
        }
        for (field, id) in [("message_id", messageID), ("in_reply_to", inReplyTo)] {
            guard let id else { continue }
            guard Self.isMessageID(id) else { throw .invalidMessageID(field: field) }
        }
        guard references.allSatisfy(Self.isMessageID) else { throw .invalidMessageID(field: "references") }
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.text = text
        self.html = html
        self.date = date
        self.messageID = messageID
        self.inReplyTo = inReplyTo
        self.references = references
        self.unsubscribe = unsubscribe
        self.automatic = automatic
    }

    /// `local@domain` with printable ASCII, no spaces, brackets or quotes: what an SMTP server
    /// takes in `MAIL FROM` / `RCPT TO` without quoting.
    public static func isAddress(_ address: String) -> Bool {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."),
            !parts[1].hasSuffix("."), address.utf8.count <= 254
        else { return false }
        return address.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && !"<>()[]\\,;:\"".utf8.contains($0) }
    }

    static func isMessageID(_ id: String) -> Bool {
        let parts = id.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && !parts[1].isEmpty
            && id.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }
    }

    /// The message as it goes over SMTP's DATA (before dot-stuffing), lines ending in CRLF.
    /// `boundary` separates the parts; one starting with "=_" cannot occur in quoted-printable
    /// text (`MailEncoding.quotedPrintable`).
    public func rendered(boundary: String) -> String {
        var headers: [(String, String)] = [
            ("Date", MailEncoding.date(date)),
            ("From", MailEncoding.mailbox(name: from.name, address: from.address)),
            ("To", MailEncoding.mailbox(name: to.name, address: to.address)),
        ]
        if let replyTo {
            headers.append(("Reply-To", MailEncoding.mailbox(name: replyTo.name, address: replyTo.address)))
        }
        headers.append(("Subject", MailEncoding.headerText(subject)))
        headers.append(("Message-ID", "<\(messageID)>"))
        if let inReplyTo { headers.append(("In-Reply-To", "<\(inReplyTo)>")) }
        if !references.isEmpty {
            headers.append(("References", references.map { "<\($0)>" }.joined(separator: "\r\n ")))
        }
        if let unsubscribe {
            headers.append(("List-Unsubscribe", "<\(unsubscribe.absoluteString)>"))
            headers.append(("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
        }
        if automatic { headers.append(("Auto-Submitted", "auto-generated")) }
        headers.append(("MIME-Version", "1.0"))
        var out = ""
        func part(_ type: String, _ body: String) -> String {
            "Content-Type: \(type); charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n"
                + MailEncoding.quotedPrintable(body) + "\r\n"
        }
        if let html {
            headers.append(("Content-Type", "multipart/alternative; boundary=\"\(boundary)\""))
            for (name, value) in headers { out += "\(name): \(value)\r\n" }
            out += "\r\nThis is a message in MIME format.\r\n"
            out += "--\(boundary)\r\n" + part("text/plain", text)
            out += "--\(boundary)\r\n" + part("text/html", html)
            out += "--\(boundary)--\r\n"
        } else {
            for (name, value) in headers { out += "\(name): \(value)\r\n" }
            out += part("text/plain", text)
        }
        return out
    }
}

/// What makes a message impossible to write, naming the field.
public enum MailError: Error, Hashable, Sendable {
    case lineBreakInHeader(field: String)
    case invalidAddress(field: String)
    case invalidMessageID(field: String)
}
