import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation

/// Promises kept on time, per person, team, location, kind or period, with a 95 % Wilson
/// interval; fewer than `minimumDecided` decided promises is "not enough data", not a rate.
/// The page and the API both show these rows.
package struct OnTimeBreakdown: Sendable {
    package enum Grouping: String, CaseIterable, Sendable {
        case owner, team, location, kind, month, week
    }

    /// What is asked: the grouping and the period of due times (the last 90 days to `to`, which
    /// is now unless given).
    package struct Query: Sendable {
        package var grouping: Grouping
        package var from: Date?
        package var to: Date?

        package init(grouping: Grouping = .owner, from: Date? = nil, to: Date? = nil) {
            self.grouping = grouping
            self.from = from
            self.to = to
        }
    }

    /// The words a label is written with, in the reader's language.
    package struct Names: Sendable {
        /// A team without a name (the key of people in no department) and an unknown location.
        package var none: String
        package var kind: @Sendable (Promise.Kind) -> String

        package init(none: String, kind: @escaping @Sendable (Promise.Kind) -> String) {
            self.none = none
            self.kind = kind
        }
    }

    package struct Row: Sendable {
        package var key: String
        package var label: String
        package var tally: OnTimeTally
        package var interval: WilsonInterval?

        package init(key: String, label: String, tally: OnTimeTally, interval: WilsonInterval?) {
            self.key = key
            self.label = label
            self.tally = tally
            self.interval = interval
        }

        /// Whether enough promises were decided for a rate to be shown.
        package var hasEnoughData: Bool { tally.decided >= OnTimeBreakdown.minimumDecided }
    }

    package static let minimumDecided = 10

    package var grouping: Grouping
    package var from: Date
    package var to: Date
    package var rows: [Row]

    /// The rows `viewer` may see: a manager's locations, or a person's own promises. `locations`
    /// are the viewer's visible locations (for their names), `zone` the one periods are counted in.
    package static func load(
        _ query: Query, viewer: Staff, locations: [Location], zone: TimeZone, names: Names,
        in context: ServiceContext
    ) async throws -> OnTimeBreakdown {
        let by = query.grouping
        let to = query.to ?? context.now
        let from = query.from ?? to.addingTimeInterval(-90 * 86_400)
        guard from < to else {
            throw DomainError.invalid([FieldError(field: "from", code: .inconsistent, detail: "must be before to")])
        }
        // Read from columns: a chain's quarter of promises is counted without decoding each.
        let promises = try await PromiseRepository(db: context.db).dueFacts(
            from: from, to: to, locations: viewer.visibleLocationIDs,
            owner: Policy.may(viewer, .seeTeamWork) ? nil : viewer.id)
        let staff = try await StaffRepository(db: context.db).list(actor: viewer)
        let people = Dictionary(staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let groups: [String: OnTimeTally] = OnTimeTally.group(promises, at: context.now) { p in
            switch by {
            case .owner: p.ownerID.description
            case .team: people[p.ownerID]?.department ?? names.none
            case .location: p.locationID?.description
            case .kind: p.kind.rawValue
            case .month, .week: PromisePeriod(by == .week ? .isoWeek : .month, timeZone: zone).key(of: p.dueInForce)
            }
        }
        let rows = groups.map { key, tally in
            let label: String =
                switch by {
                case .owner: StaffID(string: key).flatMap { people[$0]?.name } ?? key
                case .location:
                    LocationID(string: key).flatMap { id in locations.first { $0.id == id }?.name } ?? names.none
                case .kind: Promise.Kind(rawValue: key).map(names.kind) ?? key
                case .team, .month, .week: key
                }
            return Row(
                key: key, label: label, tally: tally,
                interval: WilsonInterval(successes: tally.onTime, trials: tally.decided))
        }.sorted {
            by == .month || by == .week ? $0.key > $1.key : ($0.tally.decided, $0.label) > ($1.tally.decided, $1.label)
        }
        return OnTimeBreakdown(grouping: by, from: from, to: to, rows: rows)
    }
}
