import EarnedDomain
import Vapor

extension LocationForm {
    var body: HTMLNode {
        let s = viewer.s
        let e = errors
        return H.group([
            Layout.pageHead(id == nil ? s.newLocation : (values.name ?? s.locationsTitle)),
            Forms.summary(e, s),
            Forms.form(
                action: id.map { SiteURL.editLocation($0.rawValue).path } ?? SiteURL.locations.path, csrf: viewer.csrf,
                cls: "card form",
                [
                    Forms.field("name", label: s.name, value: values.name, required: true, errors: e, s: s),
                    Forms.field(
                        "time_zone", label: s.timeZone, value: values.time_zone,
                        hint: "Europe/Moscow, Asia/Yekaterinburg, Europe/Berlin", required: true, errors: e, s: s),
                    Forms.select(
                        "country", label: s.country,
                        options: Country.allCases.map { ($0.rawValue, s.countryName($0)) },
                        selected: values.country ?? values.time_zone.map { Country.forTimeZone($0).rawValue },
                        errors: e, s: s),
                    H.p("hint", s.countryHint),
                    H.el(
                        "fieldset", [],
                        [
                            H.el("legend", [], [H.text(s.hours)]),
                            H.p("hint", s.hoursHint),
                            H.group(
                                (1...7).map { day in
                                    Forms.field(
                                        "hours_\(day)", label: s.weekday(day), value: values.day(day), errors: e, s: s)
                                }),
                        ]),
                    Forms.textarea(
                        "shifts", label: s.shifts, value: values.shifts, hint: s.shiftsHint, rows: 3, errors: e, s: s),
                    Forms.textarea(
                        "special_days", label: s.specialDays, value: values.special_days, hint: s.specialDaysHint,
                        rows: 5, errors: e, s: s),
                    H.div(
                        "form-actions", [Forms.submit(s.save), H.a(SiteURL.locations.path, s.cancel, cls: "button")]),
                ]),
        ])
    }
}
