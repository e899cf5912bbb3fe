import EarnedDomain
import Foundation
import Plot

extension OutreachSettingsPage {
    var body: HTMLNode {
        let s = viewer.s
        let templates = OutreachSettingsForm.templateSlots.map { kind, language in
            Forms.textarea(
                OutreachSettingsForm.templateField(kind, language),
                label: s.occasionName(kind) + " · " + s.languageName(language),
                value: values[OutreachSettingsForm.templateField(kind, language)], rows: 3, errors: errors, s: s)
        }
        let holidays = Country.allCases.flatMap { country in
            [H.el("h3", [], [H.text(s.holidaysOf(country))])]
                + OutreachSettingsForm.switchable(country).map { holiday in
                    Forms.checkbox(
                        "holiday_\(holiday.id)", label: Self.label(holiday, s),
                        checked: values["holiday_\(holiday.id)"] == "true")
                } + [
                    Self.notGreeted(country, s),
                    Forms.textarea(
                        OutreachSettingsForm.customField(country), label: s.customHolidaysOf(country),
                        value: values[OutreachSettingsForm.customField(country)], hint: s.customHolidaysHint, rows: 2,
                        errors: errors, s: s),
                ]
        }
        return H.group([
            Layout.pageHead(s.navSettings, subtitle: s.outreachHint),
            SettingsViews.tabs(s, here: .outreachSettings),
            saved ? H.el("div", [("class", "alert success"), ("role", "status")], [H.text(s.saved)]) : H.empty,
            Forms.summary(errors, s),
            Forms.form(
                action: SiteURL.outreachSettings.path, csrf: viewer.csrf, cls: "stack",
                [
                    Forms.checkbox(
                        "greetings_enabled", label: s.greetingsEnabled, checked: values["greetings_enabled"] == "true"),
                    H.h2(s.budgetTitle),
                    H.div(
                        "row",
                        [
                            Forms.field(
                                "max_touches", label: s.maxTouches, value: values["max_touches"], type: "number",
                                errors: errors, s: s, attributes: [("min", "1"), ("max", "30")]),
                            Forms.field(
                                "window_days", label: s.windowDays, value: values["window_days"], type: "number",
                                errors: errors, s: s, attributes: [("min", "7"), ("max", "90")]),
                        ]),
                    H.h2(s.sendingHours),
                    H.div(
                        "row",
                        [
                            Forms.field(
                                "send_from", label: s.sendFrom, value: values["send_from"], errors: errors, s: s,
                                attributes: [("placeholder", "10:00"), ("pattern", "[0-2]?[0-9]:[0-5][0-9]")]),
                            Forms.field(
                                "send_until", label: s.sendUntil, value: values["send_until"], errors: errors, s: s,
                                attributes: [("placeholder", "20:00"), ("pattern", "[0-2]?[0-9]:[0-5][0-9]")]),
                        ]),
                    H.h2(s.templatesTitle), H.p("hint", s.templatesHint), H.p("hint", s.labelFieldHint),
                ] + templates + [H.h2(s.holidaysTitle)] + holidays + [
                    Forms.textarea(
                        "custom_holidays", label: s.customHolidays, value: values["custom_holidays"],
                        hint: s.customHolidaysEverywhereHint, rows: 3, errors: errors, s: s),
                    Forms.submit(s.save),
                ]),
        ])
    }

    /// "01.05 Labour Day" for a fixed holiday; "Easter Monday (Easter + 1 day)" for a movable one.
    static func label(_ holiday: Holiday, _ s: Strings) -> String {
        let name = holiday.name(in: s.lang.rawValue)
        guard let offset = holiday.easterOffset else {
            return String(format: "%02d.%02d ", holiday.day, holiday.month) + name
        }
        return name + " (" + s.easterRelative(offset) + ")"
    }

    /// The country's built-in holidays that never greet, named so the owner sees they are known.
    static func notGreeted(_ country: Country, _ s: Strings) -> HTMLNode {
        let quiet = HolidayCalendar.builtIn(for: country).filter { !$0.greets }
        guard !quiet.isEmpty else { return H.empty }
        return H.p("hint", s.notGreeted(quiet.map { label($0, s) }))
    }
}
