import EarnedAnalytics
import EarnedDomain
import EarnedServices
import Vapor

extension ScorecardPage {
    func body(_ viewer: ViewerContext, now: Date) -> HTMLNode {
        let s = viewer.s
        let scopeKey = filter.scope.key
        var subtitle = filter.label(filter.scope)
        if let card {
            subtitle +=
                " · " + Format.date(card.start, s.lang, zone: viewer.zone) + " — "
                + Format.date(card.end, s.lang, zone: viewer.zone)
        }
        if let computedAt { subtitle += " · " + s.computedWhen(Format.relative(computedAt, now: now, s.lang)) }
        let tables = Dictionary(tables(viewer).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func export(_ id: String) -> String {
            SiteURL.scorecard(scope: scopeKey, period: filter.days, rank: rankParameter, export: id).path
        }
        return H.group([
            Layout.pageHead(s.scorecardTitle, subtitle: subtitle),
            filters(viewer),
            card.map { card in
                H.group([
                    picture(card, viewer),
                    H.el(
                        "section", [("aria-labelledby", "steps-heading")],
                        [
                            H.el("h2", [("id", "steps-heading")], [H.text(s.tenSteps)]),
                            H.el("ul", [("class", "step-grid")], card.figures.map { stepCard($0, viewer) }),
                        ]),
                    tables["team"].map { table in
                        H.el(
                            "section", [("class", "card")],
                            [H.h2(table.caption), table.html(exportHref: export("team"), exportLabel: s.downloadCSV)])
                    } ?? H.empty,
                    tables["people"].map { table in
                        H.el(
                            "section", [("class", "card")],
                            [
                                H.h2(table.caption), rankPicker(viewer),
                                H.p("muted small", s.rankingRule(Scorecard.minimumSample)),
                                table.html(exportHref: export("people"), exportLabel: s.downloadCSV),
                            ])
                    } ?? H.empty,
                    H.el(
                        "details", [("class", "card numbers")],
                        [
                            H.el("summary", [], [H.text(s.allFiguresAsTable)]),
                            tables["steps"]!.html(exportHref: export("steps"), exportLabel: s.downloadCSV),
                        ]),
                ])
            } ?? H.p("empty", s.noScoresYet),
        ])
    }

    var rankParameter: String? {
        if case .team = filter.scope { rankStep.rawValue } else { nil }
    }

    func filters(_ viewer: ViewerContext) -> HTMLNode {
        let s = viewer.s
        return H.el(
            "form", [("class", "filters"), ("method", "get"), ("action", SiteURL.scorecard().path)],
            [
                Forms.select(
                    "scope", label: s.whoseFigures,
                    options: filter.choices.map { ($0.scope.key, $0.label) }, selected: filter.scope.key,
                    errors: [], s: s),
                Forms.select(
                    "period", label: s.periodLabel,
                    options: Score.scorecardPeriodDays.map { (String($0), s.lastDays($0)) },
                    selected: String(filter.days), errors: [], s: s),
                Forms.submit(s.show, cls: "button"),
            ])
    }

    func rankPicker(_ viewer: ViewerContext) -> HTMLNode {
        let s = viewer.s
        return H.el(
            "form", [("class", "filters"), ("method", "get"), ("action", SiteURL.scorecard().path)],
            [
                H.void("input", [("type", "hidden"), ("name", "scope"), ("value", filter.scope.key)]),
                H.void("input", [("type", "hidden"), ("name", "period"), ("value", String(filter.days))]),
                Forms.select(
                    "rank", label: s.rankBy,
                    options: ScorecardStep.allCases.map { ($0.rawValue, s.stepName($0)) },
                    selected: rankStep.rawValue, errors: [], s: s),
                Forms.submit(s.show, cls: "button"),
            ])
    }

    /// One step: the figure with its interval and sample, the change, the trend, the records.
    func stepCard(_ f: ScorecardFigure, _ viewer: ViewerContext) -> HTMLNode {
        let s = viewer.s
        let values = f.trend.map(\.value) + [f.estimate?.value]
        let records = SiteURL.scorecardRecords(
            step: f.step.rawValue, scope: filter.scope.key, period: filter.days,
            result: f.kind == .share ? "missed" : nil)
        return H.el(
            "li", [("class", "step-card")],
            [
                H.el("h3", [], [H.text(s.stepName(f.step))]),
                H.p("muted small", s.stepMeasure(f.step)),
                H.el(
                    "p", [("class", "figure" + (f.hasEnoughData ? "" : " no-data"))],
                    [H.text(f.hasEnoughData ? s.figureValue(f) : s.notEnoughData)]),
                H.p("small", s.figureInterval(f) + " · " + s.sampleText(f)),
                H.group(s.detailLines(f).map { H.p("small", $0) }),
                changeBadge(f, s),
                values.contains { $0 != nil }
                    ? DashboardCharts.sparkline(
                        values, id: "trend-\(f.step.rawValue)", title: s.trendTitle(s.stepName(f.step)),
                        description: values.map { $0.map { s.value($0, kind: f.kind) } ?? "–" }.joined(
                            separator: " → "))
                    : H.empty,
                f.sampleSize > 0
                    ? H.a(records.path, f.kind == .share ? s.seeMissedRecords : s.seeRecords, cls: "small")
                    : H.empty,
            ])
    }

    func changeBadge(_ f: ScorecardFigure, _ s: Strings) -> HTMLNode {
        guard let change = f.change else { return H.p("small muted", s.noComparison) }
        let tone: String
        let word: String
        if change.lower > 0 {
            tone = "good"
            word = "▲ " + s.better
        } else if change.upper < 0 {
            tone = "bad"
            word = "▼ " + s.worse
        } else {
            tone = "neutral"
            word = s.noClearChange
        }
        return H.el(
            "p", [("class", "small")], [H.badge(word, tone: tone), H.text(" " + s.changeText(f))])
    }

    /// "Good service + reliability = potential loyalty" (T9): each part's satisfied share
    /// against its on-time share, with the scope's own figures as the dividing lines.
    func picture(_ card: Scorecard, _ viewer: ViewerContext) -> HTMLNode {
        let s = viewer.s
        let quality = card.figure(.qualityService)?.estimate
        let reliability = card.figure(.neverLate)?.estimate
        // Each part beneath, then the scope itself, emphasised.
        let points = (parts.map { ($0.scope, $0.card, false) } + [(filter.scope, card, true)]).compactMap {
            scope, card, emphasis -> QuadrantChart.Dot? in
            guard let q = card.figure(.qualityService)?.estimate, let r = card.figure(.neverLate)?.estimate else {
                return nil
            }
            return QuadrantChart.Dot(
                label: filter.label(scope), x: r.value, y: q.value, xInterval: r.lower...r.upper,
                yInterval: q.lower...q.upper, emphasis: emphasis)
        }
        let summary = s.serviceReliabilitySummary(quality: quality, reliability: reliability)
        return H.el(
            "section", [("class", "card"), ("aria-labelledby", "t9-heading")],
            [
                H.el("h2", [("id", "t9-heading")], [H.text(s.serviceAndReliability)]),
                H.p(nil, summary),
                points.isEmpty
                    ? H.p("muted", s.notEnoughDataForPicture)
                    : DashboardCharts.quadrant(
                        points, id: "t9", title: s.serviceAndReliability, description: summary,
                        xTitle: s.stepName(.neverLate), yTitle: s.stepName(.qualityService),
                        xLine: reliability?.value ?? 0.9, yLine: quality?.value ?? 0.8,
                        captions: s.quadrantCaptions, format: { s.percent($0) }),
            ])
    }
}
