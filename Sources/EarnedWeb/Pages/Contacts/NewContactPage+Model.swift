import EarnedDomain
import Foundation
import Plot

/// Recording an inbound contact (a call, a message, a visit).
struct NewContactPage {
    var viewer: ViewerContext
    var form: ContactForm
    var staff: [Staff]
    var errors: [FieldError]
}
