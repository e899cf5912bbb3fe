import EarnedDomain
import EarnedServices
import Vapor

/// Signing in: e-mail and password, and the language switch.
struct SignInPage {
    var email: String?
    var message: String?
    var next: String?
    var csrf: String
}
