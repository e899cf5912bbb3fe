import Vapor

struct ListDTO<Item: Content>: APIObject {
    var items: [Item]
    var next_cursor: String?
}
