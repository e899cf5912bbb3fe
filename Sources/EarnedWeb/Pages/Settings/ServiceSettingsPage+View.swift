import EarnedDomain
import Foundation
import Plot

extension ServiceSettingsPage {
    var body: HTMLNode {
        let s = viewer.s
        let leads = Promise.Kind.allCases.map { kind in
            Forms.field(
                "lead_\(kind.rawValue)", label: s.promiseKind(kind), value: values["lead_\(kind.rawValue)"],
                type: "number", errors: errors, s: s, attributes: [("min", "0"), ("max", "43200")])
        }
        let locations = viewer.locations.map { location -> HTMLNode in
            let id = location.id.description
            let targets = InboundContact.Channel.allCases.map { channel -> [HTMLNode] in
                [
                    H.text(s.inboundChannel(channel)),
                    Forms.field(
                        "first_\(id)_\(channel.rawValue)", label: s.firstResponse + ", " + s.minutesUnit,
                        value: values["first_\(id)_\(channel.rawValue)"], type: "number", errors: errors, s: s,
                        attributes: [("min", "1"), ("step", "1")]),
                    Forms.field(
                        "resolve_\(id)_\(channel.rawValue)", label: s.resolution + ", " + s.hoursUnit,
                        value: values["resolve_\(id)_\(channel.rawValue)"], type: "number", errors: errors, s: s,
                        attributes: [("min", "0.1"), ("step", "0.1")]),
                ]
            }
            return H.el(
                "section", [("class", "card")],
                [
                    H.h2(location.name),
                    H.div(
                        "row",
                        [
                            Forms.select(
                                "handover_\(id)", label: s.handoverContact,
                                options: [("visit", s.handoverVisit), ("call", s.handoverCall)],
                                selected: values["handover_\(id)"], errors: errors, s: s),
                            Forms.field(
                                "offsets_\(id)", label: s.followUpDays, value: values["offsets_\(id)"], errors: errors,
                                s: s),
                        ]),
                    H.table(
                        caption: s.replyTargetsTitle, headers: [s.channel, s.firstResponse, s.resolution], rows: targets
                    ),
                    H.h3(s.priorityShareTitle), H.p("hint", s.priorityShareHint),
                    H.div(
                        "row",
                        Priority.allCases.map { priority in
                            Forms.field(
                                "factor_\(id)_\(priority.rawValue)", label: s.priorityName(priority) + ", %",
                                value: values["factor_\(id)_\(priority.rawValue)"], type: "number", errors: errors,
                                s: s, attributes: [("min", "1"), ("step", "any")])
                        }),
                    warning(prefix: "warn_fraction_\(id)", minimum: "warn_min_\(id)", s: s),
                ])
        }
        let caseTargets = H.el(
            "section", [("class", "card")],
            [
                H.h2(s.caseTargetsTitle), H.p("hint", s.caseTargetsHint),
                H.table(
                    caption: s.caseTargetsTitle, headers: [s.priorityLabel, s.firstResponse, s.resolution],
                    rows: Priority.allCases.map { priority in
                        [
                            H.text(s.priorityName(priority)),
                            Forms.field(
                                "case_first_\(priority.rawValue)", label: s.firstResponse + ", " + s.hoursUnit,
                                value: values["case_first_\(priority.rawValue)"], type: "number", errors: errors, s: s,
                                attributes: [("min", "0.1"), ("step", "any")]),
                            Forms.field(
                                "case_resolve_\(priority.rawValue)", label: s.resolution + ", " + s.hoursUnit,
                                value: values["case_resolve_\(priority.rawValue)"], type: "number", errors: errors,
                                s: s, attributes: [("min", "0.1"), ("step", "any")]),
                        ]
                    }),
                warning(prefix: "case_warn_fraction", minimum: "case_warn_min", s: s),
            ])
        return H.group([
            Layout.pageHead(s.navSettings, subtitle: s.serviceRulesHint),
            SettingsViews.tabs(s, here: .serviceSettings),
            saved ? H.el("div", [("class", "alert success"), ("role", "status")], [H.text(s.saved)]) : H.empty,
            Forms.summary(errors, s),
            Forms.form(
                action: SiteURL.serviceSettings.path, csrf: viewer.csrf, cls: "stack",
                [H.h2(s.reminderLeads), H.div("row", leads)] + locations + [caseTargets, Forms.submit(s.save)]),
        ])
    }

    /// The warning before a target is missed: a share of the target, at least some minutes.
    func warning(prefix fraction: String, minimum: String, s: Strings) -> HTMLNode {
        H.group([
            H.h3(s.warningLeadTitle), H.p("hint", s.warningLeadHint),
            H.div(
                "row",
                [
                    Forms.field(
                        fraction, label: s.warningShare, value: values[fraction], type: "number", errors: errors, s: s,
                        attributes: [("min", "0"), ("max", "100"), ("step", "any")]),
                    Forms.field(
                        minimum, label: s.warningMinimum, value: values[minimum], type: "number", errors: errors, s: s,
                        attributes: [("min", "0"), ("step", "1")]),
                ]),
        ])
    }
}
