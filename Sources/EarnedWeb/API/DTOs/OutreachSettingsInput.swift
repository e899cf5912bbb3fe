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
            var custom: [Holiday]?
            if let custom_holidays {
                custom = []
                for (index, holiday) in custom_holidays.enumerated() {
                    var country: Country?
                    if let code = holiday.country {
                        country = Country(code: code)
                        if country == nil {
                            errors.append(
                                FieldError(
                                    field: "custom_holidays.\(index).country", code: .invalidChoice,
                                    detail: Country.allCases.map(\.rawValue).joined(separator: ", ")))
                        }
                    }
                    custom?.append(
                        Holiday(
                            id: holiday.id, month: holiday.month, day: holiday.day, nameRu: holiday.name_ru,
                            nameEn: holiday.name_en, country: country))
                }
            }
            if !errors.isEmpty { throw DomainError.invalid(errors) }
            return OutreachSettingsDraft(
                templates: templates?.map {
                    GreetingTemplateDraft(occasion: $0.occasion, language: $0.language, text: $0.text)
                },
                holidays: custom_holidays == nil && disabled_holidays == nil
                    ? nil
                    : HolidayCalendarDraft(custom: custom, disabledIDs: disabled_holidays),
                budget: max_touches == nil && window_days == nil
                    ? nil : FatigueBudgetDraft(maxTouches: max_touches, windowDays: window_days),
                quietHours: from == nil && until == nil ? nil : QuietHoursDraft(sendFrom: from, sendUntil: until),
                greetingsEnabled: greetings_enabled)
        }
    }
}
