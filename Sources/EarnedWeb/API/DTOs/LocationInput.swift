import EarnedDomain
import Vapor

struct LocationInput: Content {
    var name: String?
    var time_zone: String?
    var hours: WeeklyHours?
    var special_days: [SpecialDay]?
    var shifts: [Shift]?

    var draft: LocationDraft {
        LocationDraft(name: name, timeZone: time_zone, hours: hours, specialDays: special_days, shifts: shifts)
    }
}
