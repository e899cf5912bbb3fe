import Foundation

public typealias LocationID = Identifier<Location>

/// A shop, café, branch or service point, with its own time zone and hours.
public struct Location: Hashable, Codable, Sendable, Identifiable {
    public var id: LocationID
    public var name: String
    /// An IANA identifier such as "Europe/Moscow".
    public var timeZone: String
    /// Whose public holidays the location's customers are greeted on.
    public var country: Country
    public var hours: WeeklyHours
    public var specialDays: [SpecialDay]
    public var shifts: [Shift]
    public var createdAt: Date
    public var updatedAt: Date

    /// `country` nil is the time zone's country, else the business default
    /// (`Country.forTimeZone`).
    public init(
        id: LocationID = LocationID(), name: String, timeZone: String, country: Country? = nil, hours: WeeklyHours,
        specialDays: [SpecialDay] = [], shifts: [Shift] = [], createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.timeZone = timeZone
        self.country = country ?? Country.forTimeZone(timeZone)
        self.hours = hours
        self.specialDays = specialDays
        self.shifts = shifts
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The shift a local minute of the day falls in, if any.
    public func shift(atMinuteOfDay minute: Int) -> Shift? {
        shifts.first { $0.contains(minuteOfDay: minute) }
    }
}

/// What a person may enter to create or change a location.
public struct LocationDraft: Sendable, Codable, Hashable {
    public var name: String?
    public var timeZone: String?
    /// An ISO 3166-1 alpha-2 code as entered ("RU", "de"); nil keeps the current country, or for
    /// a new location takes the time zone's.
    public var country: String?
    public var hours: WeeklyHours?
    public var specialDays: [SpecialDay]?
    public var shifts: [Shift]?

    public init(
        name: String? = nil, timeZone: String? = nil, country: String? = nil, hours: WeeklyHours? = nil,
        specialDays: [SpecialDay]? = nil, shifts: [Shift]? = nil
    ) {
        self.name = name
        self.timeZone = timeZone
        self.country = country
        self.hours = hours
        self.specialDays = specialDays
        self.shifts = shifts
    }

    public static let nameLimit = 120

    /// Checks the draft and returns the location it describes, reporting every bad field.
    public func validated(id: LocationID, now: Date, existing: Location? = nil) throws(DomainError) -> Location {
        var v = Validator()
        let name = v.text("name", name ?? existing?.name, required: true, max: Self.nameLimit)
        let zone = timeZone ?? existing?.timeZone
        if let zone, TimeZone(identifier: zone) == nil {
            v.add("time_zone", .invalidFormat, detail: "an IANA time zone such as Europe/Moscow")
        } else if zone == nil {
            v.add("time_zone", .required)
        }
        var country = existing?.country
        if let code = self.country {
            country = Country(code: code)
            if country == nil {
                v.add("country", .invalidChoice, detail: Country.allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        let hours = hours ?? existing?.hours ?? .uniform([DayPeriod(start: 9 * 60, end: 18 * 60)])
        for problem in hours.problems { v.add(problem) }
        let specialDays = specialDays ?? existing?.specialDays ?? []
        for (index, day) in specialDays.enumerated() {
            if !day.date.isValid || day.date.year == nil {
                v.add("special_days.\(index).date", .invalidFormat, detail: "YYYY-MM-DD")
            }
            v.text("special_days.\(index).label", day.label, max: 120)
        }
        let shifts = shifts ?? existing?.shifts ?? []
        for (index, shift) in shifts.enumerated() {
            v.text("shifts.\(index).name", shift.name, required: true, max: 60)
            if !(0..<1440).contains(shift.start) || !(0...1440).contains(shift.end) || shift.start == shift.end {
                v.add("shifts.\(index)", .outOfRange, detail: "start and end are minutes 0–1440 and differ")
            }
        }
        try v.check()
        return Location(
            id: id, name: name ?? "", timeZone: zone ?? "UTC", country: country, hours: hours, specialDays: specialDays,
            shifts: shifts, createdAt: existing?.createdAt ?? now, updatedAt: now)
    }
}
