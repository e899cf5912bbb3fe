import Foundation

/// A country whose public holidays Earned knows, by its ISO 3166-1 alpha-2 code. A location
/// greets on the holidays of its country.
public enum Country: String, Hashable, Codable, Sendable, CaseIterable {
    case ru = "RU"
    case de = "DE"

    /// The country of a location whose country is not known: Russian-speaking businesses come
    /// first.
    public static let businessDefault = Country.ru

    /// A code as a person types it: "de", " DE " and "DE" are Germany; nil for a country Earned
    /// has no holidays for.
    public init?(code: String) {
        self.init(rawValue: code.trimmingCharacters(in: .whitespacesAndNewlines).uppercased())
    }

    /// The country an IANA time zone lies in, when it is a supported country's zone:
    /// "Europe/Berlin" (and "Europe/Busingen") is Germany, the zones of the Russian Federation are
    /// Russia; nil for any other zone.
    public static func inferred(fromTimeZone identifier: String) -> Country? {
        if germanZones.contains(identifier) { return .de }
        if russianZones.contains(identifier) { return .ru }
        return nil
    }

    /// The country of a location in `timeZone` when none is given: the zone's country, else the
    /// business default.
    public static func forTimeZone(_ identifier: String) -> Country {
        inferred(fromTimeZone: identifier) ?? businessDefault
    }

    static let germanZones: Set<String> = ["Europe/Berlin", "Europe/Busingen"]

    /// The IANA zones of the Russian Federation (tzdata's zone.tab for RU), with the old aliases.
    static let russianZones: Set<String> = [
        "Europe/Kaliningrad", "Europe/Moscow", "Europe/Kirov", "Europe/Volgograd", "Europe/Astrakhan",
        "Europe/Saratov", "Europe/Ulyanovsk", "Europe/Samara", "Asia/Yekaterinburg", "Asia/Omsk",
        "Asia/Novosibirsk", "Asia/Barnaul", "Asia/Tomsk", "Asia/Novokuznetsk", "Asia/Krasnoyarsk",
        "Asia/Irkutsk", "Asia/Chita", "Asia/Yakutsk", "Asia/Khandyga", "Asia/Vladivostok", "Asia/Ust-Nera",
        "Asia/Magadan", "Asia/Sakhalin", "Asia/Srednekolymsk", "Asia/Kamchatka", "Asia/Anadyr", "W-SU",
    ]
}
