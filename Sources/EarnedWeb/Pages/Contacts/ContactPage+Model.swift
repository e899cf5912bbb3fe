import EarnedDomain
import Foundation
import Plot

/// One inbound contact: its reply and resolution clocks, and the actions that answer it.
struct ContactPage {
    var viewer: ViewerContext
    var contact: InboundContact
    var customer: Customer?
    var staff: [Staff]
    var status: ReplyClock.Result?
    var errors: [FieldError]
}
