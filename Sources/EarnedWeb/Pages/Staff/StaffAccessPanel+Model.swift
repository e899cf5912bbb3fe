import EarnedDomain
import Foundation

/// The "account access" box of a staff page: a one-time password reset link (shown once, right
/// after it is made) and turning off the person's second factor.
struct StaffAccessPanel {
    var viewer: ViewerContext
    var staffID: StaffID
    /// The link just made, shown once.
    var link: String?
    /// How long a link works.
    var lifetime: TimeInterval
    var twoFactorOn: Bool
    /// The person's address when a link can go there by e-mail.
    var mailTo: String? = nil
    /// What became of a link sent by e-mail: the word, and whether it went.
    var mailed: (text: String, good: Bool)? = nil
}
