import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation
import Plot
import Vapor

/// Promises kept on time, per person, team, location, kind or period, with a 95 % interval;
/// fewer than `minimumDecided` decided promises is "not enough data", not a rate.
struct OnTimeReport {
    enum Grouping: String, CaseIterable, Sendable {
        case owner, team, location, kind, month, week
    }

    struct Row: Sendable {
        var key: String
        var label: String
        var tally: OnTimeTally
        var interval: WilsonInterval?
    }

    static let minimumDecided = 10

    var grouping: Grouping
    var from: Date
    var to: Date
    var rows: [Row]

    static func load(_ req: Request, viewer: ViewerContext) async throws -> OnTimeReport {
        let by = try req.choice(Grouping.self, at: "by") ?? .owner
        let to = try APIRoutes.date(req, "to") ?? req.now
        let from = try APIRoutes.date(req, "from") ?? to.addingTimeInterval(-90 * 86_400)
        guard from < to else {
            throw DomainError.invalid([FieldError(field: "from", code: .inconsistent, detail: "must be before to")])
        }
        let me = viewer.staff
        var promises = try await req.promises.due(from: from, to: to, locations: me.visibleLocationIDs)
        if !Policy.may(me, .seeTeamWork) { promises = promises.filter { $0.ownerID == me.id } }
        let staff = try await req.staffAccounts.list(actor: me)
        let people = Dictionary(staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let s = viewer.s
        let groups: [String: OnTimeTally] = OnTimeTally.group(promises, at: req.now) { p in
            switch by {
            case .owner: p.ownerID.description
            case .team: people[p.ownerID]?.department ?? s.none
            case .location: p.locationID?.description
            case .kind: p.kind.rawValue
            case .month, .week: PromisePeriod(by == .week ? .isoWeek : .month, timeZone: viewer.zone).key(of: p)
            }
        }
        let rows = groups.map { key, tally in
            let label: String =
                switch by {
                case .owner: StaffID(string: key).flatMap { people[$0]?.name } ?? key
                case .location: viewer.locationName(LocationID(string: key))
                case .kind: Promise.Kind(rawValue: key).map(s.promiseKind) ?? key
                case .team, .month, .week: key
                }
            return Row(
                key: key, label: label, tally: tally,
                interval: WilsonInterval(successes: tally.onTime, trials: tally.decided))
        }.sorted {
            by == .month || by == .week ? $0.key > $1.key : ($0.tally.decided, $0.label) > ($1.tally.decided, $1.label)
        }
        return OnTimeReport(grouping: by, from: from, to: to, rows: rows)
    }

    func rate(_ row: Row, s: Strings) -> String {
        guard row.tally.decided >= Self.minimumDecided, let rate = row.tally.onTimeRate, let i = row.interval else {
            return s.notEnoughData
        }
        func pct(_ x: Double) -> String { "\(Int((x * 100).rounded())) %" }
        return pct(rate) + " (" + pct(i.lower) + "–" + pct(i.upper) + ")"
    }

    func body(viewer: ViewerContext) -> HTMLNode {
        let s = viewer.s
        let tabs = H.el(
            "nav", [("class", "tabs"), ("aria-label", s.onTimeTitle)],
            Grouping.allCases.map { g in
                H.el(
                    "a",
                    [
                        ("href", SiteURL.onTime(by: g.rawValue).path),
                        ("aria-current", g == grouping ? "page" : nil),
                    ], [H.text(s.onTimeGrouping(g.rawValue))])
            })
        return H.group([
            Layout.pageHead(
                s.onTimeTitle,
                subtitle: s.onTimeHint + " " + Format.date(from, s.lang, zone: viewer.zone) + " — "
                    + Format.date(to, s.lang, zone: viewer.zone)),
            tabs,
            rows.isEmpty
                ? H.p("empty", s.noPromises)
                : H.table(
                    headers: [
                        s.onTimeGrouping(grouping.rawValue), s.decided, s.onTimeRate, s.lateColumn, s.broken, s.overdue,
                    ],
                    rows: rows.map { r in
                        [
                            H.text(r.label), H.text(Format.integer(r.tally.decided, s.lang)), H.text(rate(r, s: s)),
                            H.text(Format.integer(r.tally.late, s.lang)),
                            H.text(Format.integer(r.tally.broken, s.lang)),
                            H.text(Format.integer(r.tally.overdue, s.lang)),
                        ]
                    }, numeric: [1, 3, 4, 5]),
        ])
    }
}
