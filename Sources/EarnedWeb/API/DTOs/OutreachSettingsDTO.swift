import EarnedDomain
import Vapor

struct OutreachSettingsDTO: APIObject {
    struct TemplateDTO: Content {
        var occasion: GreetingOccasion.Kind
        var language: String
        var text: String
    }

    struct HolidayDTO: Content {
        var id: String
        var month: Int
        var day: Int
        var name_ru: String
        var name_en: String
        /// "RU", "DE"; absent for a holiday kept in every country.
        var country: String?
    }

    /// A built-in public holiday: a fixed `month` and `day`, or `easter_offset` days from Easter
    /// Sunday (month and day 0); `greets` whether customers are greeted on it at all, `enabled`
    /// whether the owner left it switched on.
    struct BuiltInHolidayDTO: Content {
        var id: String
        var country: String
        var month: Int
        var day: Int
        var easter_offset: Int?
        var name_ru: String
        var name_en: String
        var greets: Bool
        var enabled: Bool
    }

    var greetings_enabled: Bool
    var max_touches: Int
    var window_days: Int
    var send_from: String
    var send_until: String
    var templates: [TemplateDTO]
    var disabled_holidays: [String]
    var custom_holidays: [HolidayDTO]
    var built_in_holidays: [BuiltInHolidayDTO]

    init(_ s: OutreachSettings) {
        greetings_enabled = s.greetingsEnabled
        max_touches = s.budget.maxTouches
        window_days = s.budget.windowDays
        send_from = DayPeriod.clockText(s.quietHours.sendFrom)
        send_until = DayPeriod.clockText(s.quietHours.sendUntil)
        templates = s.templates.map { TemplateDTO(occasion: $0.occasion, language: $0.language, text: $0.text) }
        disabled_holidays = s.holidays.disabledIDs.sorted()
        custom_holidays = s.holidays.custom.map {
            HolidayDTO(
                id: $0.id, month: $0.month, day: $0.day, name_ru: $0.nameRu, name_en: $0.nameEn,
                country: $0.country?.rawValue)
        }
        built_in_holidays = HolidayCalendar.builtIn.map {
            BuiltInHolidayDTO(
                id: $0.id, country: $0.country?.rawValue ?? "", month: $0.month, day: $0.day,
                easter_offset: $0.easterOffset, name_ru: $0.nameRu, name_en: $0.nameEn, greets: $0.greets,
                enabled: !s.holidays.disabledIDs.contains($0.id))
        }
    }
}
