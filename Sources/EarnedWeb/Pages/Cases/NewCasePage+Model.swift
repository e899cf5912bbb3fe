import EarnedDomain
import Foundation
import Plot

/// Opening a case for a customer.
struct NewCasePage {
    var viewer: ViewerContext
    var form: CaseForm
    var customer: Customer?
    var errors: [FieldError]
}
