import EarnedDomain
import EarnedStore
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

@Suite("Audit log page: filters, paging, CSV")
struct AuditPageTests {
    /// 120 changes by the owner over the last two hours, and sign-ins of the manager two and
    /// ten days ago.
    func seed(_ app: Application, _ f: Fixture) async throws {
        let log = AuditLog(db: app.db)
        for i in 0..<120 {
            try await log.record(
                .updated, "customer", UUID(), by: f.owner, summary: "change-\(i)",
                at: testNow.addingTimeInterval(-60 * Double(i)))
        }
        for days in [2.0, 10.0] {
            try await log.record(
                .signedIn, "staff", f.manager.id.rawValue, by: f.manager, summary: "signed in with password",
                at: testNow.addingTimeInterval(-days * 86_400))
        }
    }

    func summaries(_ text: String) -> [String] {
        text.matches(of: /change-(\d+)/).map { "change-" + $0.1 }
    }

    @Test("the log pages through every entry, 50 at a time, without repeats")
    func paging() async throws {
        try await withEarnedApp { app, f in
            try await seed(app, f)
            let session = try await app.session(for: f.owner)
            var seen: [String] = []
            var path: String? = "/audit?kind=updated"
            var pages = 0
            while let next = path {
                let page = try await app.send(.GET, next, cookie: session.cookie)
                #expect(page.status == .ok)
                let found = summaries(page.text)
                #expect(found.count <= 50)
                seen += found
                pages += 1
                path = page.text.firstMatch(of: /cursor=([A-Za-z0-9_-]+)/).map { "/audit?kind=updated&cursor=\($0.1)" }
            }
            #expect(pages == 3)
            #expect(seen.count == 120)
            #expect(Set(seen).count == 120)
            #expect(seen.first == "change-0")
            #expect(seen.last == "change-119")
        }
    }

    @Test("filters by person, kind and dates; a bad date is said, not a 500")
    func filters() async throws {
        try await withEarnedApp { app, f in
            try await seed(app, f)
            let session = try await app.session(for: f.owner)
            let manager = try await app.send(.GET, "/audit?person=\(f.manager.id)", cookie: session.cookie)
            #expect(manager.status == .ok)
            #expect(summaries(manager.text).isEmpty)
            // Two sign-ins and the account's creation (about the manager, by nobody).
            #expect(manager.text.components(separatedBy: "вход по паролю").count - 1 == 2)
            #expect(manager.text.contains("учётная запись создана (управляющий)"))

            let kind = try await app.send(.GET, "/audit?kind=signed_in", cookie: session.cookie)
            #expect(kind.text.components(separatedBy: "вход по паролю").count - 1 == 2)
            #expect(!kind.text.contains("учётная запись создана"))

            // 2026-11-16 in Moscow holds the sign-in of two days ago; the one of ten days does not.
            let dates = try await app.send(
                .GET, "/audit?kind=signed_in&from=2026-11-10&to=2026-11-16", cookie: session.cookie)
            #expect(dates.text.components(separatedBy: "вход по паролю").count - 1 == 1)
            let empty = try await app.send(.GET, "/audit?from=2030-01-01", cookie: session.cookie)
            #expect(empty.text.contains(Strings(lang: .ru).auditNoMatches))

            let bad = try await app.send(.GET, "/audit?from=16.11.2026", cookie: session.cookie)
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("ГГГГ-ММ-ДД"))
            let badCursor = try await app.send(.GET, "/audit?cursor=notacursor", cookie: session.cookie)
            #expect(badCursor.status == .unprocessableEntity)

            let staff = try await app.session(for: f.manager)
            #expect(try await app.send(.GET, "/audit", cookie: staff.cookie).status == .forbidden)
        }
    }

    @Test("the CSV holds every filtered row, semicolon-separated, with a byte-order mark")
    func csv() async throws {
        try await withEarnedApp { app, f in
            try await seed(app, f)
            let session = try await app.session(for: f.owner)
            let page = try await app.send(.GET, "/audit?kind=updated", cookie: session.cookie)
            #expect(page.text.contains("export=csv"))
            let file = try await app.send(.GET, "/audit?kind=updated&export=csv", cookie: session.cookie)
            #expect(file.status == .ok)
            #expect(file.headers.contentType?.subType == "csv")
            let lines = file.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
            #expect(lines.count == 121)
            #expect(lines[0] == "\u{FEFF}Когда;Кто;Действие;Что;id")
            #expect(lines[1].hasPrefix("2026-11-18 14:06:40;"))  // Moscow time
            #expect(lines[1].split(separator: ";").count == 5)
            #expect(lines[1].contains(";Ольга Владелец;изменено;клиент · change-0;"))
            let accounts = try await app.send(.GET, "/audit?kind=created&export=csv", cookie: session.cookie)
            // An account's entries name the person.
            #expect(
                accounts.text.contains(";система;создано;Мария Управляющая · учётная запись создана (управляющий);"))
            let signIns = try await app.send(
                .GET, "/audit?person=\(f.manager.id)&kind=signed_in&export=csv", cookie: session.cookie)
            #expect(signIns.text.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 3)
        }
    }
}
