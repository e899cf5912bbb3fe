import EarnedDomain
import Foundation
import Plot

/// The owner's outreach settings: greetings, the contact budget, sending hours, templates and
/// holidays.
struct OutreachSettingsPage {
    var viewer: ViewerContext
    var values: [String: String]
    var errors: [FieldError]
    var saved: Bool
}
