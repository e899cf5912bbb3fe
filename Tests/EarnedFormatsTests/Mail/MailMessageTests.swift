import Foundation
import Testing

@testable import EarnedFormats

@Suite("Outgoing e-mail: headers, encoded-words, quoted-printable, read back by Python's email parser")
struct MailMessageTests {
    let now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-30 00:53:20 UTC

    func message(
        subject: String = "Как вам наш кофе, Анна? Оцените визит в «Зерно» — это займёт минуту",
        text: String = "Здравствуйте, Анна!\nСпасибо, что зашли к нам.\n\nОцените визит: https://zerno.example/s/abc",
        html: String? = "<p>Здравствуйте, Анна!</p><p><a href=\"https://zerno.example/s/abc\">Оценить</a></p>"
    ) throws -> MailMessage {
        try MailMessage(
            from: .init(name: "Кофейня «Зерно»", address: "hello@zerno.example"),
            to: .init(name: "Анна Смирнова", address: "anna@example.ru"), subject: subject, text: text, html: html,
            date: now, messageID: "0193A1B2-C3D4@zerno.example", inReplyTo: "first@example.ru",
            references: ["first@example.ru"], unsubscribe: URL(string: "https://zerno.example/u/tok"), automatic: true)
    }

    @Test("a Cyrillic subject is encoded-words of whole letters, each line within 78 characters")
    func encodedWords() throws {
        let subject = "Как вам наш кофе, Анна? Оцените визит в «Зерно» — это займёт минуту"
        let words = MailEncoding.encodedWords(subject)
        #expect(words.count > 1)
        let decoded = words.map { word -> String in
            #expect(word.hasPrefix("=?UTF-8?B?") && word.hasSuffix("?=") && word.count <= 75)
            let base64 = word.dropFirst(10).dropLast(2)
            return String(decoding: Data(base64Encoded: String(base64)) ?? Data(), as: UTF8.self)
        }
        // Each word decodes alone to whole characters, so joined they are the subject.
        #expect(decoded.joined() == subject)
        #expect(decoded.allSatisfy { !$0.contains("\u{FFFD}") })
        let header = "Subject: " + MailEncoding.headerText(subject)
        #expect(header.components(separatedBy: "\r\n").allSatisfy { $0.count <= 78 })
        // Plain ASCII stays as it is; text that looks like an encoded-word does not.
        #expect(MailEncoding.headerText("Your visit") == "Your visit")
        #expect(MailEncoding.headerText("=?UTF-8?B?x?=").hasPrefix("=?UTF-8?B?"))
    }

    @Test("quoted-printable: '=', non-ASCII and a space at a line's end encoded, lines within 76, CRLF breaks")
    func quotedPrintable() {
        let encoded = MailEncoding.quotedPrintable("a=b \nПривет\n" + String(repeating: "x", count: 200) + " ")
        let lines = encoded.components(separatedBy: "\r\n")
        #expect(lines[0] == "a=3Db=20")
        #expect(lines[1] == "=D0=9F=D1=80=D0=B8=D0=B2=D0=B5=D1=82")
        #expect(lines.allSatisfy { $0.count <= 76 })
        #expect(lines.last?.hasSuffix("=20") == true)
        #expect(!encoded.contains("=_"))
        #expect(!encoded.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    }

    @Test("names: plain, quoted when they hold specials, encoded-words when not ASCII")
    func mailboxes() {
        #expect(MailEncoding.mailbox(name: nil, address: "a@b.ru") == "a@b.ru")
        #expect(MailEncoding.mailbox(name: "Anna Smith", address: "a@b.ru") == "Anna Smith <a@b.ru>")
        #expect(MailEncoding.mailbox(name: "Smith, \"Anna\"", address: "a@b.ru") == "\"Smith, \\\"Anna\\\"\" <a@b.ru>")
        #expect(MailEncoding.mailbox(name: "Анна", address: "a@b.ru") == "=?UTF-8?B?0JDQvdC90LA=?=\r\n <a@b.ru>")
    }

    @Test("the date in RFC 5322's form, in UTC")
    func date() {
        #expect(MailEncoding.date(now) == "Mon, 30 Nov 2026 00:53:20 +0000")
        #expect(MailEncoding.date(Date(timeIntervalSince1970: 0)) == "Thu, 01 Jan 1970 00:00:00 +0000")
    }

    @Test("a line break in a header, a bad address or message id is refused by field")
    func refusals() {
        #expect(throws: MailError.lineBreakInHeader(field: "subject")) {
            try message(subject: "Привет\r\nBcc: all@example.ru")
        }
        #expect(throws: MailError.invalidAddress(field: "to")) {
            try MailMessage(
                from: .init(address: "hello@zerno.example"), to: .init(address: "anna at example.ru"), subject: "x",
                text: "x", date: now, messageID: "1@zerno.example")
        }
        #expect(throws: MailError.invalidMessageID(field: "message_id")) {
            try MailMessage(
                from: .init(address: "hello@zerno.example"), to: .init(address: "anna@example.ru"), subject: "x",
                text: "x", date: now, messageID: "<1@zerno.example>")
        }
        #expect(MailMessage.isAddress("anna.smirnova+shop@mail.example.ru"))
        #expect(!MailMessage.isAddress("anna@localhost") && !MailMessage.isAddress("@example.ru"))
    }

    /// Python's standard `email` package (policy `default`, RFC 5322/6532) reads the message as a
    /// mail program would: the reference the headers and parts are checked against.
    @Test("Python's email parser reads back every header and both parts as written")
    func pythonReadsIt() throws {
        let message = try message()
        let raw = message.rendered(boundary: "=_earned_5f3a9c")
        let long = raw.components(separatedBy: "\r\n").filter { $0.utf8.count > 78 }
        #expect(long.isEmpty, "lines over 78 characters: \(long)")
        #expect(raw.utf8.allSatisfy { $0 < 0x80 }, "7-bit clean")
        let read = try pythonRead(raw)
        #expect(read["subject"] as? String == message.subject)
        #expect(read["from_name"] as? String == "Кофейня «Зерно»" && read["from"] as? String == "hello@zerno.example")
        #expect(read["to_name"] as? String == "Анна Смирнова" && read["to"] as? String == "anna@example.ru")
        #expect(read["id"] as? String == "<0193A1B2-C3D4@zerno.example>")
        #expect(read["reply"] as? String == "<first@example.ru>" && read["refs"] as? String == "<first@example.ru>")
        #expect(read["unsub"] as? String == "<https://zerno.example/u/tok>")
        #expect(read["post"] as? String == "List-Unsubscribe=One-Click")
        #expect(read["auto"] as? String == "auto-generated")
        #expect(read["date"] as? String == "2026-11-30T00:53:20+00:00")
        #expect(read["type"] as? String == "multipart/alternative" && read["defects"] as? Int == 0)
        let parts = try #require(read["parts"] as? [[String]])
        #expect(parts.map { $0[0] } == ["text/plain", "text/html"])
        // The line break before a boundary belongs to the boundary: each part is its text exactly,
        // its lines ending in CRLF on the wire.
        #expect(parts[0][1].replacingOccurrences(of: "\r\n", with: "\n") == message.text)
        #expect(parts[1][1].replacingOccurrences(of: "\r\n", with: "\n") == message.html)
    }

    @Test("a message without HTML is one text/plain part, read back the same")
    func textOnly() throws {
        let message = try message(html: nil)
        let read = try pythonRead(message.rendered(boundary: "=_unused"))
        #expect(read["type"] as? String == "text/plain" && read["defects"] as? Int == 0)
        #expect(read["subject"] as? String == message.subject)
        let body = try #require(read["body"] as? String)
        // A body's last line ends in a line break, as every line of a message does.
        #expect(body.replacingOccurrences(of: "\r\n", with: "\n") == message.text + "\n")
    }

    /// The message as Python's `email` package reads it, as JSON.
    func pythonRead(_ raw: String) throws -> [String: Any] {
        let script = """
            import email, email.policy, json, sys
            m = email.message_from_bytes(sys.stdin.buffer.read(), policy=email.policy.default)
            multi = m.is_multipart()
            print(json.dumps({
                "subject": str(m["Subject"]), "from_name": m["From"].addresses[0].display_name,
                "from": m["From"].addresses[0].addr_spec, "to_name": m["To"].addresses[0].display_name,
                "to": m["To"].addresses[0].addr_spec, "id": m["Message-ID"], "reply": m["In-Reply-To"],
                "refs": m["References"], "unsub": m["List-Unsubscribe"], "post": m["List-Unsubscribe-Post"],
                "auto": m["Auto-Submitted"], "date": m["Date"].datetime.isoformat(),
                "type": m.get_content_type(), "defects": len(m.defects),
                "parts": [[p.get_content_type(), p.get_content()] for p in m.iter_parts()] if multi else [],
                "body": None if multi else m.get_content(),
            }))
            """
        let data = try runPython(script, input: Data(raw.utf8))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }
}
