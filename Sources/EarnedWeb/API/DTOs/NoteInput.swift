import Vapor

struct NoteInput: Content {
    var text: String?
}
