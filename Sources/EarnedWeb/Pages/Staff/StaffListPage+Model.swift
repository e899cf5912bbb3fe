import EarnedDomain
import Vapor

/// The staff: each person with e-mail, role, location and department.
struct StaffListPage {
    var viewer: ViewerContext
    var staff: [Staff]
}
