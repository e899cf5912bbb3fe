import Foundation

/// A time of day as settings forms and the API write it, "HH:MM", to and from minutes after
/// midnight ("24:00" is the end of the day).
enum ClockText {
    static func text(_ minutes: Int) -> String {
        String(format: "%02d:%02d", minutes / 60 % 24 + (minutes == 1440 ? 24 : 0), minutes % 60)
    }

    static func minutes(_ text: String?) -> Int? {
        let parts = (text ?? "").split(separator: ":").compactMap { Int($0) }
        guard parts.count == 2, (0...24).contains(parts[0]), (0..<60).contains(parts[1]) else { return nil }
        return parts[0] * 60 + parts[1]
    }
}
