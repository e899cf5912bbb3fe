import EarnedDomain
import Foundation

struct NoteDTO: APIObject {
    var id: UUID
    var customer_id: UUID
    var author_id: UUID?
    var text: String
    var created_at: Date

    init(_ n: CustomerNote) {
        id = n.id.rawValue
        customer_id = n.customerID.rawValue
        author_id = n.authorID?.rawValue
        text = n.text
        created_at = n.createdAt
    }
}
