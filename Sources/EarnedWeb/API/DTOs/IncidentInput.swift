import Vapor

struct IncidentInput: Content {
    var title: String?
    var detail: String?
    var found_at: Date?
    var location_id: UUID?
    var scope: ScopeInput?
    /// What to tell the affected customers, sent by the shop's own channels where it can.
    var message: String?
}
