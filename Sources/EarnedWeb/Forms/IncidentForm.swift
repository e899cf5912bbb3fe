import Vapor

/// An incident as the "new incident" page's form sends it: every field text, checked by the controller.
struct IncidentForm: Content {
    var title: String?
    var detail: String?
    var found_at: String?
    var scope: String?
    var text: String?
    var from: String?
    var to: String?
    var location_id: String?
    var customers: String?
    /// What to tell the affected customers, sent by the shop's own channels where it can.
    var message: String?
}
