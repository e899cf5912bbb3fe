import EarnedDomain
import EarnedStore
import Foundation
import Plot

extension SurveyDefinitionsPage {
    var body: HTMLNode {
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
                            H.text(SurveyViews.trigger(d.trigger, s)),
                            H.text(d.questions.map { $0.kind.rawValue.uppercased() }.joined(separator: ", ")),
                            H.text("\(Int((d.samplingRate * 100).rounded())) %"),
                        ]
                    }, numeric: [3]),
        ])
    }
}
