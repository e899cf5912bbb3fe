import EarnedDomain
import Foundation
import Plot

extension AbsencesPage {
    var body: HTMLNode {
        let s = viewer.s
        let people = staff.filter(\.isActive).map { ($0.id.description, $0.name) }
        func day(_ date: Date) -> String { Format.date(date, s.lang, zone: viewer.zone) }
        return H.group([
            Layout.pageHead(s.absencesTitle),
            H.p("hint", s.absencesHint),
            Forms.summary(errors, s),
            absences.isEmpty
                ? H.p("empty", s.noAbsences)
                : H.table(
                    caption: s.absencesTitle,
                    headers: [s.awayPerson, s.cover, s.awayFrom, s.awayUntil, s.reason, s.absenceState, ""],
                    rows: absences.map { a in
                        [
                            H.text(name(a.staffID)), H.text(name(a.coverID)), H.text(day(a.startsAt)),
                            // The last day away: the absence ends at the start of the next one.
                            H.text(day(a.endsAt.addingTimeInterval(-1))), H.text(a.reason ?? s.none),
                            a.isActive(at: now)
                                ? H.group([
                                    H.badge(s.awayNow, tone: "warn"), H.text(" " + s.handedCount(a.handed.count)),
                                ])
                                : H.badge(s.awayAhead, tone: "neutral"),
                            Forms.form(
                                action: SiteURL.endAbsence(a.id.rawValue).path, csrf: viewer.csrf, cls: "inline",
                                [Forms.submit(s.endAbsence, cls: "button subtle")]),
                        ]
                    }),
            Forms.form(
                action: SiteURL.absences.path, csrf: viewer.csrf, cls: "card stack",
                [
                    H.h2(s.recordAbsence),
                    Forms.select(
                        "staff_id", label: s.awayPerson, options: people, selected: form.staff_id, errors: errors, s: s,
                        includeBlank: "—"),
                    Forms.select(
                        "cover_id", label: s.cover, options: people, selected: form.cover_id, errors: errors, s: s,
                        includeBlank: "—"),
                    Forms.field(
                        "starts_on", label: s.awayFrom, value: form.starts_on, type: "date", required: true,
                        errors: errors, s: s),
                    Forms.field(
                        "ends_on", label: s.awayUntil, value: form.ends_on, type: "date", required: true,
                        errors: errors, s: s),
                    Forms.field("reason", label: s.absenceReason, value: form.reason, errors: errors, s: s),
                    Forms.submit(s.recordAbsence),
                ]),
        ])
    }
}
