import Vapor

/// A promise as the "new promise" page's form sends it: every field text, checked by the controller.
struct PromiseForm: Content {
    var customer_id: String?
    var kind: String?
    var text: String?
    var due_at: String?
    var owner_id: String?
}
