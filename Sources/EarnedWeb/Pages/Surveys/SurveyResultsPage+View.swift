import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation
import Plot

extension SurveyResultsPage {
    func body(viewer: ViewerContext) -> HTMLNode {
        let s = viewer.s
        let tabs = H.el(
            "nav", [("class", "tabs"), ("aria-label", s.surveyResultsTitle)],
            SurveyResults.Dimension.allCases.map { d in
                H.el(
                    "a",
                    [
                        ("href", SiteURL.surveys(by: d.rawValue, days: days).path),
                        ("aria-current", d == results.dimension ? "page" : nil),
                    ], [H.text(s.surveyGrouping(d.rawValue))])
            })
        let periods = H.el(
            "nav", [("class", "tabs"), ("aria-label", s.pages)],
            Self.periods.map { n in
                H.el(
                    "a",
                    [
                        ("href", SiteURL.surveys(by: results.dimension.rawValue, days: n).path),
                        ("aria-current", n == days ? "page" : nil),
                    ], [H.text(s.lastDays(n))])
            })
        var actions: [HTMLNode] = [H.a(SiteURL.surveyInvitations().path, s.surveyInvitationsTitle, cls: "button")]
        if mayManage { actions.append(H.a(SiteURL.surveyDefinitions.path, s.surveyDefinitionsTitle, cls: "button")) }
        let rows = results.groups.map { row($0, label: labels[$0.key] ?? s.none, s: s) }
        return H.group([
            Layout.pageHead(
                s.surveyResultsTitle,
                subtitle: s.surveyResultsHint + " " + Format.date(from, s.lang, zone: viewer.zone) + " — "
                    + Format.date(to, s.lang, zone: viewer.zone)),
            H.div("actions", actions),
            tabs, periods,
            results.total.answers == 0 && results.total.responseRate.sent == 0
                ? H.p("empty", s.noSurveyData)
                : H.table(
                    headers: [
                        s.surveyGrouping(results.dimension.rawValue), s.answersCount, s.responseRate, s.npsColumn,
                        s.csatColumn, s.cesColumn, s.fastEnoughColumn,
                    ],
                    rows: rows + [row(results.total, label: s.total, s: s)], numeric: [1]),
            H.p("muted small", s.npsMethod),
            speedSection(s),
            lowSection(viewer),
        ])
    }

    func row(_ g: SurveyResults.Group, label: String, s: Strings) -> [HTMLNode] {
        [
            H.text(label), H.text(Format.integer(g.answers, s.lang)),
            H.text(Self.share(g.responseRate.answered, of: g.responseRate.sent, s: s)),
            H.text(Self.nps(g.nps, s: s)),
            H.text(g.csat.map { Self.share($0.satisfied, of: $0.count, s: s) + mean($0.mean, s) } ?? s.notEnoughData),
            H.text(g.ces.map { Self.share($0.highEffort, of: $0.count, s: s) + mean($0.mean, s) } ?? s.notEnoughData),
            H.text(Self.share(g.fastEnough, of: g.fastEnoughAsked, s: s)),
        ]
    }

    func mean(_ value: Double, _ s: Strings) -> String {
        guard value.isFinite else { return "" }
        return s.t("; среднее ", "; mean ") + Self.decimal(value, s)
    }

    static func decimal(_ value: Double, _ s: Strings) -> String {
        let text = String(format: "%.1f", value)
        return s.lang == .ru ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// "34 % (28–41 %)", or "not enough data" under the minimum.
    static func share(_ successes: Int, of trials: Int, s: Strings) -> String {
        guard trials >= SurveyResults.minimumAnswers, let i = WilsonInterval(successes: successes, trials: trials)
        else {
            return trials == 0 ? s.notEnoughData : s.notEnoughData + " (\(successes)/\(trials))"
        }
        func pct(_ x: Double) -> String { "\(Int((x * 100).rounded()))" }
        return pct(i.estimate) + " % (" + pct(i.lower) + "–" + pct(i.upper) + " %)"
    }

    /// "+32 (+18…+46)", or "not enough data".
    static func nps(_ score: NetPromoterScore?, s: Strings) -> String {
        guard let score, score.count >= SurveyResults.minimumAnswers else {
            return score.map { s.notEnoughData + " (n = \($0.count))" } ?? s.notEnoughData
        }
        func signed(_ x: Double) -> String {
            let n = Int(x.rounded())
            return n > 0 ? "+\(n)" : "\(n)".replacingOccurrences(of: "-", with: "−")
        }
        return signed(score.score) + " (" + signed(score.lower) + "…" + signed(score.upper) + ")"
    }

    func speedSection(_ s: Strings) -> HTMLNode {
        guard !speed.isEmpty else { return H.empty }
        let channels = InboundContact.Channel.allCases.filter { c in speed.contains { $0.channel == c } }
        func median(_ values: [TimeInterval]) -> String {
            guard values.count >= SurveyResults.minimumAnswers else { return s.notEnoughData }
            let sorted = values.sorted()
            let mid = sorted.count / 2
            let m = sorted.count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
            return Format.duration(m, s.lang)
        }
        let rows: [[HTMLNode]] = channels.map { channel in
            let samples = speed.filter { $0.channel == channel }
            let fast = samples.filter(\.fastEnough)
            return [
                H.text(s.inboundChannel(channel)), H.text(Format.integer(samples.count, s.lang)),
                H.text(Self.share(fast.count, of: samples.count, s: s)),
                H.text(median(samples.compactMap(\.firstResponse))),
                H.text(median(fast.compactMap(\.firstResponse))),
                H.text(median(samples.filter { !$0.fastEnough }.compactMap(\.firstResponse))),
            ]
        }
        return H.el(
            "section", [("class", "card")],
            [
                H.h2(s.perceivedTitle), H.p("muted small", s.perceivedHint),
                H.table(
                    headers: [
                        s.surveyGrouping("channel"), s.answersCount, s.fastEnoughColumn, s.medianFirstReply,
                        s.medianWhenFast, s.medianWhenSlow,
                    ], rows: rows, numeric: [1]),
            ])
    }

    func lowSection(_ viewer: ViewerContext) -> HTMLNode {
        let s = viewer.s
        return H.el(
            "section", [("class", "card")],
            [
                H.h2(s.lowAnswersTitle),
                low.isEmpty
                    ? H.p("empty", s.noLowAnswers)
                    : H.table(
                        headers: [s.answeredAt, s.scores, s.servedBy, s.comment, s.openCase],
                        rows: low.map { r in
                            [
                                H.text(viewer.dateTime(r.answeredAt, at: r.attribution?.locationID)),
                                H.text(Self.scoreText(r.values)),
                                H.text(r.attribution?.staffID.flatMap { staffNames[$0] } ?? s.none),
                                H.text(r.values.comment ?? ""),
                                r.caseID.map { H.a(SiteURL.serviceCase($0.rawValue).path, s.openCase) } ?? H.empty,
                            ]
                        }),
            ])
    }

    static func scoreText(_ v: SurveyAnswerValues) -> String {
        [
            v.csat.map { "CSAT \($0)/5" }, v.nps.map { "NPS \($0)/10" }, v.ces.map { "CES \($0)/7" },
        ].compactMap { $0 }.joined(separator: ", ")
    }
}
