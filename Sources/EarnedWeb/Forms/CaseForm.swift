import Vapor

/// A case as the "new case" page's form sends it: every field text, checked by the controller.
struct CaseForm: Content {
    var customer_id: String?
    var title: String?
    var detail: String?
    var source: String?
    var priority: String?
    var department: String?
    var accepted_on_word: String?
}
