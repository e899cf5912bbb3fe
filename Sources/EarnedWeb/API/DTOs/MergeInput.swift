import Vapor

struct MergeInput: Content {
    var duplicate_id: UUID?
}
