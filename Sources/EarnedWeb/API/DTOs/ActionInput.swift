import Vapor

struct ActionInput: Content {
    var action: String?
    /// "assign": who answers the contact.
    var staff_id: UUID?
}
