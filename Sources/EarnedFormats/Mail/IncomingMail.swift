import Foundation

/// An e-mail as it arrives from a mailbox, read into what an inbound contact needs: who wrote,
/// the subject, the ids that thread it (Message-ID, In-Reply-To, References), the text (and
/// HTML) of the message, and its attachments.
///
/// Reads MIME as real mail comes (RFC 2045–2047, 2231 names): headers folded over lines and
/// written as encoded-words in UTF-8, KOI8-R or Windows-1251 ("B" or "Q"); bodies in
/// quoted-printable, base64 or 8 bits in any of those charsets; `multipart/mixed`,
/// `/alternative` and `/related` nested in each other. A part past `attachmentLimit` bytes is
/// left out and listed in `skipped`, so one photo cannot fill the disk.
public struct IncomingMail: Sendable, Hashable {
    public struct Attachment: Sendable, Hashable {
        public var filename: String?
        /// `type/subtype`, lower-case.
        public var contentType: String
        public var data: Data
    }

    public struct Skipped: Sendable, Hashable {
        public var filename: String?
        public var size: Int
    }

    public var from: MailMessage.Mailbox?
    public var to: [MailMessage.Mailbox]
    public var subject: String
    /// Without angle brackets.
    public var messageID: String?
    public var inReplyTo: String?
    public var references: [String]
    public var date: Date?
    /// Sent by a program, not a person: `Auto-Submitted` other than "no" (RFC 3834), a bulk or
    /// list `Precedence`, or a bounce from the mail system.
    public var automatic: Bool
    /// The first text/plain part that is not an attachment, line breaks as "\n".
    public var text: String?
    public var html: String?
    public var attachments: [Attachment]
    public var skipped: [Skipped]

    /// Ten megabytes, the size most mail providers cap an attachment at.
    public static let defaultAttachmentLimit = 10 * 1024 * 1024

    public init(parsing bytes: [UInt8], attachmentLimit: Int = defaultAttachmentLimit) {
        let entity = MIMEEntity(bytes)
        func header(_ name: String) -> String? { entity.header(name) }
        from = header("From").flatMap { Self.mailboxes($0).first }
        to = header("To").map(Self.mailboxes) ?? []
        subject = header("Subject").map { MIMEHeaderText.decode($0) } ?? ""
        messageID = header("Message-ID").flatMap { Self.ids($0).first }
        inReplyTo = header("In-Reply-To").flatMap { Self.ids($0).first }
        references = header("References").map(Self.ids) ?? []
        date = header("Date").flatMap(Self.date)
        let submitted = header("Auto-Submitted")?.trimmingCharacters(in: .whitespaces).lowercased()
        let precedence = header("Precedence")?.trimmingCharacters(in: .whitespaces).lowercased()
        let sender = from?.address.lowercased() ?? ""
        automatic =
            (submitted.map { !$0.hasPrefix("no") } ?? false) || ["bulk", "list", "junk"].contains(precedence ?? "")
            || sender.hasPrefix("mailer-daemon@") || sender.hasPrefix("postmaster@") || sender.isEmpty
        text = nil
        html = nil
        attachments = []
        skipped = []
        collect(entity, limit: attachmentLimit, depth: 0)
    }

    private mutating func collect(_ entity: MIMEEntity, limit: Int, depth: Int) {
        let type = entity.contentType
        if type.value.hasPrefix("multipart/"), depth < 20, let boundary = type.parameters["boundary"] {
            for part in entity.parts(boundary: boundary) { collect(part, limit: limit, depth: depth + 1) }
            return
        }
        let disposition = entity.header("Content-Disposition").map(MIMEHeaderValue.init)
        let filename =
            (disposition?.parameters["filename"] ?? type.parameters["name"]).map { MIMEHeaderText.decode($0) }
        let isAttachment = disposition?.value == "attachment" || filename != nil
        let body = entity.decodedBody()
        if !isAttachment, type.value == "text/plain" || type.value.isEmpty, text == nil {
            if !body.isEmpty { text = MIMEHeaderText.text(body, charset: type.parameters["charset"]) }
            return
        }
        if !isAttachment, type.value == "text/html", html == nil {
            html = MIMEHeaderText.text(body, charset: type.parameters["charset"])
            return
        }
        guard body.count <= limit else {
            skipped.append(Skipped(filename: filename, size: body.count))
            return
        }
        attachments.append(
            Attachment(
                filename: filename, contentType: type.value.isEmpty ? "application/octet-stream" : type.value,
                data: Data(body)))
    }

    /// The mailboxes of an address header: `Name <addr>`, `"Name" <addr>`, `addr`, separated by
    /// commas outside quotes and angle brackets.
    static func mailboxes(_ header: String) -> [MailMessage.Mailbox] {
        let raw = MIMEHeaderText.decode(header, quoting: true)
        var items: [String] = []
        var current = ""
        var quoted = false
        var angle = false
        var escaped = false
        for character in raw {
            if escaped {
                escaped = false
                current.append(character)
                continue
            }
            switch character {
            case "\\" where quoted: escaped = true
            case "\"": quoted.toggle()
            case "<": angle = true
            case ">": angle = false
            case "," where !quoted && !angle:
                items.append(current)
                current = ""
                continue
            default: break
            }
            current.append(character)
        }
        items.append(current)
        return items.compactMap { item in
            let item = item.trimmingCharacters(in: .whitespaces)
            guard !item.isEmpty else { return nil }
            if let open = item.lastIndex(of: "<"), let close = item.lastIndex(of: ">"), open < close {
                let address = String(item[item.index(after: open)..<close]).trimmingCharacters(in: .whitespaces)
                var name = String(item[..<open]).trimmingCharacters(in: .whitespaces)
                if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 {
                    name = String(name.dropFirst().dropLast()).replacingOccurrences(of: "\\\"", with: "\"")
                        .replacingOccurrences(of: "\\\\", with: "\\")
                }
                return MailMessage.Mailbox(name: name.isEmpty ? nil : name, address: address)
            }
            return MailMessage.Mailbox(address: item)
        }
    }

    /// The `<id>` tokens of a header, without their brackets.
    static func ids(_ raw: String) -> [String] {
        var found: [String] = []
        var rest = raw[...]
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let id = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if !id.isEmpty { found.append(id) }
            rest = rest[rest.index(after: close)...]
        }
        if found.isEmpty {
            let bare = raw.trimmingCharacters(in: .whitespaces)
            if !bare.isEmpty, !bare.contains(" ") { found.append(bare) }
        }
        return found
    }

    /// RFC 5322 §3.3 dates, with or without the day of the week, with a zone as an offset or
    /// (obsolete) a name such as `GMT`; a comment after it is ignored.
    static func date(_ raw: String) -> Date? {
        var text = raw.trimmingCharacters(in: .whitespaces)
        if let comment = text.firstIndex(of: "(") { text = text[..<comment].trimmingCharacters(in: .whitespaces) }
        if let comma = text.firstIndex(of: ",") {
            text = text[text.index(after: comma)...].trimmingCharacters(in: .whitespaces)
        }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        for format in ["d MMM yyyy HH:mm:ss Z", "d MMM yyyy HH:mm Z", "d MMM yyyy HH:mm:ss zzz", "d MMM yy HH:mm:ss Z"]
        {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }
}
