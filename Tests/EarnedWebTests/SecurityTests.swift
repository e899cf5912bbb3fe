import EarnedDomain
import EarnedServices
import Foundation
import SQLKit
import Testing
import Vapor

@testable import EarnedStore
@testable import EarnedWeb

@Suite("Sign-in, sessions and CSRF")
struct SecurityTests {
    @Test("a form post without the right CSRF token is refused and changes nothing")
    func csrfRejected() async throws {
        try await withEarnedApp { app, f in
            let session = try await app.session(for: f.northStaff)
            let missing = try await app.send(.POST, "/customers", cookie: session.cookie, form: ["name": "Анна"])
            #expect(missing.status == .forbidden)
            let wrong = try await app.send(
                .POST, "/customers", cookie: session.cookie, form: ["name": "Анна", "_csrf": "forged"])
            #expect(wrong.status == .forbidden)
            #expect(try await app.count("customers") == 0)
            let right = try await app.send(
                .POST, "/customers", cookie: session.cookie,
                form: ["name": "Анна", "_csrf": session.csrf, "phones": "8 916 123 45 67"])
            #expect(right.status == .seeOther)
            #expect(try await app.count("customers") == 1)
        }
    }

    @Test("signing in sets an HttpOnly, SameSite session cookie; a wrong password does not")
    func signIn() async throws {
        try await withEarnedApp { app, f in
            let form = try await app.send(.GET, "/sign-in")
            #expect(form.status == .ok)
            let csrfCookie = try #require(form.headers.setCookie?[CSRFMiddleware.cookieName]?.string)
            let html = form.text
            #expect(html.contains("name=\"_csrf\" value=\"\(csrfCookie)\""))
            let wrong = try await app.send(
                .POST, "/sign-in", cookie: "\(CSRFMiddleware.cookieName)=\(csrfCookie)",
                form: ["_csrf": csrfCookie, "email": f.northStaff.email, "password": "wrong password"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.headers.setCookie?[SessionMiddleware.cookieName] == nil)
            let good = try await app.send(
                .POST, "/sign-in", cookie: "\(CSRFMiddleware.cookieName)=\(csrfCookie)",
                form: [
                    "_csrf": csrfCookie, "email": f.northStaff.email.uppercased(), "password": Fixture.password,
                    "next": "/orders",
                ])
            #expect(good.status == .seeOther)
            #expect(good.headers.first(name: .location) == "/orders")
            let raw = good.headers[.setCookie].joined(separator: "; ")
            #expect(raw.contains("HttpOnly"))
            #expect(raw.contains("SameSite=Lax"))
            let token = try #require(good.headers.setCookie?[SessionMiddleware.cookieName]?.string)
            // Only the hash is stored.
            let sql = try app.db.sql
            let rows = try await sql.raw("SELECT token_hash FROM sessions").all()
            #expect(try rows.map { try $0.decode(column: "token_hash", as: String.self) } == [Secrets.sha256(token)])
            let page = try await app.send(.GET, "/orders", cookie: "\(SessionMiddleware.cookieName)=\(token)")
            #expect(page.status == .ok)
        }
    }

    @Test("sign-in never redirects to another site")
    func safeRedirect() {
        #expect(SiteURL.safeNext("//evil.example/x") == "/")
        #expect(SiteURL.safeNext("https://evil.example") == "/")
        #expect(SiteURL.safeNext("/customers?q=1") == "/customers?q=1")
    }

    @Test("after five failures the sixth attempt is throttled, even with the right password")
    func throttled() async throws {
        try await withEarnedApp { app, f in
            let cookie = "\(CSRFMiddleware.cookieName)=abc"
            for _ in 0..<5 {
                let r = try await app.send(
                    .POST, "/sign-in", cookie: cookie,
                    form: ["_csrf": "abc", "email": f.owner.email, "password": "nope"])
                #expect(r.status == .unauthorized)
            }
            let r = try await app.send(
                .POST, "/sign-in", cookie: cookie,
                form: ["_csrf": "abc", "email": f.owner.email, "password": Fixture.password])
            #expect(r.status == .tooManyRequests)
            #expect(r.headers.setCookie?[SessionMiddleware.cookieName] == nil)
            // Someone else behind the same address is not locked out by another's guessing.
            let other = try await app.send(
                .POST, "/sign-in", cookie: cookie,
                form: ["_csrf": "abc", "email": f.northStaff.email, "password": Fixture.password])
            #expect(other.status == .seeOther)
        }
    }

    @Test("passwords are bcrypt hashes; API tokens are stored as SHA-256 only")
    func secretsHashed() async throws {
        try await withEarnedApp { app, f in
            let sql = try app.db.sql
            for row in try await sql.raw("SELECT password_hash FROM staff").all() {
                let hash = try row.decode(column: "password_hash", as: String.self)
                #expect(hash.hasPrefix("$2b$") || hash.hasPrefix("$2a$") || hash.hasPrefix("$2y$"))
                #expect(!hash.contains(Fixture.password))
            }
            let hashes = try await sql.raw("SELECT token_hash FROM api_tokens").all().map {
                try $0.decode(column: "token_hash", as: String.self)
            }
            #expect(hashes.contains(Secrets.sha256(f.token(f.owner))))
            #expect(!hashes.contains(f.token(f.owner)))
        }
    }

    @Test("user text is escaped on pages")
    func escaping() async throws {
        try await withEarnedApp { app, f in
            let evil = #"<script>alert("x")</script>" onmouseover="x"#
            let customer = try await CustomerRepository(db: app.db).create(
                CustomerDraft(name: evil, homeLocationID: f.north.id, tags: [evil.prefix(40).description]),
                actor: f.owner, now: testNow)
            let session = try await app.session(for: f.owner)
            for path in [
                "/customers/\(customer.id)", "/customers", "/customers/\(customer.id)/edit",
                "/customers?q=%3Cscript%3E",
            ] {
                let page = try await app.send(.GET, path, cookie: session.cookie)
                #expect(page.status == .ok)
                #expect(!page.text.contains("<script>"), "\(path)")
                #expect(!page.text.contains(#"" onmouseover="x"#), "\(path)")
            }
        }
    }

    @Test("pages carry a content security policy and refuse framing")
    func headers() async throws {
        try await withEarnedApp { app, _ in
            let page = try await app.send(.GET, "/sign-in")
            #expect(page.headers.first(name: "Content-Security-Policy")?.contains("default-src 'self'") == true)
            #expect(page.headers.first(name: "X-Frame-Options") == "DENY")
        }
    }
}
