import EarnedDomain
import Vapor

struct StaffInput: Content {
    var name: String?
    var email: String?
    var role: Role?
    var home_location_id: UUID?
    var extra_location_ids: [UUID]?
    var department: String?
    var is_active: Bool?
    var password: String?

    var draft: StaffDraft {
        StaffDraft(
            name: name, email: email, role: role, homeLocationID: home_location_id.map(LocationID.init),
            extraLocationIDs: extra_location_ids?.map(LocationID.init), department: department, isActive: is_active)
    }
}
