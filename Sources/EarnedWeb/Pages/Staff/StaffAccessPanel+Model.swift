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
}
