import Foundation

/// Times typed into forms: `<input type="datetime-local">` sends 2026-11-23T14:05 in the
/// viewer's local time; a bare date is the start of that day.
enum FormDates {
    static func parse(_ text: String, zone: TimeZone) -> Date? {
        let text = text.trimmingCharacters(in: .whitespaces)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = text.split(whereSeparator: { $0 == "T" || $0 == " " })
        let day = parts.first?.split(separator: "-").compactMap { Int($0) } ?? []
        let time = parts.count > 1 ? parts[1].split(separator: ":").compactMap { Int($0) } : [0, 0]
        guard day.count == 3, time.count >= 2, (1...12).contains(day[1]), (1...31).contains(day[2]),
            (0...23).contains(time[0]), (0...59).contains(time[1]),
            let date = calendar.date(
                from: DateComponents(year: day[0], month: day[1], day: day[2], hour: time[0], minute: time[1]))
        else { return nil }
        return date
    }

    /// The value a datetime-local input shows for an instant.
    static func inputValue(_ date: Date, zone: TimeZone) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0, c.minute ?? 0)
    }

    /// The value a date input shows for the day an instant falls on.
    static func dayValue(_ date: Date, zone: TimeZone) -> String {
        String(inputValue(date, zone: zone).prefix(10))
    }
}
