import EarnedDomain
import EarnedFormats
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import EarnedWeb

/// The import page as a browser uses it: upload, follow to the preview, decide.
extension Application {
    /// Uploads `bytes` on the import page and follows the redirect to the preview.
    func uploadForImport(
        _ bytes: [UInt8], kind: ImportKind, session: (cookie: String, csrf: String), language: String = "en",
        filename: String = "export.csv"
    ) async throws -> (path: String, page: TestingHTTPResponse) {
        let boundary = "XBOUNDARY"
        var body: [UInt8] = []
        for (name, value) in [("_csrf", session.csrf), ("kind", kind.rawValue)] {
            body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
        }
        body += Array(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\nContent-Type: text/csv\r\n\r\n"
                .utf8)
        body += bytes
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        let posted = try await send(
            .POST, "/import",
            headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)", "Accept-Language": language],
            cookie: session.cookie, rawBytes: body)
        #expect(posted.status == .seeOther)
        let path = try #require(posted.headers.first(name: .location))
        let page = try await send(.GET, path, headers: ["Accept-Language": language], cookie: session.cookie)
        return (path, page)
    }

    /// Posts the preview's form: `action` "check" or "import", with the person's choices.
    func decideImport(
        _ path: String, action: String, choices: [String: String] = [:], session: (cookie: String, csrf: String),
        language: String = "en"
    ) async throws -> TestingHTTPResponse {
        var form = choices
        form["_csrf"] = session.csrf
        form["action"] = action
        return try await send(.POST, path, headers: ["Accept-Language": language], cookie: session.cookie, form: form)
    }
}
