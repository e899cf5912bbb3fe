import EarnedDomain
import EarnedServices
import Foundation
import SQLKit
import Testing
import Vapor

@testable import EarnedStore
@testable import EarnedWeb

@Suite("Accounts: passwords, reset links, two-factor sign-in")
struct AccountTests {
    @Test("changing one's password needs the current one, follows the rules, and ends the other sessions")
    func changePassword() async throws {
        try await withEarnedApp { app, f in
            var here = Browser()
            #expect(try await here.signIn(app, f.northStaff.email, Fixture.password).status == .seeOther)
            var elsewhere = Browser()
            _ = try await elsewhere.signIn(app, f.northStaff.email, Fixture.password)
            let page = try await here.get(app, "/account")
            #expect(page.status == .ok)
            #expect(page.text.contains("name=\"_csrf\""))

            let wrong = try await here.post(
                app, "/account/password",
                [
                    "current_password": "not it at all", "new_password": "a new long phrase",
                    "new_password_repeat": "a new long phrase",
                ])
            #expect(wrong.status == .unprocessableEntity)
            #expect(wrong.text.contains(Strings(lang: .ru).wrongCurrentPassword))
            let short = try await here.post(
                app, "/account/password",
                ["current_password": Fixture.password, "new_password": "short", "new_password_repeat": "short"])
            #expect(short.status == .unprocessableEntity)
            #expect(short.text.contains("Не короче 10 символов"))
            let cyrillic = String(repeating: "я", count: 40)  // 80 bytes: more than bcrypt reads
            let long = try await here.post(
                app, "/account/password",
                ["current_password": Fixture.password, "new_password": cyrillic, "new_password_repeat": cyrillic])
            #expect(long.status == .unprocessableEntity)
            #expect(long.text.contains(Strings(lang: .ru).passwordTooLong))
            let differ = try await here.post(
                app, "/account/password",
                [
                    "current_password": Fixture.password, "new_password": "a new long phrase",
                    "new_password_repeat": "a new long phrasE",
                ])
            #expect(differ.status == .unprocessableEntity)
            #expect(differ.text.contains(Strings(lang: .ru).passwordsDiffer))
            #expect(try await elsewhere.get(app, "/today").status == .ok)

            let done = try await here.post(
                app, "/account/password",
                [
                    "current_password": Fixture.password, "new_password": "a new long phrase",
                    "new_password_repeat": "a new long phrase",
                ])
            #expect(done.status == .seeOther)
            #expect(done.headers.first(name: .location) == "/account?done=password")
            #expect(try await here.get(app, "/today").status == .ok)
            let ended = try await elsewhere.get(app, "/today")
            #expect(ended.status == .seeOther)
            #expect(ended.headers.first(name: .location)?.hasPrefix("/sign-in") == true)
            var again = Browser()
            #expect(try await again.signIn(app, f.northStaff.email, Fixture.password).status == .unauthorized)
            #expect(try await again.signIn(app, f.northStaff.email, "a new long phrase").status == .seeOther)
            #expect(try await auditActions(app).contains("password_changed"))
        }
    }

    @Test("an owner's reset link is 256-bit, stored hashed, works once, and expires")
    func resetLink() async throws {
        try await withEarnedApp { app, f in
            var owner = Browser()
            _ = try await owner.signIn(app, f.owner.email, Fixture.password)
            var person = Browser()
            _ = try await person.signIn(app, f.southStaff.email, Fixture.password)
            let made = try await owner.post(app, "/staff/\(f.southStaff.id)/reset-link", [:])
            #expect(made.status == .ok)
            let token = String(try #require(made.text.firstMatch(of: /\/reset\/([A-Za-z0-9_-]+)/)?.1))
            #expect(token.count == 43)  // 32 random bytes in base64url
            let sql = try app.db.sql
            let stored = try await sql.raw("SELECT token_hash FROM password_resets").all().map {
                try $0.decode(column: "token_hash", as: String.self)
            }
            #expect(stored == [Secrets.sha256(token)])

            // A manager may not make one.
            var manager = Browser()
            _ = try await manager.signIn(app, f.manager.email, Fixture.password)
            #expect(try await manager.post(app, "/staff/\(f.northStaff.id)/reset-link", [:]).status == .forbidden)

            var stranger = Browser()
            let form = try await stranger.get(app, "/reset/\(token)")
            #expect(form.status == .ok)
            #expect(form.text.contains(f.southStaff.name))
            #expect(
                try await stranger.post(
                    app, "/reset/\(token)", ["new_password": "tiny", "new_password_repeat": "tiny"]
                ).status == .unprocessableEntity)
            let set = try await stranger.post(
                app, "/reset/\(token)",
                ["new_password": "reset long phrase", "new_password_repeat": "reset long phrase"])
            #expect(set.status == .ok)
            #expect(set.text.contains(Strings(lang: .ru).resetDone))
            // Every session of the person ends; the new password signs in; the link is spent.
            #expect(try await person.get(app, "/today").status == .seeOther)
            var fresh = Browser()
            #expect(try await fresh.signIn(app, f.southStaff.email, "reset long phrase").status == .seeOther)
            #expect(try await stranger.get(app, "/reset/\(token)").status == .notFound)
            #expect(
                try await stranger.post(
                    app, "/reset/\(token)",
                    ["new_password": "another phrase!", "new_password_repeat": "another phrase!"]
                ).status
                    == .notFound)
            #expect(try await stranger.get(app, "/reset/not-a-token").status == .notFound)

            // A link older than its lifetime does not work.
            let old = Secrets.token()
            _ = try await AccountStore(db: app.db).createReset(
                for: f.northStaff.id, tokenHash: Secrets.sha256(old), actor: f.owner,
                now: testNow.addingTimeInterval(-25 * 3600), lifetime: PasswordReset.lifetime)
            #expect(try await stranger.get(app, "/reset/\(old)").status == .notFound)
            let actions = try await auditActions(app)
            #expect(actions.contains("password_reset_link_created"))
            #expect(actions.contains("password_reset"))
        }
    }

    @Test("enrolment needs a right code; then sign-in takes the password and then a code")
    func enrolAndSignIn() async throws {
        try await withEarnedApp { app, f in
            var browser = Browser()
            _ = try await browser.signIn(app, f.northStaff.email, Fixture.password)
            let setup = try await browser.get(app, "/account/two-factor")
            let key = String(try #require(setup.text.firstMatch(of: /id="totp-key">([A-Z2-7 ]+)</)?.1))
            let mistyped = try await browser.post(app, "/account/two-factor", ["code": "000000"])
            #expect(mistyped.status == .unprocessableEntity)
            #expect(mistyped.text.contains(#"aria-describedby="code-error""#))
            #expect(mistyped.text.contains(Strings(lang: .ru).wrongCode))
            // Reloading keeps the same key (the app may already hold it).
            #expect(try await browser.get(app, "/account/two-factor").text.contains(key))
            let (secret, _) = try await enrol(app, &browser)
            #expect(Base32.encode(secret, padding: false) == key.replacingOccurrences(of: " ", with: ""))
            // The secret is stored sealed, not in the clear.
            let sql = try app.db.sql
            let sealed = try await sql.raw("SELECT sealed_secret FROM two_factor_secrets").first()!
                .decode(column: "sealed_secret", as: String.self)
            #expect(sealed.hasPrefix("v1:"))
            #expect(!sealed.contains(Base32.encode(secret, padding: false)))
            #expect(!sealed.contains(Data(secret).base64EncodedString()))

            var other = Browser()
            let password = try await other.signIn(app, f.northStaff.email, Fixture.password, next: "/customers")
            #expect(password.status == .seeOther)
            #expect(password.headers.first(name: .location) == "/sign-in/code?next=/customers")
            #expect(other.cookies[SessionMiddleware.cookieName] == nil)
            #expect(other.cookies[SecondFactorController.cookieName] != nil)
            // Half signed in: no page and no API.
            let today = try await other.get(app, "/today")
            #expect(today.status == .seeOther)
            #expect(today.headers.first(name: .location)?.hasPrefix("/sign-in") == true)
            #expect(try await app.send(.GET, "/api/v1/customers", cookie: other.header).status == .unauthorized)

            let codePage = try await other.get(app, "/sign-in/code?next=/customers")
            #expect(codePage.status == .ok)
            let wrong = try await other.post(app, "/sign-in/code", ["code": "123456", "next": "/customers"])
            #expect(wrong.status == .unauthorized)
            #expect(wrong.text.contains(#"<p class="field-error" id="code-error">"# + Strings(lang: .ru).wrongCode))
            #expect(other.cookies[SessionMiddleware.cookieName] == nil)
            // The enrolment's code is spent: the same step does not sign in again.
            let replay = try await other.post(
                app, "/sign-in/code", ["code": OneTimePassword.totp(secret).code(at: testNow), "next": "/customers"])
            #expect(replay.status == .unauthorized)
            let right = try await other.post(app, "/sign-in/code", ["code": nextCode(secret), "next": "/customers"])
            #expect(right.status == .seeOther)
            #expect(right.headers.first(name: .location) == "/customers")
            #expect(other.cookies[SessionMiddleware.cookieName] != nil)
            #expect(other.cookies[SecondFactorController.cookieName] == nil)
            #expect(try await other.get(app, "/customers").status == .ok)
            let actions = try await auditActions(app)
            #expect(actions.contains("two_factor_enabled"))
            #expect(actions.contains("sign_in_failed"))
            #expect(actions.filter { $0 == "signed_in" }.count == 2)
        }
    }

    @Test("a recovery code signs in once; wrong codes five times send the person back to the password")
    func recoveryCodes() async throws {
        try await withEarnedApp { app, f in
            var browser = Browser()
            _ = try await browser.signIn(app, f.manager.email, Fixture.password)
            let (_, codes) = try await enrol(app, &browser)

            var phoneless = Browser()
            _ = try await phoneless.signIn(app, f.manager.email, Fixture.password)
            let used = try await phoneless.post(
                app, "/sign-in/code", ["code": codes[3].uppercased(), "next": "/today"])
            #expect(used.status == .seeOther)
            #expect(try await phoneless.get(app, "/today").status == .ok)
            let account = try await phoneless.get(app, "/account")
            #expect(account.text.contains("Осталось 9 кодов восстановления."))

            var again = Browser()
            _ = try await again.signIn(app, f.manager.email, Fixture.password)
            #expect(
                try await again.post(app, "/sign-in/code", ["code": codes[3], "next": "/"]).status == .unauthorized)
            for _ in 0..<3 {
                #expect(
                    try await again.post(app, "/sign-in/code", ["code": "999999", "next": "/"]).status == .unauthorized)
            }
            let fifth = try await again.post(app, "/sign-in/code", ["code": "999999", "next": "/"])
            #expect(fifth.text.contains(Strings(lang: .ru).codeStepTooMany))
            #expect(again.cookies[SecondFactorController.cookieName] == nil)
            // The challenge is gone: even a right recovery code now needs the password first.
            let late = try await app.send(
                .POST, "/sign-in/code", cookie: again.header,
                form: ["code": codes[4], "_csrf": try await again.csrf(app)])
            #expect(late.headers.setCookie?[SessionMiddleware.cookieName] == nil)
            #expect(try await auditActions(app).contains("recovery_code_used"))
        }
    }

    @Test("turning two-factor off needs the password and a code; the owner can reset someone's")
    func disable() async throws {
        try await withEarnedApp { app, f in
            var browser = Browser()
            _ = try await browser.signIn(app, f.northStaff.email, Fixture.password)
            let (secret, _) = try await enrol(app, &browser)
            let noPassword = try await browser.post(
                app, "/account/two-factor/disable", ["password": "wrong password", "code": nextCode(secret)])
            #expect(noPassword.status == .unprocessableEntity)
            let noCode = try await browser.post(
                app, "/account/two-factor/disable", ["password": Fixture.password, "code": "000000"])
            #expect(noCode.status == .unprocessableEntity)
            let off = try await browser.post(
                app, "/account/two-factor/disable", ["password": Fixture.password, "code": nextCode(secret)])
            #expect(off.status == .seeOther)
            #expect(try await app.count("two_factor_secrets") == 0)

            _ = try await enrol(app, &browser)
            var owner = Browser()
            _ = try await owner.signIn(app, f.owner.email, Fixture.password)
            let staffPage = try await owner.get(app, "/staff/\(f.northStaff.id)")
            #expect(staffPage.text.contains(Strings(lang: .ru).resetTwoFactorButton))
            #expect(try await owner.post(app, "/staff/\(f.northStaff.id)/two-factor/reset", [:]).status == .seeOther)
            #expect(try await app.count("two_factor_secrets") == 0)
            #expect(try await app.count("recovery_codes") == 0)
            #expect(try await auditActions(app).filter { $0 == "two_factor_disabled" }.count == 2)
        }
    }

    @Test("a required second factor cannot be skipped through any page or the API")
    func requiredCannotBeSkipped() async throws {
        try await withEarnedApp { app, f in
            let clock = TestClock(testNow)
            app.earned.clock = { clock.read() }
            var owner = Browser()
            _ = try await owner.signIn(app, f.owner.email, Fixture.password)
            // The owner must have it before requiring it.
            let refused = try await owner.post(app, "/settings/security", ["require_two_factor": "true"])
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.text.contains(Strings(lang: .ru).requireOwnFirst))
            _ = try await enrol(app, &owner)
            #expect(try await owner.post(app, "/settings/security", ["require_two_factor": "true"]).status == .seeOther)
            #expect(try await SettingsStore(db: app.db).security().requireTwoFactor)
            clock.advance(60)

            var person = Browser()
            let password = try await person.signIn(app, f.northStaff.email, Fixture.password)
            #expect(password.status == .seeOther)
            #expect(person.cookies[SessionMiddleware.cookieName] != nil)
            for path in [
                "/", "/today", "/customers", "/customers/new", "/orders", "/promises", "/cases", "/contacts",
                "/incidents", "/scorecard", "/surveys/invitations", "/settings/service", "/settings/outreach",
                "/settings/webhooks", "/settings/security", "/staff", "/tokens", "/audit", "/account", "/import",
                "/locations", "/forecast", "/loyalty", "/customers/\(UUID())",
            ] {
                let page = try await person.get(app, path)
                let location = page.headers.first(name: .location)
                #expect(
                    page.status == .seeOther && location == "/account/two-factor",
                    "\(path) answered \(page.status.code) \(location ?? "")")
            }
            let post = try await person.post(app, "/customers", ["name": "Анна", "phones": "8 916 123 45 67"])
            #expect(post.status == .seeOther)
            #expect(post.headers.first(name: .location) == "/account/two-factor")
            let token = try await person.post(app, "/tokens", ["name": "sneaky"])
            #expect(token.headers.first(name: .location) == "/account/two-factor")
            #expect(try await app.count("customers") == 0)
            #expect(try await app.count("api_tokens") == 4)
            // The API: the session cookie is no credential; the person's token is refused.
            let withCookie = try await app.send(.GET, "/api/v1/customers", cookie: person.header)
            #expect(withCookie.status == .unauthorized)
            let withToken = try await app.send(.GET, "/api/v1/customers", token: f.token(f.northStaff))
            #expect(withToken.status == .forbidden)
            #expect(withToken.isProblem)
            #expect(try await app.send(.GET, "/api/v1/customers", token: f.token(f.southStaff)).status == .forbidden)

            // Enrolling opens the pages; a token made afterwards works, the one made before
            // (perhaps by someone who had only the password) does not.
            let (secret, _) = try await enrol(app, &person, at: clock.read())
            #expect(try await person.get(app, "/customers").status == .ok)
            clock.advance(60)
            let made = try await person.post(app, "/tokens", ["name": "after enrolment"])
            let fresh = String(try #require(made.text.firstMatch(of: /(ern_[A-Za-z0-9_-]+)/)?.1))
            #expect(try await app.send(.GET, "/api/v1/customers", token: fresh).status == .ok)
            #expect(try await app.send(.GET, "/api/v1/customers", token: f.token(f.northStaff)).status == .forbidden)

            // While required, nobody can turn their own factor off.
            let off = try await person.post(
                app, "/account/two-factor/disable",
                ["password": Fixture.password, "code": OneTimePassword.totp(secret).code(at: clock.read())])
            #expect(off.status == .conflict)
            #expect(try await app.count("two_factor_secrets") == 2)
        }
    }

    @Test("sign-ins, failures and sign-outs go into the audit log; throttled sign-in says when to retry")
    func signInAudit() async throws {
        try await withEarnedApp { app, f in
            var browser = Browser()
            _ = try await browser.signIn(app, f.northStaff.email, "wrong password")
            _ = try await browser.signIn(app, "nobody@test.earned", "wrong password")
            _ = try await browser.signIn(app, f.northStaff.email, Fixture.password)
            _ = try await browser.post(app, "/sign-out", [:])
            // (The fixture's accounts were "created" before.)
            #expect(
                try await auditActions(app).filter { $0 != "created" } == [
                    "sign_in_failed", "sign_in_failed", "signed_in", "signed_out",
                ])
            let sql = try app.db.sql
            let summaries = try await sql.raw("SELECT summary FROM audit_log").all().map {
                try $0.decode(column: "summary", as: String.self)
            }
            #expect(!summaries.contains { $0.contains("@") })

            var guesser = Browser()
            for _ in 0..<5 { _ = try await guesser.signIn(app, f.manager.email, "guess guess guess") }
            let throttled = try await guesser.signIn(app, f.manager.email, Fixture.password)
            #expect(throttled.status == .tooManyRequests)
            #expect(throttled.headers.first(name: "Retry-After") == "900")
        }
    }

    @Test("without a key (PostgreSQL and no EARNED_SECRET_KEY) two-factor is said to be unavailable, not a 500")
    func noKey() async throws {
        try await withEarnedApp { app, f in
            app.secretBox = nil
            var owner = Browser()
            _ = try await owner.signIn(app, f.owner.email, Fixture.password)
            let unavailable = Strings(lang: .ru).twoFactorUnavailable
            let account = try await owner.get(app, "/account")
            #expect(account.status == .ok)
            #expect(account.text.contains(unavailable))
            let setup = try await owner.get(app, "/account/two-factor")
            #expect(setup.status == .serviceUnavailable)
            #expect(setup.text.contains(unavailable))
            let require = try await owner.post(app, "/settings/security", ["require_two_factor": "true"])
            #expect(require.status == .unprocessableEntity)
            #expect(require.text.contains(unavailable))
            #expect(try await app.count("two_factor_secrets") == 0)
        }
    }

    @Test("the sealing key comes from EARNED_SECRET_KEY or a key file made once; a secret opens only for its person")
    func secretBox() throws {
        let manager = FileManager.default
        let directory = manager.temporaryDirectory.appendingPathComponent("earned-\(UUID().uuidString)")
        try manager.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: directory) }
        let path = directory.appendingPathComponent("earned.sqlite").path
        let first = try #require(try SecretBox.resolve(Config(database: .sqlite(path: path))))
        let permissions = try manager.attributesOfItem(atPath: path + ".key")[.posixPermissions] as? Int
        #expect(permissions == 0o600)
        let again = try #require(try SecretBox.resolve(Config(database: .sqlite(path: path))))
        let anna = UUID()
        let sealed = try first.seal([1, 2, 3], for: anna)
        #expect(again.open(sealed, for: anna) == [1, 2, 3])
        #expect(again.open(sealed, for: UUID()) == nil)
        var withVariable = Config(database: .sqlite(path: path))
        withVariable.secretKey = String(repeating: "k", count: 32)
        let fromVariable = try #require(try SecretBox.resolve(withVariable))
        #expect(fromVariable.open(sealed, for: anna) == nil)
        #expect(fromVariable.open(try fromVariable.seal([9], for: anna), for: anna) == [9])
        #expect(try SecretBox.resolve(Config(database: .postgres(url: "postgres://localhost/x"))) == nil)
        try Data("not a key".utf8).write(to: URL(fileURLWithPath: path + ".key"))
        #expect(throws: SecretBox.KeyFileProblem.self) { try SecretBox(keyFile: path + ".key") }
    }

    @Test(
        "RFC 6238 Appendix B: the SHA-1 test vectors (8 digits)",
        arguments: [
            (59.0, "94287082"), (1_111_111_109, "07081804"), (1_111_111_111, "14050471"), (1_234_567_890, "89005924"),
            (2_000_000_000, "69279037"), (20_000_000_000, "65353130"),
        ])
    func rfc6238(_ time: Double, _ code: String) {
        let totp = OneTimePassword.totp(Array("12345678901234567890".utf8), digits: 8)
        #expect(totp.code(at: Date(timeIntervalSince1970: time)) == code)
    }
}
