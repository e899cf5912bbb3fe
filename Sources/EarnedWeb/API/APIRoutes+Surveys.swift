import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// Surveys under /api/v1: definitions (the owner's), invitations and their links, answers,
/// and results with intervals.
extension APIRoutes {
    static func registerSurveys(_ api: any RoutesBuilder) {
        api.get(SiteURL.API.surveys.pathComponents, use: listSurveys)
        api.post(SiteURL.API.surveys.pathComponents, use: createSurvey)
        api.get(SiteURL.API.surveyResults.pathComponents, use: surveyResults)
        api.get(SiteURL.API.survey(.key).pathComponents, use: getSurvey)
        api.patch(SiteURL.API.survey(.key).pathComponents, use: changeSurvey)
        api.get(SiteURL.API.surveyInvitations.pathComponents, use: listSurveyInvitations)
        api.post(SiteURL.API.surveyInvitationLink(.key).pathComponents, use: renewSurveyLink)
        api.get(SiteURL.API.surveyAnswers.pathComponents, use: listSurveyAnswers)
    }

    static func listSurveys(_ req: Request) async throws -> [SurveyDTO] {
        try Policy.require(try req.actor(), .viewSurveys)
        return try await SurveyRepository(db: req.database).definitions().map(SurveyDTO.init)
    }

    static func createSurvey(_ req: Request) async throws -> Response {
        let input = try req.content.decode(SurveyInput.self)
        let created = try await SurveyRepository(db: req.database).create(
            try input.draft(existing: nil), actor: try req.actor(), now: req.now)
        return try await Self.created(
            SurveyDTO(created), req, location: .survey(created.id.rawValue), resource: created.id.rawValue)
    }

    static func surveyResults(_ req: Request) async throws -> SurveyResultsDTO {
        let actor = try req.actor()
        try Policy.require(actor, .viewSurveys)
        let by =
            try req.query[String.self, at: "by"].map { raw in
                guard let d = SurveyResults.Dimension(rawValue: raw) else {
                    throw DomainError.invalid([
                        FieldError(
                            field: "by", code: .invalidChoice, detail: "location, shift, staff, channel or survey")
                    ])
                }
                return d
            } ?? .location
        let to = try req.queryDate("to") ?? req.now
        let from = try req.queryDate("from") ?? to.addingTimeInterval(-90 * 86_400)
        guard from < to else {
            throw DomainError.invalid([FieldError(field: "from", code: .inconsistent, detail: "before to")])
        }
        let (answers, invitations) = try await SurveyRepository(db: req.database).tallies(
            from: from, to: to, locations: actor.visibleLocationIDs, now: req.now)
        let results = SurveyResults(by: by, answers: answers, invitations: invitations)
        return SurveyResultsDTO(
            by: by.rawValue, from: from, to: to, total: SurveyGroupDTO(results.total),
            groups: results.groups.map(SurveyGroupDTO.init))
    }

    static func getSurvey(_ req: Request) async throws -> SurveyDTO {
        try Policy.require(try req.actor(), .viewSurveys)
        return SurveyDTO(
            try await SurveyRepository(db: req.database).definition(try id(req, "survey") as SurveyDefinitionID))
    }

    static func changeSurvey(_ req: Request) async throws -> SurveyDTO {
        let actor = try req.actor()
        try Policy.require(actor, .manageSurveys)
        let repo = SurveyRepository(db: req.database)
        let id: SurveyDefinitionID = try id(req, "survey")
        let existing = try await repo.definition(id)
        let input = try req.content.decode(SurveyInput.self)
        return SurveyDTO(try await repo.change(id, try input.draft(existing: existing), actor: actor, now: req.now))
    }

    static func listSurveyInvitations(_ req: Request) async throws -> [SurveyInvitationDTO] {
        let state = try req.query[String.self, at: "state"].map { raw in
            guard let s = SurveyInvitation.State(rawValue: raw) else {
                throw DomainError.invalid([
                    FieldError(field: "state", code: .invalidChoice, detail: "open, answered or expired")
                ])
            }
            return s
        }
        let now = req.now
        return try await SurveyRepository(db: req.database).invitations(
            actor: try req.actor(), state: state, now: now, limit: try limit(req)
        ).map { SurveyInvitationDTO($0, now: now) }
    }

    static func renewSurveyLink(_ req: Request) async throws -> SurveyLinkDTO {
        let renewed = try await SurveyLink.renew(
            try id(req, "survey invitation") as SurveyInvitationID, req: req, actor: try req.actor())
        return SurveyLinkDTO(
            invitation_id: renewed.invitation.id.rawValue, url: renewed.url, text: renewed.message,
            address: renewed.address, expires_at: renewed.invitation.expiresAt)
    }

    static func listSurveyAnswers(_ req: Request) async throws -> [SurveyAnswerDTO] {
        try await SurveyRepository(db: req.database).responses(
            actor: try req.actor(), from: try req.queryDate("from"), to: try req.queryDate("to"),
            lowOnly: req.query[Bool.self, at: "low"] ?? false, limit: try limit(req)
        ).map(SurveyAnswerDTO.init)
    }
}
