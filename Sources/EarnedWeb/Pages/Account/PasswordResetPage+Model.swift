import EarnedDomain
import Foundation

/// A password reset link opened: the new-password form, the word that it is done, or that the
/// link no longer works (used, expired or never made).
struct PasswordResetPage {
    enum State {
        case form(token: String, staff: Staff, errors: [FieldError], csrf: String)
        case done
        case invalid
        /// "Forgot your password?": the address to send a link to.
        case request(csrf: String, email: String?, errors: [FieldError], mailSetUp: Bool)
        /// The same answer whether or not the address belongs to anyone.
        case requested
    }

    var s: Strings
    var state: State
}
