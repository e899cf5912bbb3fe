import EarnedDomain
import EarnedServices
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import EarnedStore
@testable import EarnedWeb

/// A browser in the account tests: the cookies it holds, sent back with every request.
struct Browser {
    var cookies: [String: String] = [:]

    var header: String { cookies.map { "\($0.key)=\($0.value)" }.sorted().joined(separator: "; ") }

    mutating func keep(_ response: TestingHTTPResponse) {
        for (name, value) in response.headers.setCookie?.all ?? [:] {
            if value.string.isEmpty || value.maxAge == 0 { cookies[name] = nil } else { cookies[name] = value.string }
        }
    }

    /// The token a form on this browser must carry.
    func csrf(_ app: Application) async throws -> String {
        if let session = cookies[SessionMiddleware.cookieName],
            let info = try await SecurityStore(db: app.db).session(tokenHash: Secrets.sha256(session), now: testNow)
        {
            return info.csrfToken
        }
        return cookies[CSRFMiddleware.cookieName] ?? ""
    }

    mutating func get(_ app: Application, _ path: String) async throws -> TestingHTTPResponse {
        let response = try await app.send(.GET, path, cookie: header)
        keep(response)
        return response
    }

    mutating func post(_ app: Application, _ path: String, _ form: [String: String]) async throws
        -> TestingHTTPResponse
    {
        var form = form
        form["_csrf"] = try await csrf(app)
        let response = try await app.send(.POST, path, cookie: header, form: form)
        keep(response)
        return response
    }

    /// The password step: the sign-in page, then the form.
    mutating func signIn(_ app: Application, _ email: String, _ password: String, next: String = "/today")
        async throws -> TestingHTTPResponse
    {
        _ = try await get(app, "/sign-in")
        return try await post(app, "/sign-in", ["email": email, "password": password, "next": next])
    }
}

/// Sets up two-factor sign-in for whoever `browser` is signed in as; returns the secret and the
/// recovery codes.
func enrol(_ app: Application, _ browser: inout Browser, at now: Date = testNow) async throws -> (
    secret: [UInt8], codes: [String]
) {
    let setup = try await browser.get(app, "/account/two-factor")
    #expect(setup.status == .ok)
    let key = try #require(setup.text.firstMatch(of: /id="totp-key">([A-Z2-7 ]+)</)?.1)
    let secret = try #require(Base32.decode(String(key)))
    #expect(setup.text.contains("otpauth://totp/Earned:"))
    let done = try await browser.post(
        app, "/account/two-factor", ["code": OneTimePassword.totp(secret).code(at: now)])
    #expect(done.status == .ok)
    let codes = done.text.matches(of: /<li><code>([a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4})<\/code><\/li>/)
        .map { String($0.1) }
    #expect(codes.count == 10)
    return (secret, codes)
}

/// The app's code one step after now (now's own step is spent by the enrolment).
func nextCode(_ secret: [UInt8], steps: Int = 1) -> String {
    OneTimePassword.totp(secret).code(at: testNow.addingTimeInterval(30 * Double(steps)))
}

/// The kinds of the audit entries, oldest first.
func auditActions(_ app: Application) async throws -> [String] {
    let sql = try app.db.sql
    return try await sql.raw("SELECT action FROM audit_log ORDER BY at, id").all().map {
        try $0.decode(column: "action", as: String.self)
    }
}

/// A clock a test can move.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now: Date

    init(_ now: Date) { self.now = now }

    func read() -> Date {
        lock.lock()
        defer { lock.unlock() }
        return now
    }

    func advance(_ seconds: TimeInterval) {
        lock.lock()
        defer { lock.unlock() }
        now = now.addingTimeInterval(seconds)
    }
}
