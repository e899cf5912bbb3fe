import EarnedDomain
import Foundation
import Vapor

/// Who is away or will be, who covers, and recording an absence: a manager's page.
struct AbsencesPage {
    struct Form: Content {
        var staff_id: String?
        var cover_id: String?
        var starts_on: String?
        var ends_on: String?
        var reason: String?
    }

    var viewer: ViewerContext
    var absences: [Absence]
    var staff: [Staff]
    var form: Form
    var errors: [FieldError]
    var now: Date

    func name(_ id: StaffID) -> String { staff.first { $0.id == id }?.name ?? viewer.s.none }
}
