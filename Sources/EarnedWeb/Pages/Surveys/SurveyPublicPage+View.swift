import EarnedDomain
import Plot
import Vapor

extension SurveyPublicPage {
    func body() -> HTMLNode {
        H.group([
            H.h1(s.surveyTitle),
            asker.map { H.p("asker", s.surveyAskedBy($0)) } ?? H.empty,
            H.p("muted", s.surveyIntro),
            Forms.summary(errors, s),
            Forms.form(
                action: action, csrf: csrf, cls: "survey",
                definition.questions.map(question) + [Forms.submit(s.surveySend, cls: "button primary wide")]),
        ])
    }

    func question(_ q: SurveyQuestion) -> HTMLNode {
        let text = q.text(in: language)
        switch q.kind {
        case .csat, .nps, .ces:
            let scale = q.kind.scale ?? 0...0
            let chosen = [.csat: values.csat, .nps: values.nps, .ces: values.ces][q.kind] ?? nil
            let ends = s.surveyScaleEnds(q.kind)
            return fieldset(
                q.kind.rawValue, legend: text,
                [
                    H.div(
                        "scale scale-\(scale.count)",
                        scale.map { n in
                            radio(q.kind.rawValue, value: String(n), label: String(n), checked: chosen == n)
                        }),
                    H.div("scale-ends", [H.span(nil, ends.low), H.span(nil, ends.high)]),
                ])
        case .shareOfWallet:
            return fieldset(
                q.kind.rawValue, legend: text,
                [
                    H.div(
                        "choices",
                        ShareOfWallet.allCases.map { share in
                            radio(
                                "share_of_wallet", value: share.rawValue, label: share.label(in: language),
                                checked: values.shareOfWallet == share.rawValue)
                        })
                ])
        case .fastEnough:
            return fieldset(
                q.kind.rawValue, legend: text,
                [
                    H.div(
                        "choices inline",
                        [
                            radio("fast_enough", value: "yes", label: s.surveyYes, checked: values.fastEnough == true),
                            radio("fast_enough", value: "no", label: s.surveyNo, checked: values.fastEnough == false),
                        ])
                ])
        case .freeText:
            return Forms.textarea("comment", label: text, value: values.comment, rows: 4, errors: renamed, s: s)
        case .quotePermission:
            return Forms.checkbox("may_quote", label: s.surveyQuote, checked: values.mayQuote == true)
        case .referralPermission:
            return Forms.checkbox("may_ask_referral", label: s.surveyReferral, checked: values.mayAskReferral == true)
        }
    }

    /// The comment's errors come back under the question's name; the form calls it `comment`.
    var renamed: [FieldError] {
        errors.map { error in
            var error = error
            if error.field == SurveyQuestion.Kind.freeText.rawValue { error.field = "comment" }
            return error
        }
    }

    func fieldset(_ name: String, legend: String, _ children: [HTMLNode]) -> HTMLNode {
        let invalid = Forms.hasError(name, errors)
        return H.el(
            "fieldset", [("class", invalid ? "invalid" : nil), ("id", "q-\(name)")],
            [H.el("legend", [], [H.text(legend)])] + children + [Forms.errorText(name, errors, s)])
    }

    func radio(_ name: String, value: String, label: String, checked: Bool) -> HTMLNode {
        let id = "\(name)-\(value)"
        return H.div(
            "choice",
            [
                H.void(
                    "input",
                    [("type", "radio"), ("id", id), ("name", name), ("value", value), ("checked", checked ? "" : nil)]),
                H.el("label", [("for", id)], [H.text(label)]),
            ])
    }

    /// A short page that says one thing: thanks, or why the link does not open a survey.
    static func notice(
        _ title: String, _ text: String, extra: String? = nil, link: (href: String, label: String)? = nil
    ) -> HTMLNode {
        H.group([
            H.h1(title), H.p(nil, text), extra.map { H.p(nil, $0) } ?? H.empty,
            link.map { H.el("p", [], [H.a($0.href, $0.label, cls: "button")]) } ?? H.empty,
        ])
    }

    /// The whole document: no header, no navigation, the page's language.
    static func document(_ content: HTMLNode, title: String, language: String) -> String {
        HTML(
            .lang(language == "en" ? .english : .russian),
            .head(
                .meta(.charset(.utf8)),
                .meta(.name("viewport"), .content("width=device-width, initial-scale=1")),
                .meta(.name("robots"), .content("noindex")),
                .raw("<title>" + H.escape(title) + "</title>"),
                .stylesheet(SiteURL.stylesheet.path),
                .raw("<link rel=\"icon\" href=\"data:,\">")
            ),
            .body(.class("public"), .group([H.el("main", [("id", "main"), ("class", "public")], [content])]))
        ).render()
    }
}
