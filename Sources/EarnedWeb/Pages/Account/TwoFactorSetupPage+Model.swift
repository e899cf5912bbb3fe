import EarnedDomain
import Foundation
import Plot

/// Setting up two-factor sign-in: the otpauth:// address (a link that opens the app on a
/// phone) and the key to type in, then a code to confirm the app has it.
struct TwoFactorSetupPage {
    var viewer: ViewerContext
    var secret: [UInt8]
    var error: String?
    var required: Bool
}
