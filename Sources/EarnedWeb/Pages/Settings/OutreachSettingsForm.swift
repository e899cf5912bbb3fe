import EarnedDomain
import Foundation

/// The outreach settings as the owner's form holds them: every field as typed, read into a
/// draft the settings store checks, and each of the store's problems put back at the field the
/// owner typed into.
struct OutreachSettingsForm {
    var values: [String: String]

    init(values: [String: String]) {
        self.values = values
    }

    /// The form filled with the settings in force.
    init(_ s: OutreachSettings) {
        var values: [String: String] = [
            "max_touches": "\(s.budget.maxTouches)", "window_days": "\(s.budget.windowDays)",
            "send_from": DayPeriod.clockText(s.quietHours.sendFrom),
            "send_until": DayPeriod.clockText(s.quietHours.sendUntil),
            "greetings_enabled": s.greetingsEnabled ? "true" : "",
        ]
        for (field, country) in Self.customFields {
            values[field] = s.holidays.custom.filter { $0.country == country }.map {
                String(format: "%02d-%02d", $0.month, $0.day) + "; \($0.nameRu); \($0.nameEn)"
            }.joined(separator: "\n")
        }
        for (kind, language) in Self.templateSlots {
            values[Self.templateField(kind, language)] = s.template(for: kind, language: language)?.text ?? ""
        }
        for holiday in HolidayCalendar.builtIn where !s.holidays.disabledIDs.contains(holiday.id) {
            values["holiday_\(holiday.id)"] = "true"
        }
        self.values = values
    }

    static let templateSlots: [(GreetingOccasion.Kind, String)] = GreetingOccasion.Kind.allCases
        .flatMap { kind in GreetingTemplate.languages.map { (kind, $0) } }

    /// The owner's holidays, one text box per country and one ("custom_holidays") for those
    /// kept in every country.
    static let customFields: [(field: String, country: Country?)] =
        [("custom_holidays", nil)] + Country.allCases.map { (customField($0), $0) }

    static func customField(_ country: Country) -> String { "custom_holidays_\(country.rawValue.lowercased())" }

    /// The built-in holidays the page offers to switch off: those greeted on (the others never
    /// greet, so switching them off would change nothing).
    static func switchable(_ country: Country) -> [Holiday] {
        HolidayCalendar.builtIn(for: country).filter(\.greets)
    }

    /// Each non-empty line of the owner's holiday boxes, with its box and country, in the order
    /// the draft lists the holidays.
    var customLines: [(field: String, country: Country?, number: Int, line: Substring)] {
        Self.customFields.flatMap { field, country in
            (values[field] ?? "").split(whereSeparator: \.isNewline).enumerated()
                .filter { !$0.element.trimmingCharacters(in: .whitespaces).isEmpty }
                .map { (field, country, $0.offset + 1, $0.element) }
        }
    }

    static func templateField(_ kind: GreetingOccasion.Kind, _ language: String) -> String {
        "template_\(kind.rawValue)_\(language)"
    }

    /// The fields of the templates the owner changed, in the order the draft lists them.
    var templateFields: [String] { changedTemplates.map(\.field) }

    /// Only templates that differ from the built-in ones are the owner's; one left empty, or as
    /// built in, is the built-in one.
    var changedTemplates: [(field: String, draft: GreetingTemplateDraft)] {
        Self.templateSlots.compactMap { kind, language in
            let field = Self.templateField(kind, language)
            let text = (values[field] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let builtIn = GreetingTemplate.defaults.last { $0.occasion == kind && $0.language == language }?.text
            guard !text.isEmpty, text != builtIn else { return nil }
            return (field, GreetingTemplateDraft(occasion: kind, language: language, text: text))
        }
    }

    /// The draft the form says, or every field that does not read (`DomainError.invalid`).
    func draft() throws(DomainError) -> OutreachSettingsDraft {
        var errors: [FieldError] = []
        func number(_ field: String) -> Int? {
            guard let n = values[field].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
                errors.append(FieldError(field: field, code: .invalidFormat, detail: "a whole number"))
                return nil
            }
            return n
        }
        func time(_ field: String) -> Int? {
            guard let m = DayPeriod.minutes(values[field]) else {
                errors.append(FieldError(field: field, code: .invalidFormat, detail: "HH:MM"))
                return nil
            }
            return m
        }
        var custom: [Holiday] = []
        for (index, entry) in customLines.enumerated() {
            let parts = entry.line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            let date = parts.first?.split(separator: "-").compactMap { Int($0) } ?? []
            guard parts.count >= 2, date.count == 2 else {
                errors.append(
                    FieldError(
                        field: entry.field, code: .invalidFormat, detail: "line \(entry.number): MM-DD; name; name"))
                continue
            }
            custom.append(
                Holiday(
                    id: String(format: "own-%02d-%02d-%d", date[0], date[1], index + 1), month: date[0], day: date[1],
                    nameRu: parts[1], nameEn: parts.count > 2 ? parts[2] : parts[1], country: entry.country))
        }
        let draft = OutreachSettingsDraft(
            templates: changedTemplates.map(\.draft),
            holidays: HolidayCalendarDraft(
                custom: custom,
                disabledIDs: Country.allCases.flatMap(Self.switchable).map(\.id).filter {
                    values["holiday_\($0)"] != "true"
                }),
            budget: FatigueBudgetDraft(maxTouches: number("max_touches"), windowDays: number("window_days")),
            quietHours: QuietHoursDraft(sendFrom: time("send_from"), sendUntil: time("send_until")),
            greetingsEnabled: values["greetings_enabled"] == "true")
        guard errors.isEmpty else { throw .invalid(errors) }
        return draft
    }

    /// A problem the settings store names by the draft's path, at the field the owner typed into.
    func field(of error: FieldError) -> FieldError {
        var e = error
        let fields = templateFields
        if e.field.hasPrefix("templates."), let index = Int(e.field.split(separator: ".")[1]), index < fields.count {
            e.field = fields[index]
        } else if e.field.hasPrefix("custom.") {
            let lines = customLines
            let index = Int(e.field.split(separator: ".")[1]) ?? lines.count
            e.field = index < lines.count ? lines[index].field : "custom_holidays"
        } else if e.field.hasPrefix("custom") {
            e.field = "custom_holidays"
        }
        return e
    }
}
