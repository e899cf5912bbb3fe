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
                ])
        }
        return H.group([
            Layout.pageHead(s.navSettings, subtitle: s.serviceRulesHint),
            SettingsViews.tabs(s, here: .serviceSettings),
            saved ? H.el("div", [("class", "alert success"), ("role", "status")], [H.text(s.saved)]) : H.empty,
            Forms.summary(errors, s),
            Forms.form(
                action: SiteURL.serviceSettings.path, csrf: viewer.csrf, cls: "stack",
                [H.h2(s.reminderLeads), H.div("row", leads)] + locations + [Forms.submit(s.save)]),
        ])
    }
}
