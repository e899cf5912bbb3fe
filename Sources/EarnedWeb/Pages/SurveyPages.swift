import EarnedDomain
import EarnedStore
import Foundation
import Plot

/// The owner's survey settings (the list and the form) and the invitations, each with the
/// way to send its link by hand.
enum SurveyPages {
    struct DefinitionForm: Codable, Sendable {
        var name: String?
        var trigger: String?
        var interval_days: String?
        var questions: [String]?
        var sampling_percent: String?
        var delay_minutes: String?
        var follow_up_hours: String?
        var link_validity_days: String?
        var low_csat: String?
        var low_nps: String?
        var high_ces: String?
        var is_active: String?

        init(_ d: SurveyDefinition?) {
            name = d?.name
            if case .relationship(let days) = d?.trigger { interval_days = String(days) } else { interval_days = "180" }
            trigger = d?.trigger.key ?? "order_delivered"
            questions = d.map { $0.questions.map(\.kind.rawValue) } ?? ["csat", "nps", "fast_enough", "free_text"]
            sampling_percent = String(Int(((d?.samplingRate ?? 1) * 100).rounded()))
            delay_minutes = String(Int(((d?.delay ?? 7200) / 60).rounded()))
            follow_up_hours = String(
                Int(((d?.followUpTarget ?? SurveyDefinition.defaultFollowUpTarget) / 3600).rounded()))
            link_validity_days = String(
                Int(((d?.linkValidity ?? SurveyDefinition.defaultLinkValidity) / 86_400).rounded()))
            let t = d?.thresholds ?? .standard
            low_csat = String(t.csatAtMost)
            low_nps = String(t.npsAtMost)
            high_ces = String(t.cesAtLeast)
            is_active = (d?.isActive ?? true) ? "true" : nil
        }
    }

    static func definitions(viewer: ViewerContext, definitions: [SurveyDefinition]) -> HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.surveyDefinitionsTitle, action: (SiteURL.newSurvey.path, s.newSurveyTitle)),
            definitions.isEmpty
                ? H.p("empty", s.noSurveys)
                : H.table(
                    headers: [s.surveyName, s.surveyTrigger, s.questionsLabel, s.samplingPercent],
                    rows: definitions.map { d in
                        [
                            H.group([
                                H.a(SiteURL.survey(d.id.rawValue).path, d.name),
                                d.isActive ? H.empty : H.text(" "),
                                d.isActive ? H.empty : H.badge(s.surveyOff, tone: "neutral"),
                            ]),
                            H.text(trigger(d.trigger, s)),
                            H.text(d.questions.map { $0.kind.rawValue.uppercased() }.joined(separator: ", ")),
                            H.text("\(Int((d.samplingRate * 100).rounded())) %"),
                        ]
                    }, numeric: [3]),
        ])
    }

    static func trigger(_ t: SurveyTrigger, _ s: Strings) -> String {
        if case .relationship(let days) = t {
            return s.triggerName(t.key) + " · " + s.count(days, ru: "день", "дня", "дней", en: "day", "days")
        }
        return s.triggerName(t.key)
    }

    static func form(
        viewer: ViewerContext, form: DefinitionForm, action: String, title: String, errors: [FieldError]
    ) -> HTMLNode {
        let s = viewer.s
        let triggers = SurveyTrigger.keys.map { ($0, s.triggerName($0)) }
        let chosen = Set(form.questions ?? [])
        func number(_ name: String, _ label: String, _ value: String?, field: String? = nil) -> HTMLNode {
            Forms.field(
                name, label: label, value: value, type: "number",
                errors: errors.map { e in
                    var e = e
                    if e.field == field { e.field = name }
                    return e
                }, s: s)
        }
        return H.group([
            Layout.pageHead(title),
            Forms.summary(errors, s),
            Forms.form(
                action: action, csrf: viewer.csrf, cls: "card",
                [
                    Forms.field("name", label: s.surveyName, value: form.name, required: true, errors: errors, s: s),
                    H.div(
                        "row",
                        [
                            Forms.select(
                                "trigger", label: s.surveyTrigger, options: triggers, selected: form.trigger,
                                errors: errors, s: s),
                            number("interval_days", s.intervalDays, form.interval_days, field: "trigger.interval_days"),
                        ]),
                    H.el(
                        "fieldset", [("class", Forms.hasError("questions", errors) ? "invalid" : nil)],
                        [H.el("legend", [], [H.text(s.questionsLabel)]), H.p("hint", s.customWordingHint)]
                            + SurveyQuestion.Kind.allCases.map { kind in
                                Forms.checkbox(
                                    "questions[]", label: s.questionName(kind), checked: chosen.contains(kind.rawValue),
                                    value: kind.rawValue, id: "q-\(kind.rawValue)")
                            } + [Forms.errorText("questions", errors, s)]),
                    H.div(
                        "row",
                        [
                            number(
                                "sampling_percent", s.samplingPercent, form.sampling_percent, field: "sampling_rate"),
                            number("delay_minutes", s.delayMinutes, form.delay_minutes),
                            number("link_validity_days", s.linkDays, form.link_validity_days),
                        ]),
                    H.div(
                        "row",
                        [
                            number("follow_up_hours", s.followUpHours, form.follow_up_hours),
                            number("low_csat", s.lowCsat, form.low_csat, field: "low_scores.csat_at_most"),
                            number("low_nps", s.lowNps, form.low_nps, field: "low_scores.nps_at_most"),
                            number("high_ces", s.lowCes, form.high_ces, field: "low_scores.ces_at_least"),
                        ]),
                    Forms.checkbox("is_active", label: s.surveyActive, checked: form.is_active == "true"),
                    Forms.submit(s.save),
                ]),
        ])
    }

    static func invitations(
        viewer: ViewerContext, invitations: [SurveyInvitation], state: String?, names: [CustomerID: String],
        staffNames: [StaffID: String], now: Date
    ) -> HTMLNode {
        let s = viewer.s
        let tabs = H.el(
            "nav", [("class", "tabs"), ("aria-label", s.surveyInvitationsTitle)],
            [nil, "open", "answered", "expired"].map { key in
                H.el(
                    "a",
                    [
                        ("href", SiteURL.surveyInvitations(state: key).path),
                        ("aria-current", key == state ? "page" : nil),
                    ],
                    [
                        H.text(
                            key.flatMap(SurveyInvitation.State.init(rawValue:)).map(s.invitationState)
                                ?? s.t("Все", "All"))
                    ])
            })
        return H.group([
            Layout.pageHead(s.surveyInvitationsTitle),
            tabs,
            invitations.isEmpty
                ? H.p("empty", s.noInvitations)
                : H.table(
                    headers: [s.sendAtColumn, s.customer, s.servedBy, s.t("Состояние", "State"), s.expiresColumn],
                    rows: invitations.map { i in
                        [
                            H.a(
                                SiteURL.surveyInvitation(i.id.rawValue).path,
                                viewer.dateTime(i.sendAt, at: i.attribution.locationID)),
                            H.a(SiteURL.customer(i.customerID.rawValue).path, names[i.customerID] ?? s.none),
                            H.text(i.attribution.staffID.flatMap { staffNames[$0] } ?? s.none),
                            H.text(s.invitationState(i.state(at: now))),
                            H.text(viewer.dateTime(i.expiresAt, at: i.attribution.locationID)),
                        ]
                    }),
        ])
    }

    static func invitation(
        viewer: ViewerContext, invitation i: SurveyInvitation, definition: SurveyDefinition, customer: Customer,
        staffName: String?, now: Date, link: (url: String, message: String, address: String)?
    ) -> HTMLNode {
        let s = viewer.s
        let state = i.state(at: now)
        var items: [(String, HTMLNode)] = [
            (s.surveyName, H.text(definition.name)),
            (s.customer, H.a(SiteURL.customer(customer.id.rawValue).path, customer.name)),
            (s.servedBy, H.text(staffName ?? s.none)),
            (s.t("Канал", "Channel"), H.text(s.channelName(i.channel))),
            (s.sendAtColumn, H.text(viewer.dateTime(i.sendAt, at: i.attribution.locationID))),
            (s.expiresColumn, H.text(viewer.dateTime(i.expiresAt, at: i.attribution.locationID))),
            (s.t("Состояние", "State"), H.text(s.invitationState(state))),
        ]
        if let answered = i.answeredAt {
            items.append((s.answeredAt, H.text(viewer.dateTime(answered, at: i.attribution.locationID))))
        }
        var parts: [HTMLNode] = [
            Layout.pageHead(s.t("Приглашение в опрос", "Survey invitation")),
            H.el(
                "dl", [("class", "card facts")],
                items.flatMap { [H.el("dt", [], [H.text($0.0)]), H.el("dd", [], [$0.1])] }),
        ]
        if let link {
            parts.append(
                H.el(
                    "section", [("class", "card"), ("id", "survey-link")],
                    [
                        H.h2(s.linkToSend),
                        H.p(nil, s.sendTo + ": " + (link.address.isEmpty ? s.none : link.address)),
                        H.el("p", [], [H.el("a", [("href", link.url), ("id", "survey-url")], [H.text(link.url)])]),
                        H.el("label", [("for", "survey-message")], [H.text(s.messageToSend)]),
                        H.el(
                            "textarea", [("id", "survey-message"), ("rows", "3"), ("readonly", "")],
                            [H.text(link.message)]),
                    ]))
        } else if state == .open {
            parts.append(
                Forms.form(
                    action: SiteURL.renewSurveyLink(i.id.rawValue).path, csrf: viewer.csrf, cls: "card",
                    [H.p("hint", s.getLinkHint), Forms.submit(s.getLink)]))
        }
        return H.group(parts)
    }
}
