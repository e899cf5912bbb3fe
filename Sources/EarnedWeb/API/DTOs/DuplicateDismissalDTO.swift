import EarnedStore
import Foundation

struct DuplicateDismissalDTO: APIObject {
    var first_id: UUID
    var second_id: UUID
    var dismissed_by_id: UUID?
    var dismissed_at: Date

    init(_ d: DuplicateDismissal) {
        first_id = d.firstID.rawValue
        second_id = d.secondID.rawValue
        dismissed_by_id = d.dismissedByID?.rawValue
        dismissed_at = d.dismissedAt
    }
}
