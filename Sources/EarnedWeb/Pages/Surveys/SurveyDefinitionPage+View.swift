import EarnedDomain
import EarnedStore
import Foundation
import Plot

extension SurveyDefinitionPage {
    var body: HTMLNode {
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
}
