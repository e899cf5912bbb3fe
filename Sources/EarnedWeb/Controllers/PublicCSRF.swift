import EarnedServices
import Vapor

/// The CSRF token of a form shown before sign-in: the session's when there is one, else the
/// double-submit cookie's (made here when missing).
enum PublicCSRF {
    static func token(_ req: Request) -> String {
        req.currentUser?.csrfToken ?? req.cookies[CSRFMiddleware.cookieName]?.string ?? Secrets.token()
    }

    static func setCookie(_ token: String, on response: Response, _ req: Request) {
        guard req.currentUser == nil else { return }
        response.cookies[CSRFMiddleware.cookieName] = HTTPCookies.Value(
            string: token, maxAge: 3600, path: "/", isSecure: req.config.secureCookies, isHTTPOnly: true,
            sameSite: .lax)
    }
}
