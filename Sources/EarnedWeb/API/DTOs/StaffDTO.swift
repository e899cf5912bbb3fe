import EarnedDomain
import Foundation

struct StaffDTO: APIObject {
    var id: UUID
    var name: String
    var email: String
    var role: String
    var home_location_id: UUID?
    var extra_location_ids: [UUID]
    var department: String?
    var is_active: Bool
    var created_at: Date
    var updated_at: Date

    init(_ s: Staff) {
        id = s.id.rawValue
        name = s.name
        email = s.email
        role = s.role.rawValue
        home_location_id = s.homeLocationID?.rawValue
        extra_location_ids = s.extraLocationIDs.map(\.rawValue)
        department = s.department
        is_active = s.isActive
        created_at = s.createdAt
        updated_at = s.updatedAt
    }
}
