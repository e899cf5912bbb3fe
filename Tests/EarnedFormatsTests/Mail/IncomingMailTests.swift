import Foundation
import Testing

@testable import EarnedFormats

/// Incoming mail as real mail programs write it. The messages are made by Python's standard
/// `email` package (the reference writer: its charsets, transfer encodings and RFC 2231 file
/// names), and one by hand the way an old program writes (bare line feeds, folded headers).
@Suite("Incoming e-mail: MIME, charsets, threading ids and attachments")
struct IncomingMailTests {
    /// What `script` printed, base64-decoded.
    func python(_ script: String) throws -> [UInt8] {
        let data = try runPython(script)
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return Array(try #require(Data(base64Encoded: text)))
    }

    /// A message from Python: text in `charset` with `cte`, an HTML alternative, a PDF named in
    /// Cyrillic, a reply's threading headers.
    func written(charset: String, cte: String) throws -> [UInt8] {
        try python(
            """
            import base64, sys
            from email.message import EmailMessage
            from email import policy, header
            m = EmailMessage()
            m["From"] = "Анна Смирнова <anna@example.ru>"
            m["To"] = "Кофейня «Зерно» <hello@zerno.example>, other@example.ru"
            m["Subject"] = "Re: Как вам наш кофе? Зерно было пересушено"
            m["Message-ID"] = "<answer-1@example.ru>"
            m["In-Reply-To"] = "<0193A1B2-C3D4@zerno.example>"
            m["References"] = "<first@zerno.example> <0193A1B2-C3D4@zerno.example>"
            m["Date"] = "Mon, 30 Nov 2026 03:53:20 +0300"
            m.set_content("Здравствуйте!\\nКофе был горький, а бариста - молодец.\\n", charset="\(charset)", cte="\(cte)")
            m.add_alternative("<p>Кофе был <b>горький</b></p>", subtype="html", charset="\(charset)", cte="\(cte)")
            m.add_attachment(b"%PDF-1.4 receipt", maintype="application", subtype="pdf", filename="Чек №15.pdf")
            sys.stdout.write(base64.b64encode(m.as_bytes(policy=policy.SMTP)).decode())
            """)
    }

    @Test(
        "Python's messages in each charset and encoding read back whole",
        arguments: [
            ("utf-8", "quoted-printable"), ("utf-8", "base64"), ("koi8-r", "quoted-printable"), ("koi8-r", "base64"),
            ("cp1251", "quoted-printable"), ("cp1251", "base64"), ("koi8-r", "8bit"),
        ])
    func readsPython(charset: String, cte: String) throws {
        let mail = IncomingMail(parsing: try written(charset: charset, cte: cte))
        #expect(mail.from == MailMessage.Mailbox(name: "Анна Смирнова", address: "anna@example.ru"))
        #expect(
            mail.to == [
                MailMessage.Mailbox(name: "Кофейня «Зерно»", address: "hello@zerno.example"),
                MailMessage.Mailbox(address: "other@example.ru"),
            ])
        #expect(mail.subject == "Re: Как вам наш кофе? Зерно было пересушено")
        #expect(mail.messageID == "answer-1@example.ru")
        #expect(mail.inReplyTo == "0193A1B2-C3D4@zerno.example")
        #expect(mail.references == ["first@zerno.example", "0193A1B2-C3D4@zerno.example"])
        #expect(mail.date == Date(timeIntervalSince1970: 1_796_000_000))
        #expect(
            mail.text?.replacingOccurrences(of: "\r\n", with: "\n")
                == "Здравствуйте!\nКофе был горький, а бариста - молодец.\n", "\(charset) \(cte)")
        #expect(mail.html?.replacingOccurrences(of: "\r\n", with: "\n") == "<p>Кофе был <b>горький</b></p>\n")
        #expect(mail.attachments.count == 1)
        #expect(mail.attachments.first?.filename == "Чек №15.pdf")
        #expect(mail.attachments.first?.contentType == "application/pdf")
        #expect(mail.attachments.first?.data == Data("%PDF-1.4 receipt".utf8))
    }

    @Test("KOI8-R agrees with Python's codec on every byte")
    func koi8r() throws {
        let bytes = try python(
            "import base64,sys; sys.stdout.write(base64.b64encode(bytes(range(128,256)).decode('koi8_r').encode()).decode())"
        )
        #expect(TextDecoding.decodeKOI8R(UInt8(128)...UInt8(255)) == String(decoding: bytes, as: UTF8.self))
        #expect(TextDecoding.decodeKOI8R([0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]) == "Привет")
    }

    @Test("an old program's mail: bare line feeds, folded headers, Q-words in KOI8-R, a part too large")
    func handWritten() {
        let raw = """
            From: =?koi8-r?Q?=F0=C5=D4=D2=CF=D7_=E9=D7=C1=CE?= <ivan@example.ru>
            To: shop@zerno.example
            Subject: =?koi8-r?B?8NLPwg==?=
             =?windows-1251?B?5e3o5Q==?= =?utf-8?Q?_=D0=B7=D0=B0=D0=BA=D0=B0=D0=B7=D0=B0?=
            Message-ID: <x1@example.ru>
            Content-Type: multipart/mixed; boundary="outer"

            preamble
            --outer
            Content-Type: multipart/alternative; boundary=inner

            --inner
            Content-Type: text/plain; charset=windows-1251
            Content-Transfer-Encoding: base64

            z/Do4uXy
            --inner
            Content-Type: text/html; charset=windows-1251
            Content-Transfer-Encoding: base64

            PGI+z/Do4uXyPC9iPg==
            --inner--
            --outer
            Content-Type: image/jpeg; name="photo.jpg"
            Content-Disposition: attachment; filename*0*=utf-8''%D1%84%D0%BE; filename*1*=%D1%82%D0%BE.jpg
            Content-Transfer-Encoding: base64

            /9j/4AAQSkZJRgABAQEASABIAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQ==
            --outer--
            epilogue
            """
        let mail = IncomingMail(parsing: Array(raw.utf8), attachmentLimit: 16)
        #expect(mail.from == MailMessage.Mailbox(name: "Петров Иван", address: "ivan@example.ru"))
        // Adjacent encoded-words join without the folding space; the third begins with its own.
        #expect(mail.subject == "Пробение заказа")
        #expect(mail.text == "Привет")
        #expect(mail.html == "<b>Привет</b>")
        #expect(mail.attachments.isEmpty)
        #expect(mail.skipped == [IncomingMail.Skipped(filename: "фото.jpg", size: 52)])
    }

    @Test("nothing to read is read as nothing: no headers, no body, a broken boundary")
    func damaged() {
        let empty = IncomingMail(parsing: [])
        #expect(empty.subject == "" && empty.from == nil && empty.text == nil)
        let bodyOnly = IncomingMail(parsing: Array("\r\njust text".utf8))
        #expect(bodyOnly.text == "just text" && bodyOnly.subject == "")
        let unclosed = IncomingMail(
            parsing: Array(
                "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nhi\r\n".utf8))
        #expect(unclosed.text == "hi\r\n")
        #expect(IncomingMail.date("30 Nov 2026 00:53:20 GMT") == Date(timeIntervalSince1970: 1_796_000_000))
        #expect(
            IncomingMail.date("Mon, 30 Nov 2026 00:53:20 +0000 (UTC)") == Date(timeIntervalSince1970: 1_796_000_000))
        #expect(IncomingMail.date("yesterday") == nil)
        // A comma inside an encoded name does not split the list; an escaped quote stays a quote.
        #expect(
            IncomingMail.mailboxes(
                "=?utf-8?B?0KHQvNC40YDQvdC+0LLQsCwg0JDQvdC90LA=?= <a@b.ru>, \"Ivan \\\"Big\\\" P\" <i@b.ru>")
                == [
                    MailMessage.Mailbox(name: "Смирнова, Анна", address: "a@b.ru"),
                    MailMessage.Mailbox(name: "Ivan \"Big\" P", address: "i@b.ru"),
                ])
    }
}
