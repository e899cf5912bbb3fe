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
            func minutes(_ field: String, _ text: String?) -> Int? {
                guard let text else { return nil }
                guard let m = ClockText.minutes(text) else {
                    errors.append(FieldError(field: field, code: .invalidFormat, detail: "HH:MM"))
                    return nil
                }
                return m
            }
            let from = minutes("send_from", send_from)
            let until = minutes("send_until", send_until)
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
