import Vapor

/// An inbound contact as the "new contact" page's form sends it: every field text, checked by the controller.
struct ContactForm: Content {
    var channel: String?
    var priority: String?
    var subject: String?
    var body: String?
    var from_address: String?
    var customer_id: String?
    var received_at: String?
    var location_id: String?
    var owner_id: String?
}
