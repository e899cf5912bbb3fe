import EarnedDomain
import EarnedStore
import Foundation
import Plot
import Vapor

/// Survey invitations sent so far: by state (open, answered, expired, all), who served the
/// customer, location, survey, the day sent and customer, a page at a time with the count, and
/// the same view as CSV.
struct SurveyInvitationsPage {
    var viewer: ViewerContext
    var params: ListParams
    var page: ResultPage<SurveyInvitation>
    var names: [CustomerID: String]
    var staff: [Staff]
    var surveys: [SurveyDefinition]
    var now: Date
    var errors: [FieldError]

    /// The state chosen; the address may still carry the older `state=`.
    static func state(_ req: Request, _ params: ListParams) -> String? {
        params.status ?? req.query[String.self, at: "state"].flatMap { $0.isEmpty ? nil : $0 }
    }

    static func query(_ req: Request, viewer: ViewerContext, params: ListParams, limit: Int = 50) async throws
        -> (SurveyRepository.InvitationQuery, [FieldError])
    {
        var read = params.read(zone: viewer.zone)
        var query = SurveyRepository.InvitationQuery(
            staff: read.person, location: read.location, from: read.from, to: read.to, cursor: params.cursor,
            limit: limit)
        if let raw = state(req, params), raw != "all" {
            query.state = SurveyInvitation.State(rawValue: raw)
            if query.state == nil { read.errors.append(FieldError(field: "status", code: .invalidChoice)) }
        }
        if let raw = params.kind {
            query.survey = SurveyDefinitionID(string: raw)
            if query.survey == nil { read.errors.append(FieldError(field: "kind", code: .invalidChoice)) }
        }
        if let q = params.q {
            query.customers = try await req.customers.list(CustomerQuery(search: q, limit: 500), actor: viewer.staff)
                .items.map(\.id)
        }
        return (query, read.errors)
    }

    static func load(_ req: Request, viewer: ViewerContext, params: ListParams) async throws -> SurveyInvitationsPage {
        let (query, errors) = try await Self.query(req, viewer: viewer, params: params)
        let repo = SurveyRepository(db: req.database)
        let page = try await repo.searchInvitations(query, actor: viewer.staff, now: req.now)
        return SurveyInvitationsPage(
            viewer: viewer, params: params, page: page,
            names: try await req.customers.names(page.items.map(\.customerID), s: viewer.s),
            staff: try await req.staffAccounts.list(actor: viewer.staff), surveys: try await repo.definitions(),
            now: req.now, errors: errors)
    }

    /// The whole view, every page of it, as CSV.
    static func csv(_ req: Request, viewer: ViewerContext, params: ListParams) async throws -> Response {
        var (query, _) = try await Self.query(req, viewer: viewer, params: params, limit: 500)
        let repo = SurveyRepository(db: req.database)
        let invitations = try await ListViews.everyPage { cursor in
            query.cursor = cursor
            return try await repo.searchInvitations(query, actor: viewer.staff, now: req.now)
        }
        let s = viewer.s
        let names = try await req.customers.names(invitations.map(\.customerID), s: s)
        let people = Dictionary(
            try await req.staffAccounts.list(actor: viewer.staff).map { ($0.id, $0.name) },
            uniquingKeysWith: { a, _ in a })
        let surveys = Dictionary(
            try await repo.definitions().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let now = req.now
        return ListViews.csv(
            headers: [
                s.sendAtColumn, s.surveyColumn, s.customer, s.servedBy, s.location, s.status, s.expiresColumn,
                s.answeredColumn,
            ],
            rows: invitations.map { i in
                let at = i.attribution.locationID
                return [
                    viewer.dateTime(i.sendAt, at: at), surveys[i.definitionID] ?? "", names[i.customerID] ?? "",
                    i.attribution.staffID.flatMap { people[$0] } ?? "", viewer.locationName(at),
                    s.invitationState(i.state(at: now)), viewer.dateTime(i.expiresAt, at: at),
                    i.answeredAt.map { viewer.dateTime($0, at: at) } ?? "",
                ]
            }, dialect: params.csv, filename: "survey-invitations")
    }
}
