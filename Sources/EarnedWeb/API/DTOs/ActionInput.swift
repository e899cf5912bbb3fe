import Vapor

struct ActionInput: Content {
    var action: String?
}
