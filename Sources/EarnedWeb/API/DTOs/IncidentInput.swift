import Vapor

struct IncidentInput: Content {
    var title: String?
    var detail: String?
    var found_at: Date?
    var location_id: UUID?
    var scope: ScopeInput?
}
