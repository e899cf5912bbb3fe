import EarnedDomain
import EarnedStore
import Foundation
import Plot

/// One promise with its outcome, renegotiations and the actions that keep, break or move it.
struct PromisePage {
    var viewer: ViewerContext
    var promise: Promise
    var customer: Customer
    var staff: [Staff]
    var now: Date
    var errors: [FieldError]
}
