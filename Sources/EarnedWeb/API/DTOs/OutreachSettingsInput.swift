import EarnedDomain
import Vapor

struct OutreachSettingsInput: Content {
    var greetings_enabled: Bool?
    var max_touches: Int?
    var window_days: Int?
    var send_from: String?
    var send_until: String?
    var templates: [OutreachSettingsDTO.TemplateDTO]?
    var disabled_holidays: [String]?
    var custom_holidays: [OutreachSettingsDTO.HolidayDTO]?

    var draft: OutreachSettingsDraft {
        get throws {
            var errors: [FieldError] = []
            let from = DayPeriod.minutes(send_from, field: "send_from", into: &errors)
            let until = DayPeriod.minutes(send_until, field: "send_until", into: &errors)
            if !errors.isEmpty { throw DomainError.invalid(errors) }
            return OutreachSettingsDraft(
                templates: templates?.map {
                    GreetingTemplateDraft(occasion: $0.occasion, language: $0.language, text: $0.text)
                },
                holidays: custom_holidays == nil && disabled_holidays == nil
                    ? nil
                    : HolidayCalendarDraft(
                        custom: custom_holidays?.map {
                            Holiday(id: $0.id, month: $0.month, day: $0.day, nameRu: $0.name_ru, nameEn: $0.name_en)
                        }, disabledIDs: disabled_holidays),
                budget: max_touches == nil && window_days == nil
                    ? nil : FatigueBudgetDraft(maxTouches: max_touches, windowDays: window_days),
                quietHours: from == nil && until == nil ? nil : QuietHoursDraft(sendFrom: from, sendUntil: until),
                greetingsEnabled: greetings_enabled)
        }
    }
}
