import EarnedAnalytics
import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// Who is truly loyal and who only buys on discount (PRODUCT.md J, K): segment sizes and how
/// they moved, the share of repeat buying bought with discounts, the spread of lifetime value,
/// customers at risk, each segment's customers with the reason and the next action, and the
/// referral circle — from the last score run.
struct LoyaltyPage: Sendable {
    static let pageSize = 50

    var summary: LoyaltySummary?
    /// The lifetime models of the same run: the chosen model, its validation, the totals with
    /// their intervals and the service effects.
    var lifetime: LifetimeSummary?
    var computedAt: Date?
    var segment: LoyaltySegment
    var page: Int
    var customers: [ScoredCustomer]
    var atRisk: [ScoredCustomer]
    var referrers: [LoyaltySummary.ReferralFigures.Referrer]
    var names: [CustomerID: String]

    static func load(_ req: Request, viewer: ViewerContext) async throws -> LoyaltyPage {
        try Policy.require(viewer.staff, .viewBusinessAnalytics)
        let store = ScoreStore(db: req.database)
        let found = try await req.application.earned.snapshots.value(
            LoyaltySummary.self, key: LoyaltySummary.key, db: req.database)
        let segment = try req.choice(LoyaltySegment.self, at: "segment") ?? .spuriousLoyalty
        let page = try req.pageNumber()
        let customers = try await store.scoredCustomers(
            segment: segment.rawValue, atRiskOnly: false, limit: pageSize, offset: (page - 1) * pageSize)
        let atRisk = try await store.scoredCustomers(segment: nil, atRiskOnly: true, limit: 20)
        let referrers = found?.0.referrals?.top ?? []
        let names = try await req.customers.names(referrers.map(\.customerID), s: viewer.s)
        let run = try await req.application.earned.snapshots.value(
            Score.RunSummary.self, key: Score.runKey, db: req.database)
        return LoyaltyPage(
            summary: found?.0, lifetime: run?.0.lifetime, computedAt: found?.1, segment: segment, page: page,
            customers: customers,
            atRisk: atRisk, referrers: referrers, names: names)
    }

    /// A customer's assessment as the score run stored it.
    static func assessment(_ c: ScoredCustomer) -> LoyaltyAssessment? {
        try? ScoreStore.decode(LoyaltyAssessment.self, document: c.score.document)
    }

    func money(_ minor: Int64?, _ currency: String?, _ s: Strings) -> String {
        guard let minor, let currency else { return s.none }
        return Format.money(Money(minorUnits: minor, currency: currency), s.lang)
    }

    func customerTable(id: String, caption: String, _ list: [ScoredCustomer], _ s: Strings) -> DataTable {
        DataTable(
            id: id, caption: caption,
            headers: [
                s.customerColumn, s.segmentColumn, s.reasonColumn, s.nextActionColumn, s.pAliveColumn,
                s.lifetimeValueColumn,
            ],
            rows: list.map { c in
                let a = Self.assessment(c)
                return [
                    .init(c.name, href: SiteURL.customer(c.score.customerID.rawValue).path),
                    .init(s.segmentName(c.score.segment)),
                    .init(a.map { s.reasonText($0.reason) } ?? s.none),
                    .init(a.map { s.actionText($0.nextAction) } ?? s.none),
                    .init(c.score.probabilityAlive.map { s.percent($0) } ?? s.none),
                    .init(money(c.score.lifetimeValueMinor, c.score.currency, s)),
                ]
            }, numeric: [4, 5])
    }

    func tables(_ viewer: ViewerContext) -> [DataTable] {
        let s = viewer.s
        guard let summary else { return [] }
        var tables: [DataTable] = [
            DataTable(
                id: "segments", caption: s.segmentSizes,
                headers: [s.segmentColumn, s.customersColumn, s.shareColumn],
                rows: LoyaltySegment.allCases.map { seg in
                    let n = summary.counts[seg.rawValue] ?? 0
                    return [
                        .init(s.segmentName(seg.rawValue), href: SiteURL.loyalty(segment: seg.rawValue).path),
                        .init(Format.integer(n, s.lang)),
                        .init(summary.customers > 0 ? s.percent(Double(n) / Double(summary.customers)) : "–"),
                    ]
                }, numeric: [1, 2]),
            customerTable(id: "segment", caption: s.segmentCustomers(s.segmentName(segment.rawValue)), customers, s),
            customerTable(id: "at-risk", caption: s.atRiskTitle, atRisk, s),
        ]
        if let m = summary.movement {
            tables.append(
                DataTable(
                    id: "movement", caption: s.movementTitle(Format.date(m.since, s.lang, zone: viewer.zone)),
                    headers: [s.thenNow] + m.columns.map(s.segmentName),
                    rows: m.rows.enumerated().map { k, row in
                        [.init(s.segmentName(row))] + m.counts[k].map { .init(Format.integer($0, s.lang)) }
                    }, numeric: Set(1...m.columns.count)))
        }
        if let d = summary.lifetimeValue {
            tables.append(
                DataTable(
                    id: "lifetime-value", caption: s.lifetimeValueSpread,
                    headers: [s.fromColumn, s.toColumn, s.customersColumn],
                    rows: d.bins.map { b in
                        [
                            .init(money(Int64(b.lower.rounded()), d.currency, s)),
                            .init(b.upper.map { money(Int64($0.rounded()), d.currency, s) } ?? s.andMore),
                            .init(Format.integer(b.count, s.lang)),
                        ]
                    }, numeric: [0, 1, 2]))
        }
        if let v = lifetime?.validation, let chosen = v.chosenResult {
            tables.append(
                DataTable(
                    id: "holdout", caption: s.holdoutTableCaption,
                    headers: [s.calibrationPurchasesColumn, s.customersColumn, s.actualColumn, s.forecastColumn],
                    rows: chosen.table.map { row in
                        [
                            .init(row.orMore ? s.orMore(row.frequency) : Format.integer(row.frequency, s.lang)),
                            .init(Format.integer(row.customers, s.lang)), .init(s.decimal(row.actual)),
                            .init(s.decimal(row.predicted)),
                        ]
                    }, numeric: [0, 1, 2, 3]))
            tables.append(
                DataTable(
                    id: "tracking", caption: s.trackingTitle,
                    headers: [s.weekEndingColumn, s.trackingActual, s.trackingModel],
                    rows: chosen.tracking.map { week in
                        [
                            .init(Format.date(LifetimePageParts.date(ofDay: week.endDay), s.lang, zone: .gmt)),
                            .init(Format.integer(Int(week.actual), s.lang)),
                            .init(s.decimal(week.predicted, digits: 1)),
                        ]
                    }, numeric: [1, 2]))
        }
        tables.append(
            DataTable(
                id: "referrers", caption: s.topReferrers,
                headers: [s.customerColumn, s.referredColumn, s.referredValueColumn],
                rows: referrers.map { r in
                    [
                        .init(names[r.customerID] ?? viewer.s.none, href: SiteURL.customer(r.customerID.rawValue).path),
                        .init(Format.integer(r.referred, s.lang)),
                        .init(money(r.referredValueMinor, summary.lifetimeValue?.currency, s)),
                    ]
                }, numeric: [1, 2]))
        return tables
    }
}
