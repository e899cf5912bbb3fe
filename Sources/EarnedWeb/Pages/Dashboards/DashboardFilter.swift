import EarnedAnalytics
import EarnedDomain
import EarnedServices
import Vapor

/// Whose figures a dashboard shows and over which period, read from the query string and
/// checked against the viewer: an owner sees every scope; a manager sees the locations they
/// look after and the people working there; everyone else sees their own figures.
struct DashboardFilter: Sendable {
    var scope: ScorecardScope
    var days: Int
    /// Every scope the viewer may choose, with its label, in the order a picker lists them.
    var choices: [(scope: ScorecardScope, label: String)]
    /// Everyone the viewer may see, by id (names, teams).
    var people: [StaffID: Staff]

    static let defaultDays = 90

    static func load(_ req: Request, viewer: ViewerContext) async throws -> DashboardFilter {
        let me = viewer.staff
        let s = viewer.s
        let staff = try await req.staffAccounts.list(actor: me)
        let people = Dictionary(staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var choices: [(ScorecardScope, String)] = []
        if Policy.may(me, .workBusinessWide) {
            choices.append((.business, s.wholeBusiness))
            choices += viewer.locations.map { (.location($0.id), $0.name) }
            let teams = Set(staff.compactMap(\.department)).sorted()
            choices += teams.map { (.team($0), s.teamLabel($0)) }
            choices += staff.filter(\.isActive).map { (.person($0.id), $0.name) }
        } else if Policy.may(me, .seeTeamWork) {
            choices += viewer.locations.map { (.location($0.id), $0.name) }
            choices += staff.filter(\.isActive).map { (.person($0.id), $0.name) }
        } else {
            choices.append((.person(me.id), me.name))
        }
        let scope: ScorecardScope
        if let text = req.query[String.self, at: "scope"], !text.isEmpty {
            guard let parsed = Self.parse(text) else {
                throw DomainError.invalid([
                    FieldError(
                        field: "scope", code: .invalidFormat,
                        detail: "business, location:<id>, team:<name> or person:<id>")
                ])
            }
            guard choices.contains(where: { $0.0 == parsed }) else {
                throw DomainError.forbidden("these figures are not yours to see")
            }
            scope = parsed
        } else {
            scope = choices.first?.0 ?? .person(me.id)
        }
        let days = req.query[Int.self, at: "period"] ?? Self.defaultDays
        guard Score.scorecardPeriodDays.contains(days) else {
            throw DomainError.invalid([
                FieldError(
                    field: "period", code: .invalidChoice,
                    detail: Score.scorecardPeriodDays.map(String.init).joined(separator: ", "))
            ])
        }
        return DashboardFilter(scope: scope, days: days, choices: choices, people: people)
    }

    /// A scope from its key ("business", "location:<uuid>", "team:<name>", "person:<uuid>").
    static func parse(_ text: String) -> ScorecardScope? {
        if text == "business" { return .business }
        guard let colon = text.firstIndex(of: ":") else { return nil }
        let kind = text[..<colon]
        let rest = String(text[text.index(after: colon)...])
        switch kind {
        case "location": return LocationID(string: rest).map { .location($0) }
        case "team": return rest.isEmpty ? nil : .team(rest)
        case "person": return StaffID(string: rest).map { .person($0) }
        default: return nil
        }
    }

    /// The scope's name for a heading.
    func label(_ scope: ScorecardScope) -> String {
        choices.first { $0.scope == scope }?.label ?? ""
    }

    /// The person's team (its figures sit beside theirs; its records stay with those who may see them).
    func team(of id: StaffID) -> ScorecardScope? {
        guard let department = people[id]?.department else { return nil }
        return .team(department)
    }
}
