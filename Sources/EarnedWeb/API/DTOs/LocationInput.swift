import EarnedDomain
import Vapor

struct LocationInput: Content {
    var name: String?
    var time_zone: String?
    /// "RU" or "DE"; left out keeps the country (a new location takes its time zone's).
    var country: String?
    var hours: WeeklyHours?
    var special_days: [SpecialDay]?
    var shifts: [Shift]?

    var draft: LocationDraft {
        LocationDraft(
            name: name, timeZone: time_zone, country: country, hours: hours, specialDays: special_days, shifts: shifts)
    }
}
