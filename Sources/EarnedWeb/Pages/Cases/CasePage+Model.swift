import EarnedDomain
import Foundation
import Plot

/// One case: its owner and holder, the first-response and resolution targets, its history and
/// the actions its rules allow (hand off, act, transfer, resolve, reopen).
struct CasePage {
    var viewer: ViewerContext
    var serviceCase: ServiceCase
    var customer: Customer
    var staff: [Staff]
    var clock: CaseClock.Result?
    var now: Date
    var errors: [FieldError]
}
