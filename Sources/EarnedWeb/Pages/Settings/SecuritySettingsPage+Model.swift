import EarnedDomain
import EarnedStore
import Foundation

/// The owner's sign-in rules: whether everyone must use two-factor sign-in, how many people have
/// not set it up, and the limits in force.
struct SecuritySettingsPage {
    var viewer: ViewerContext
    var settings: SecuritySettings
    var peopleWithoutTwoFactor: Int
    var config: Config
    var error: String?
    var saved: Bool
}
