import EarnedDomain
import Vapor

/// A staff member's form: name, e-mail, role, locations; for an existing person the account-access
/// box.
struct StaffForm {
    struct Values: Content {
        var name: String?
        var email: String?
        var role: String?
        var home_location_id: String?
        var extra_location_ids: [String]?
        var department: String?
        var is_active: String?
        var password: String?

        init() {}

        init(_ staff: Staff) {
            name = staff.name
            email = staff.email
            role = staff.role.rawValue
            home_location_id = staff.homeLocationID?.description
            extra_location_ids = staff.extraLocationIDs.map(\.description)
            department = staff.department
            is_active = staff.isActive ? "true" : nil
        }

        var draft: StaffDraft {
            StaffDraft(
                name: name ?? "", email: email ?? "", role: Role(rawValue: role ?? "") ?? .staff,
                homeLocationID: home_location_id.flatMap(LocationID.init(string:)),
                extraLocationIDs: (extra_location_ids ?? []).compactMap(LocationID.init(string:)),
                department: department ?? "",
                isActive: is_active == "true")
        }
    }

    var viewer: ViewerContext
    var id: StaffID?
    var values: Values
    var errors: [FieldError]

    /// The reset link and second-factor reset of an existing account.
    var access: HTMLNode = H.empty
}
