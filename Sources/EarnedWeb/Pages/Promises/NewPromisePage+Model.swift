import EarnedDomain
import EarnedStore
import Foundation
import Plot

/// Recording a promise to a customer: what, by when, who keeps it.
struct NewPromisePage {
    var viewer: ViewerContext
    var form: PromiseForm
    var customer: Customer?
    var staff: [Staff]
    var errors: [FieldError]
}
