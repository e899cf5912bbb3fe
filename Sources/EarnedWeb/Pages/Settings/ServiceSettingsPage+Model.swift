import EarnedDomain
import Foundation
import Plot

/// The owner's service rules: reminder leads per promise kind; per location the hand-over
/// contact, the follow-up days and the reply targets per channel.
struct ServiceSettingsPage {
    var viewer: ViewerContext
    var values: [String: String]
    var errors: [FieldError]
    var saved: Bool
}
