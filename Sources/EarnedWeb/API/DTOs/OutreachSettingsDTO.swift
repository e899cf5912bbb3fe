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
    }

    var greetings_enabled: Bool
    var max_touches: Int
    var window_days: Int
    var send_from: String
    var send_until: String
    var templates: [TemplateDTO]
    var disabled_holidays: [String]
    var custom_holidays: [HolidayDTO]

    init(_ s: OutreachSettings) {
        greetings_enabled = s.greetingsEnabled
        max_touches = s.budget.maxTouches
        window_days = s.budget.windowDays
        send_from = ClockText.text(s.quietHours.sendFrom)
        send_until = ClockText.text(s.quietHours.sendUntil)
        templates = s.templates.map { TemplateDTO(occasion: $0.occasion, language: $0.language, text: $0.text) }
        disabled_holidays = s.holidays.disabledIDs.sorted()
        custom_holidays = s.holidays.custom.map {
            HolidayDTO(id: $0.id, month: $0.month, day: $0.day, name_ru: $0.nameRu, name_en: $0.nameEn)
        }
    }
}
