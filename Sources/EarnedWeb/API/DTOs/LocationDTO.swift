import EarnedDomain
import Foundation

struct LocationDTO: APIObject {
    var id: UUID
    var name: String
    var time_zone: String
    var country: String
    var hours: WeeklyHours
    var special_days: [SpecialDay]
    var shifts: [Shift]
    var created_at: Date
    var updated_at: Date

    init(_ l: Location) {
        id = l.id.rawValue
        name = l.name
        time_zone = l.timeZone
        country = l.country.rawValue
        hours = l.hours
        special_days = l.specialDays
        shifts = l.shifts
        created_at = l.createdAt
        updated_at = l.updatedAt
    }
}
