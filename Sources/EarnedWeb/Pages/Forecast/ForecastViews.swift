import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation

/// The pieces of the program forecaster's pages: the inputs, the verdict with its charts and
/// tables, the save form and the list of saved forecasts.
enum ForecastViews {
    // MARK: Money and numbers

    /// Money in whole currency units, as the viewer reads it.
    static func money(_ minor: Double, currency: String?, _ s: Strings) -> String {
        Format.wholeMoney(minor, currency: currency, s.lang)
    }

    /// A short axis label for major currency units: "1,2 млн", "350 тыс." / "1.2M", "350k".
    static func compact(_ major: Double, _ s: Strings) -> String {
        let sign = major < 0 ? "−" : ""
        let x = abs(major)
        if x >= 1e6 { return sign + s.decimal(x / 1e6, digits: x >= 1e7 ? 0 : 1) + s.t("\u{00A0}млн", "M") }
        if x >= 1e3 { return sign + s.decimal(x / 1e3, digits: 0) + s.t("\u{00A0}тыс.", "k") }
        return sign + s.decimal(x, digits: 0)
    }

    // MARK: Form

    static func form(
        _ viewer: ViewerContext, _ form: ForecastForm, errors: [FieldError], baseline: ForecastBaseline
    ) -> HTMLNode {
        let s = viewer.s
        // Decimals as the reader writes them: "12,5" on Russian pages (the form reads both).
        func shown(_ name: String) -> String? {
            viewer.lang == .ru ? form[name]?.replacingOccurrences(of: ".", with: ",") : form[name]
        }
        func field(_ name: String, _ label: String, hint: String? = nil) -> HTMLNode {
            Forms.field(
                name, label: label, value: shown(name), hint: hint, errors: errors, s: s,
                attributes: [("inputmode", "decimal")])
        }
        func spread(_ name: String, _ label: String) -> HTMLNode {
            let invalid = Forms.hasError(name, errors)
            return H.el(
                "fieldset", [("class", "spread" + (invalid ? " invalid" : ""))],
                [H.el("legend", [], [H.text(label)])]
                    + zip(ForecastForm.spreadParts, [s.low, s.likely, s.high]).map { part, word in
                        let id = "\(name).\(part)"
                        return H.div(
                            "field",
                            [
                                H.el("label", [("for", id)], [H.text(word)]),
                                H.void(
                                    "input",
                                    [
                                        ("type", "text"), ("id", id), ("name", id), ("value", shown(id) ?? ""),
                                        ("inputmode", "decimal"), ("aria-invalid", invalid ? "true" : nil),
                                    ]),
                            ])
                    } + [Forms.errorText(name, errors, s)])
        }
        /// A part of the form; `kinds` names the programs it belongs to (nil: every program).
        func section(_ title: String, kinds: String? = nil, _ children: [HTMLNode]) -> HTMLNode {
            H.el(
                "fieldset", [("class", "card form-section"), ("data-kinds", kinds)],
                [H.el("legend", [], [H.text(title)])] + children)
        }
        let unit = ", " + Format.currencySymbol(baseline.currency ?? "RUB")
        let onTimeNow = baseline.onTime.map { s.percent($0.share) } ?? "–"
        let repliesNow = baseline.replies.map { s.percent($0.share) } ?? "–"
        return Forms.form(
            action: SiteURL.forecast.path, csrf: viewer.csrf, cls: "forecast-form",
            [
                Forms.summary(errors, s),
                section(
                    s.programSection,
                    [
                        Forms.select(
                            "kind", label: s.kindLabel,
                            options: ProgramScenario.Kind.allCases.map { ($0.rawValue, s.kindName($0)) },
                            selected: form["kind"], errors: errors, s: s),
                        H.el(
                            "div", [("class", "kind-part"), ("data-kinds", "discount cashback")],
                            [field("reward_rate", s.rewardRateLabel)]),
                    ]),
                section(
                    s.pointsSection, kinds: "points",
                    [
                        field("points.per_unit", s.pointsPerUnitLabel),
                        field("points.value_minor", s.pointValueLabel + unit),
                        field("points.expiry_months", s.expiryLabel),
                        field("points.redemption_lag_months", s.lagLabel), spread("points.breakage", s.breakageLabel),
                    ]),
                section(
                    s.tiersSection, kinds: "tiers",
                    (0..<ForecastForm.tierRows).map { i in
                        H.div(
                            "tier-row",
                            [
                                H.p("tier-name", s.tierLabel(i + 1)),
                                field("tiers.\(i).minimum_yearly_spend_minor", s.tierThresholdLabel + unit),
                                field("tiers.\(i).rate", s.tierRateLabel),
                            ])
                    } + [Forms.errorText("tiers", errors.filter { $0.field == "tiers" }, s)]),
                section(
                    s.whoSection,
                    [
                        H.el(
                            "fieldset", [("class", "checks")],
                            [H.el("legend", [], [H.text(s.eligibleLabel)])]
                                + LoyaltySegment.allCases.map { segment in
                                    Forms.checkbox(
                                        "eligible.\(segment.rawValue)", label: s.segmentName(segment.rawValue),
                                        checked: form.isOn("eligible.\(segment.rawValue)"))
                                }),
                        spread("participation", s.participationLabel),
                    ]),
                section(
                    s.effectsSection,
                    [
                        H.p("hint", s.effectsGuess), spread("retention_uplift", s.retentionLabel),
                        spread("frequency_uplift", s.frequencyLabel), spread("spend_uplift", s.spendLabel),
                    ]),
                section(
                    s.moneySection,
                    [
                        field("gross_margin", s.marginLabel), field("monthly_cost_minor", s.monthlyCostLabel + unit),
                        field("setup_cost_minor", s.setupCostLabel + unit), field("horizon_months", s.horizonLabel),
                        field("discount_rate", s.discountRateLabel),
                        field("acquisition_multiple", s.acquisitionLabel, hint: s.acquisitionNote),
                    ]),
                section(
                    s.withdrawalSection,
                    [
                        Forms.checkbox("withdrawal.on", label: s.withdrawalOn, checked: form.isOn("withdrawal.on")),
                        field("withdrawal.month", s.withdrawalMonthLabel),
                        spread("withdrawal.churn_spike", s.spikeLabel),
                    ]),
                section(
                    s.serviceSection,
                    [
                        Forms.checkbox("service.on", label: s.serviceOn, checked: form.isOn("service.on")),
                        field("service.on_time_target", s.onTimeTargetLabel(onTimeNow)),
                        field("service.replies_target", s.repliesTargetLabel(repliesNow)),
                        field("service.monthly_cost_minor", s.serviceMonthlyLabel + unit),
                        field("service.setup_cost_minor", s.serviceSetupLabel + unit),
                    ]),
                section(s.simulationSection, [field("runs", s.runsLabel), field("seed", s.seedLabel)]),
                H.div("actions", [Forms.submit(s.runForecast)]),
            ])
    }

    // MARK: Results

    /// The verdict, the charts and the tables of a forecast. `exportBase` is the page a CSV
    /// download of a table comes from (saved forecasts only).
    static func results(
        _ viewer: ViewerContext, _ d: Forecasting.Document, exportBase: String?, now: Date
    ) -> HTMLNode {
        let s = viewer.s
        let r = d.result
        let currency = d.baseline.currency
        let tables = Dictionary(tables(viewer, d).map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func table(_ id: String) -> HTMLNode {
            guard let t = tables[id] else { return H.empty }
            return t.html(exportHref: exportBase.map { $0 + "?export=" + id }, exportLabel: s.downloadCSV)
        }
        let verdict = s.forecastVerdict(r, d.scenario) { money($0, currency: currency, s) }
        // Both fans on one scale, so their heights compare.
        let bands = r.program.cumulative + (r.service?.outcome.cumulative ?? [])
        let low = min(0, bands.map(\.p10).min() ?? 0) / 100
        let high = max(0, bands.map(\.p90).max() ?? 0) / 100
        let pad = max(1, (high - low) * 0.05)
        let domain = (low - pad)...(high + pad)
        func fan(_ bands: [ForecastResult.Band], id: String, title: String) -> HTMLNode {
            let description = s.t(
                "Медиана к концу: \(money(bands.last?.p50 ?? 0, currency: currency, s)); 80 % прогонов между \(money(bands.last?.p10 ?? 0, currency: currency, s)) и \(money(bands.last?.p90 ?? 0, currency: currency, s)).",
                "Median at the end: \(money(bands.last?.p50 ?? 0, currency: currency, s)); 80 % of runs between \(money(bands.last?.p10 ?? 0, currency: currency, s)) and \(money(bands.last?.p90 ?? 0, currency: currency, s))."
            )
            return DashboardCharts.dual(id) { width, id in
                TrendChart(
                    labels: bands.map { String($0.month) }, values: bands.map { $0.p50 / 100 },
                    lower: bands.map { $0.p10 / 100 }, upper: bands.map { $0.p90 / 100 }, reference: 0, domain: domain,
                    format: { compact($0, s) }, xTitle: s.monthAxis, yTitle: currency ?? "", lineText: s.fanLine,
                    bandText: s.fanBand, referenceText: s.breakEvenLine, title: title, summary: description,
                    emptyText: s.notEnoughData, width: width
                ).svg(id: id)
            }
        }
        func histogram(_ pick: (ForecastResult.Bin) -> Int, npv: ForecastResult.Quantiles, id: String, title: String)
            -> HTMLNode
        {
            let bins = r.histogram.map {
                HistogramChart.Bin(lower: $0.lower / 100, upper: $0.upper / 100, count: pick($0))
            }
            let description = s.t(
                "NPV по \(s.runs(r.runs)): P10 \(money(npv.p10, currency: currency, s)), медиана \(money(npv.p50, currency: currency, s)), P90 \(money(npv.p90, currency: currency, s)).",
                "NPV over \(s.runs(r.runs)): P10 \(money(npv.p10, currency: currency, s)), median \(money(npv.p50, currency: currency, s)), P90 \(money(npv.p90, currency: currency, s))."
            )
            return DashboardCharts.dual(id) { width, id in
                HistogramChart(
                    bins: bins,
                    markers: [.init(value: 0, label: s.breakEvenLine), .init(value: npv.p50 / 100, label: s.fanLine)],
                    format: { compact($0, s) }, xTitle: "NPV, " + (currency ?? ""), yTitle: s.runsAxis, title: title,
                    summary: description, emptyText: s.notEnoughData, width: width
                ).svg(id: id)
            }
        }
        func h3(_ text: String) -> HTMLNode { H.el("h3", [], [H.text(text)]) }
        var charts: [HTMLNode] = [
            H.h2(s.fanTitle), h3(s.programSection),
            fan(r.program.cumulative, id: "fan-program", title: s.fanTitle + " — " + s.programColumn),
            r.liability.isEmpty ? H.empty : H.p("hint", s.pointsSettledNote),
        ]
        if let service = r.service {
            charts.append(h3(s.serviceSection))
            charts.append(
                fan(service.outcome.cumulative, id: "fan-service", title: s.fanTitle + " — " + s.serviceColumn))
        }
        charts += [
            H.h2(s.histogramTitle), h3(s.programSection),
            histogram(
                \.program, npv: r.program.npv, id: "npv-program", title: s.histogramTitle + " — " + s.programColumn),
        ]
        if let service = r.service {
            charts.append(h3(s.serviceSection))
            charts.append(
                histogram(
                    \.service, npv: service.outcome.npv, id: "npv-service",
                    title: s.histogramTitle + " — " + s.serviceColumn))
        }
        var sections: [HTMLNode] = [
            H.el(
                "section", [("class", "card verdict"), ("aria-labelledby", "verdict-title")],
                [H.el("h2", [("id", "verdict-title")], [H.text(s.resultSection)])]
                    + [H.el("ul", [], verdict.map { H.el("li", [], [H.text($0)]) })]),
            H.el("section", [("class", "card")], charts),
            H.el("section", [("class", "card")], [H.h2(s.figuresSection), table("figures")]),
            H.el("section", [("class", "card")], [H.h2(s.leakBySegmentTitle), table("leak")]),
        ]
        if !r.liability.isEmpty {
            sections.append(
                H.el(
                    "section", [("class", "card")],
                    [
                        H.h2(s.liabilityTitle), H.p("hint", s.liabilityNote),
                        DashboardCharts.dual("liability") { width, id in
                            TrendChart(
                                labels: r.liability.map { String($0.month) }, values: r.liability.map { $0.p50 / 100 },
                                lower: r.liability.map { $0.p10 / 100 }, upper: r.liability.map { $0.p90 / 100 },
                                format: { compact($0, s) }, xTitle: s.monthAxis, yTitle: currency ?? "",
                                lineText: s.fanLine, bandText: s.fanBand, title: s.liabilityTitle,
                                summary: s.liabilityNote, emptyText: s.notEnoughData, width: width
                            ).svg(id: id)
                        },
                        H.el(
                            "details", [("class", "numbers")],
                            [H.el("summary", [], [H.text(s.showNumbers)]), table("liability")]),
                    ]))
        }
        sections.append(
            H.el(
                "section", [("class", "card")],
                [
                    H.h2(s.baselineSection),
                    H.p(nil, s.baselineOf(Format.dateTime(d.baseline.computedAt, s.lang, zone: viewer.zone))),
                    H.p("hint", s.baselineNote), table("baseline"),
                ]))
        return H.group(sections)
    }

    /// The forecast's numbers as tables (each also a CSV on a saved forecast's page).
    static func tables(_ viewer: ViewerContext, _ d: Forecasting.Document) -> [DataTable] {
        let s = viewer.s
        let r = d.result
        let currency = d.baseline.currency
        func m(_ x: Double) -> DataTable.Cell { .init(money(x, currency: currency, s)) }
        func count(_ x: Double) -> DataTable.Cell { .init(Format.integer(Int(x.rounded()), s.lang)) }
        func row(_ name: String, _ q: ForecastResult.Quantiles, _ cell: (Double) -> DataTable.Cell) -> [DataTable.Cell]
        {
            [.init(name), cell(q.p10), cell(q.p50), cell(q.p90)]
        }
        func share(_ name: String, _ p: Double) -> [DataTable.Cell] {
            [.init(name), .init(""), .init(s.probability(p)), .init("")]
        }
        var figures: [[DataTable.Cell]] = [
            row(s.programColumn + ": " + s.npvRow, r.program.npv, m),
            share(s.programColumn + ": " + s.lossRow, r.program.probabilityOfLoss),
            row(s.extraMarginRow, r.program.extraMargin, m), row(s.costsRow, r.program.costs, m),
            row(s.leakRow, r.subsidyLeak, m), row(s.membersRow, r.members, count),
            row(s.keptRow, r.customersKept, count),
            row(s.retentionCostRow, r.retentionCostPerMember, m),
            row(s.acquisitionCostRow, r.acquisitionCostPerCustomer, m),
            row(s.replacementRow, r.replacementValue, m),
        ]
        if let w = r.withdrawal {
            figures += [
                row(s.withdrawalNPVRow, w.npv, m), share(s.withdrawalNPVRow + ": " + s.lossRow, w.probabilityOfLoss),
                row(s.withdrawalCostRow, w.cost, m), row(s.customersLostRow, w.customersLost, count),
            ]
        }
        if let service = r.service {
            figures += [
                row(s.serviceColumn + ": " + s.npvRow, service.outcome.npv, m),
                share(s.serviceColumn + ": " + s.lossRow, service.outcome.probabilityOfLoss),
                row(s.serviceColumn + ": " + s.extraMarginRow, service.outcome.extraMargin, m),
                row(s.serviceColumn + ": " + s.costsRow, service.outcome.costs, m),
            ]
        }
        if let service = r.serviceByModel {
            figures += [
                row(s.serviceByModelColumn + ": " + s.npvRow, service.outcome.npv, m),
                share(s.serviceByModelColumn + ": " + s.lossRow, service.outcome.probabilityOfLoss),
            ]
        }
        let leak = LoyaltySegment.allCases.compactMap { segment -> [DataTable.Cell]? in
            guard let value = r.subsidyLeakBySegment[segment.rawValue] else { return nil }
            return [.init(s.segmentName(segment.rawValue)), m(value)]
        }
        let liability = r.liability.map { b in [.init(String(b.month)), m(b.p10), m(b.p50), m(b.p90)] }
        let baseline = d.baseline.cohorts.map { c -> [DataTable.Cell] in
            [
                .init(s.segmentName(c.segment.rawValue)), .init(Format.integer(c.customers, s.lang)),
                count(c.activeCustomers), .init(s.decimal(c.monthlyPurchaseRate, digits: 3)),
                .init(s.decimal(c.monthlyChurn * 100, digits: 1) + "\u{00A0}%"), m(c.averageOrderMinor),
            ]
        }
        return [
            DataTable(
                id: "figures", caption: s.figuresSection, headers: [s.figureColumnName] + s.quantilesColumns,
                rows: figures, numeric: [1, 2, 3]),
            DataTable(
                id: "leak", caption: s.leakBySegmentTitle, headers: [s.segmentColumnName, s.meanColumn], rows: leak,
                numeric: [1]),
            DataTable(
                id: "liability", caption: s.liabilityTitle, headers: [s.monthColumn] + s.quantilesColumns,
                rows: liability, numeric: [0, 1, 2, 3]),
            DataTable(
                id: "baseline", caption: s.baselineSection,
                headers: [
                    s.segmentColumnName, s.customersColumn, s.activeColumn, s.purchasesColumn, s.churnColumn,
                    s.orderColumn,
                ], rows: baseline, numeric: [1, 2, 3, 4, 5]),
        ]
    }

    /// The form that saves what was just run: the scenario travels as JSON and is run again
    /// (the same seed gives the same result) on the server.
    static func saveForm(_ viewer: ViewerContext, scenario: ProgramScenario, name: String?, errors: [FieldError])
        -> HTMLNode
    {
        let s = viewer.s
        let json = (try? String(decoding: JSONEncoder().encode(scenario), as: UTF8.self)) ?? "{}"
        return H.el(
            "section", [("class", "card")],
            [
                H.h2(s.saveAs),
                Forms.form(
                    action: SiteURL.forecastSave.path, csrf: viewer.csrf, cls: "inline-form",
                    [
                        H.void("input", [("type", "hidden"), ("name", "scenario"), ("value", json)]),
                        Forms.field(
                            "name", label: s.forecastName, value: name, required: true, errors: errors, s: s,
                            attributes: [("maxlength", String(ForecastStore.nameLimit))]),
                        Forms.submit(s.saveForecast),
                    ]),
            ])
    }

    // MARK: Saved forecasts

    static func savedList(_ viewer: ViewerContext, _ rows: [SavedForecast]) -> HTMLNode {
        let s = viewer.s
        guard !rows.isEmpty else { return H.p("empty", s.noSavedForecasts) }
        return H.table(
            caption: s.savedForecastsTitle,
            headers: [s.forecastName, s.kindLabel, s.t("Сохранён", "Saved"), "NPV P50", s.lossRow],
            rows: rows.map { row in
                [
                    H.a(SiteURL.forecastSaved(row.id).path, row.name),
                    H.text(ProgramScenario.Kind(rawValue: row.kind).map(s.kindName) ?? row.kind),
                    H.text(Format.dateTime(row.createdAt, s.lang, zone: viewer.zone)),
                    H.text(money(Double(row.npvP50Minor), currency: row.currency, s)),
                    H.badge(s.probability(row.probabilityOfLoss), tone: verdictTone(row.verdict)),
                ]
            }, numeric: [3, 4])
    }

    static func verdictTone(_ verdict: String) -> String {
        switch ForecastResult.Verdict(rawValue: verdict) {
        case .pays: "good"
        case .loses: "bad"
        case .risky, nil: "warn"
        }
    }
}
