import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// Surveys under /api/v1: definitions (the owner's), invitations and their links, answers,
/// and results with intervals.
extension APIRoutes {
    static func registerSurveys(_ api: any RoutesBuilder) throws {
        api.get("surveys") { req async throws -> [SurveyDTO] in
            try Policy.require(try req.actor(), .viewSurveys)
            return try await SurveyRepository(db: req.database).definitions().map(SurveyDTO.init)
        }
        api.post("surveys") { req async throws -> Response in
            let input = try req.content.decode(SurveyInput.self)
            let created = try await SurveyRepository(db: req.database).create(
                try input.draft(existing: nil), actor: try req.actor(), now: req.now)
            return try await Self.created(
                SurveyDTO(created), req, location: "/api/v1/surveys/\(created.id)", resource: created.id.rawValue)
        }
        api.get("surveys", "results") { req async throws -> SurveyResultsDTO in
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
            let to = try date(req, "to") ?? req.now
            let from = try date(req, "from") ?? to.addingTimeInterval(-90 * 86_400)
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
        api.get("surveys", ":id") { req async throws -> SurveyDTO in
            try Policy.require(try req.actor(), .viewSurveys)
            return SurveyDTO(
                try await SurveyRepository(db: req.database).definition(try id(req, "survey") as SurveyDefinitionID))
        }
        api.patch("surveys", ":id") { req async throws -> SurveyDTO in
            let actor = try req.actor()
            try Policy.require(actor, .manageSurveys)
            let repo = SurveyRepository(db: req.database)
            let id: SurveyDefinitionID = try id(req, "survey")
            let existing = try await repo.definition(id)
            let input = try req.content.decode(SurveyInput.self)
            return SurveyDTO(try await repo.change(id, try input.draft(existing: existing), actor: actor, now: req.now))
        }
        api.get("survey-invitations") { req async throws -> [SurveyInvitationDTO] in
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
        api.post("survey-invitations", ":id", "link") { req async throws -> SurveyLinkDTO in
            let renewed = try await SurveyLink.renew(
                try id(req, "survey invitation") as SurveyInvitationID, req: req, actor: try req.actor())
            return SurveyLinkDTO(
                invitation_id: renewed.invitation.id.rawValue, url: renewed.url, text: renewed.message,
                address: renewed.address, expires_at: renewed.invitation.expiresAt)
        }
        api.get("survey-answers") { req async throws -> [SurveyAnswerDTO] in
            try await SurveyRepository(db: req.database).responses(
                actor: try req.actor(), from: try date(req, "from"), to: try date(req, "to"),
                lowOnly: req.query[Bool.self, at: "low"] ?? false, limit: try limit(req)
            ).map(SurveyAnswerDTO.init)
        }
    }
}
