import EarnedDomain
import Vapor

/// The location form: one text field a weekday ("09:00-13:00, 14:00-20:00"), shifts and
/// special days one a line.
struct LocationForm {
    struct Values: Content {
        var name: String?
        var time_zone: String?
        var country: String?
        var hours_1: String?
        var hours_2: String?
        var hours_3: String?
        var hours_4: String?
        var hours_5: String?
        var hours_6: String?
        var hours_7: String?
        var shifts: String?
        var special_days: String?

        init() {}

        init(_ location: Location, s: Strings) {
            name = location.name
            time_zone = location.timeZone
            country = location.country.rawValue
            for day in 1...7 {
                setDay(day, location.hours.text(isoWeekday: day).replacingOccurrences(of: "–", with: "-"))
            }
            shifts = location.shifts.map {
                "\($0.name) \(DayPeriod.clockText($0.start))-\(DayPeriod.clockText($0.end))"
            }.joined(separator: "\n")
            special_days = location.specialDays.map { day in
                ([day.date.description, s.specialDayKeyword(day.kind), day.label]
                    + day.periods.map { $0.text.replacingOccurrences(of: "–", with: "-") })
                    .filter { !$0.isEmpty }.joined(separator: " ")
            }.joined(separator: "\n")
        }

        func day(_ index: Int) -> String? {
            [hours_1, hours_2, hours_3, hours_4, hours_5, hours_6, hours_7][index - 1]
        }

        mutating func setDay(_ index: Int, _ value: String) {
            switch index {
            case 1: hours_1 = value
            case 2: hours_2 = value
            case 3: hours_3 = value
            case 4: hours_4 = value
            case 5: hours_5 = value
            case 6: hours_6 = value
            default: hours_7 = value
            }
        }

        func draft() throws -> LocationDraft {
            var errors: [FieldError] = []
            var days: [[DayPeriod]] = []
            for index in 1...7 {
                if let periods = WeeklyHours.parseDay(day(index) ?? "") {
                    days.append(periods)
                } else {
                    errors.append(
                        FieldError(field: "hours_\(index)", code: .invalidFormat, detail: "09:00-13:00, 14:00-20:00"))
                    days.append([])
                }
            }
            var shiftList: [Shift] = []
            for (n, line) in CustomerForm.Values.lines(shifts).enumerated() {
                let parts = line.split(separator: " ")
                guard parts.count >= 2, let times = parts.last, let range = Self.shiftRange(String(times)) else {
                    errors.append(
                        FieldError(field: "shifts", code: .invalidFormat, detail: "line \(n + 1): Name 09:00-15:00"))
                    continue
                }
                shiftList.append(Shift(name: parts.dropLast().joined(separator: " "), start: range.0, end: range.1))
            }
            var special: [SpecialDay] = []
            for (n, line) in CustomerForm.Values.lines(special_days).enumerated() {
                var parts = line.split(separator: " ").map(String.init)
                guard parts.count >= 2, let date = LocalDate(iso: parts[0]), date.year != nil,
                    let kind = Strings.specialDayKind(parts[1])
                else {
                    errors.append(
                        FieldError(
                            field: "special_days", code: .invalidFormat,
                            detail: "line \(n + 1): 2026-12-31 holiday Label"))
                    continue
                }
                parts.removeFirst(2)
                var periods: [DayPeriod] = []
                while let last = parts.last, let period = DayPeriod(text: last) {
                    periods.insert(period, at: 0)
                    parts.removeLast()
                }
                special.append(
                    SpecialDay(date: date, kind: kind, label: parts.joined(separator: " "), periods: periods))
            }
            if !errors.isEmpty { throw DomainError.invalid(errors) }
            return LocationDraft(
                name: name ?? "", timeZone: time_zone?.trimmingCharacters(in: .whitespaces) ?? "",
                country: country.flatMap { $0.trimmingCharacters(in: .whitespaces).isEmpty ? nil : $0 },
                hours: WeeklyHours(days: days), specialDays: special, shifts: shiftList)
        }

        /// "09:00-15:00", or "18:00-02:00" for a shift past midnight.
        static func shiftRange(_ text: String) -> (Int, Int)? {
            let parts = text.replacingOccurrences(of: "–", with: "-").split(separator: "-")
            guard parts.count == 2, let a = DayPeriod.minutes(parts[0]), let b = DayPeriod.minutes(parts[1]), a != b,
                a < 1440
            else { return nil }
            return (a, b == 1440 ? 0 : b)
        }
    }

    var viewer: ViewerContext
    var id: LocationID?
    var values: Values
    var errors: [FieldError]
}
