import EarnedDomain
import FluentKit
import Foundation

final class LocationRecord: Model, @unchecked Sendable {
    static let schema = "locations"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "time_zone") var timeZone: String
    /// ISO 3166-1 alpha-2; NULL (a row not yet backfilled) reads as the time zone's country.
    @OptionalField(key: "country") var country: String?
    @Field(key: "hours_json") var hoursJSON: String
    @Field(key: "special_days_json") var specialDaysJSON: String
    @Field(key: "shifts_json") var shiftsJSON: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ location: Location) {
        id = location.id.rawValue
        apply(location)
    }

    func apply(_ location: Location) {
        name = location.name
        timeZone = location.timeZone
        country = location.country.rawValue
        hoursJSON = JSONCoding.string(location.hours)
        specialDaysJSON = JSONCoding.string(location.specialDays)
        shiftsJSON = JSONCoding.string(location.shifts)
        createdAt = location.createdAt
        updatedAt = location.updatedAt
    }

    var domain: Location {
        Location(
            id: LocationID(id!), name: name, timeZone: timeZone, country: country.flatMap(Country.init(rawValue:)),
            hours: JSONCoding.decode(WeeklyHours.self, hoursJSON) ?? .uniform([]),
            specialDays: JSONCoding.decode([SpecialDay].self, specialDaysJSON) ?? [],
            shifts: JSONCoding.decode([Shift].self, shiftsJSON) ?? [], createdAt: createdAt, updatedAt: updatedAt)
    }
}
