import EarnedDomain
import Foundation

/// A password reset link opened: the new-password form, the word that it is done, or that the
/// link no longer works (used, expired or never made).
struct PasswordResetPage {
    enum State {
        case form(token: String, staff: Staff, errors: [FieldError], csrf: String)
        case done
        case invalid
    }

    var s: Strings
    var state: State
}
