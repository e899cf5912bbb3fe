import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// Survey pages for staff: results (managers and the owner), survey settings (the owner),
/// invitations and sending a link by hand.
struct SurveysController {
    func results(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .viewSurveys)
        let dimension = req.query[String.self, at: "by"].flatMap(SurveyResults.Dimension.init(rawValue:)) ?? .location
        let days = req.query[Int.self, at: "days"].flatMap { SurveyResultsPage.periods.contains($0) ? $0 : nil } ?? 90
        let now = req.now
        let from = now.addingTimeInterval(-Double(days) * 86_400)
        let repo = SurveyRepository(db: req.database)
        let visible = viewer.staff.visibleLocationIDs
        let (answers, invitations) = try await repo.tallies(from: from, to: now, locations: visible, now: now)
        let results = SurveyResults(by: dimension, answers: answers, invitations: invitations)
        let staff = try await req.staffAccounts.list(actor: viewer.staff)
        let staffNames = Dictionary(staff.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let definitions = try await repo.definitions()
        let s = viewer.s
        var labels: [String: String] = [:]
        for group in results.groups {
            let key = group.key
            switch dimension {
            case .location: labels[key] = LocationID(string: key).map { viewer.locationName($0) } ?? s.none
            case .shift:
                let parts = key.split(separator: "|", maxSplits: 1).map(String.init)
                let location = parts.first.flatMap(LocationID.init(string:)).map { viewer.locationName($0) } ?? s.none
                let shift = parts.count > 1 && !parts[1].isEmpty ? parts[1] : s.t("вне смен", "outside shifts")
                labels[key] = location + " · " + shift
            case .staff: labels[key] = StaffID(string: key).flatMap { staffNames[$0] } ?? s.none
            case .channel:
                labels[key] =
                    Order.SalesChannel(rawValue: key).map(s.salesChannel)
                    ?? InboundContact.Channel(rawValue: key).map(s.inboundChannel) ?? s.none
            case .survey: labels[key] = definitions.first { $0.id.description == key }?.name ?? s.none
            }
        }
        let low = try await repo.responses(actor: viewer.staff, from: from, to: now, lowOnly: true, limit: 50)
        let speed = try await repo.perceivedSpeed(from: from, to: now, locations: visible)
        let page = SurveyResultsPage(
            results: results, days: days, from: from, to: now, labels: labels, speed: speed, low: low,
            staffNames: staffNames, mayManage: Policy.may(viewer.staff, .manageSurveys))
        return Layout.response(page.body(viewer: viewer), title: s.surveyResultsTitle, request: req)
    }

    // MARK: Settings

    func definitions(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageSurveys)
        let list = try await SurveyRepository(db: req.database).definitions()
        return Layout.response(
            SurveyDefinitionsPage(viewer: viewer, definitions: list).body, title: viewer.s.surveyDefinitionsTitle,
            request: req)
    }

    func new(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageSurveys)
        return render(req, viewer: viewer, form: .init(nil), id: nil, errors: [])
    }

    func edit(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageSurveys)
        let definition = try await SurveyRepository(db: req.database).definition(try Self.id(req))
        return render(req, viewer: viewer, form: .init(definition), id: definition.id, errors: [])
    }

    func save(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageSurveys)
        let id = req.parameters.get("id") == nil ? nil : try Self.id(req)
        let form = try req.content.decode(SurveyDefinitionForm.self)
        let repo = SurveyRepository(db: req.database)
        do {
            var draft = try Self.draft(form)
            if let id {
                // The page does not show custom wording (set through the API): kept for the
                // questions still asked.
                let existing = try await repo.definition(id)
                draft.questions = draft.questions?.map { q in existing.question(q.kind) ?? q }
                _ = try await repo.change(id, draft, actor: viewer.staff, now: req.now)
            } else {
                _ = try await repo.create(draft, actor: viewer.staff, now: req.now)
            }
            return req.redirect(to: SiteURL.surveyDefinitions.path, redirectType: .normal)
        } catch let error as DomainError {
            guard case .invalid(let fields) = error else { throw error }
            return render(req, viewer: viewer, form: form, id: id, errors: fields)
        }
    }

    func render(
        _ req: Request, viewer: ViewerContext, form: SurveyDefinitionForm, id: SurveyDefinitionID?,
        errors: [FieldError]
    ) -> Response {
        let s = viewer.s
        let title = id == nil ? s.newSurveyTitle : (form.name ?? s.surveyDefinitionsTitle)
        let action = id.map { SiteURL.survey($0.rawValue).path } ?? SiteURL.surveyDefinitions.path
        return Layout.response(
            SurveyDefinitionPage(viewer: viewer, form: form, action: action, title: title, errors: errors).body,
            title: title,
            request: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    /// The draft a form describes; numbers that are not numbers are named by their field.
    static func draft(_ form: SurveyDefinitionForm) throws(DomainError) -> SurveyDefinitionDraft {
        var errors: [FieldError] = []
        func int(_ field: String, _ text: String?) -> Int? {
            guard let text = text?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
            guard let n = Int(text) else {
                errors.append(FieldError(field: field, code: .invalidFormat, detail: "a whole number"))
                return nil
            }
            return n
        }
        let key = form.trigger ?? ""
        let days = key == "relationship" ? int("interval_days", form.interval_days) ?? 0 : 0
        let trigger = SurveyTrigger(key: key, intervalDays: days)
        if trigger == nil { errors.append(FieldError(field: "trigger", code: .invalidChoice)) }
        var questions: [SurveyQuestion] = []
        for raw in form.questions ?? [] {
            if let kind = SurveyQuestion.Kind(rawValue: raw) {
                questions.append(SurveyQuestion(kind: kind))
            } else {
                errors.append(FieldError(field: "questions", code: .invalidChoice))
            }
        }
        let percent = int("sampling_percent", form.sampling_percent)
        let thresholds = LowScoreThresholds(
            csatAtMost: int("low_csat", form.low_csat) ?? 2, npsAtMost: int("low_nps", form.low_nps) ?? 6,
            cesAtLeast: int("high_ces", form.high_ces) ?? 5)
        let draft = SurveyDefinitionDraft(
            name: form.name ?? "", trigger: trigger, questions: questions,
            samplingRate: percent.map { Double($0) / 100 }, delayMinutes: int("delay_minutes", form.delay_minutes),
            thresholds: thresholds, followUpHours: int("follow_up_hours", form.follow_up_hours),
            linkValidityDays: int("link_validity_days", form.link_validity_days), isActive: form.is_active == "true")
        // Check the rest too, so every problem is shown at once.
        do { _ = try draft.validated(id: SurveyDefinitionID(), now: Date()) } catch {
            if case .invalid(let more) = error {
                errors += more.filter { e in !errors.contains { $0.field == e.field } }
            }
        }
        if !errors.isEmpty { throw .invalid(errors) }
        return draft
    }

    static func id(_ req: Request) throws -> SurveyDefinitionID {
        guard let id = req.parameters.get("id").flatMap(SurveyDefinitionID.init(string:)) else {
            throw DomainError.notFound("survey")
        }
        return id
    }

    // MARK: Invitations

    func invitations(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        var params = ListParams(req)
        params.status = SurveyInvitationsPage.state(req, params)
        if params.csv != nil { return try await SurveyInvitationsPage.csv(req, viewer: viewer, params: params) }
        let page = try await SurveyInvitationsPage.load(req, viewer: viewer, params: params)
        return Layout.response(page.body, title: viewer.s.surveyInvitationsTitle, request: req)
    }

    func invitation(_ req: Request) async throws -> Response {
        try await showInvitation(req, link: nil)
    }

    /// A new link for a person to send by hand: shown once; the old one stops working.
    func renewLink(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let renewed = try await SurveyLink.renew(try Self.invitationID(req), req: req, actor: viewer.staff)
        return try await showInvitation(req, link: (renewed.url, renewed.message, renewed.address))
    }

    func showInvitation(_ req: Request, link: (url: String, message: String, address: String)?) async throws -> Response
    {
        let viewer = try await ViewerContext.load(req)
        let repo = SurveyRepository(db: req.database)
        let invitation = try await repo.invitation(try Self.invitationID(req), actor: viewer.staff)
        let definition = try await repo.definition(invitation.definitionID)
        let customer = try await req.customers.get(invitation.customerID, actor: viewer.staff)
        var staffName: String?
        if let id = invitation.attribution.staffID { staffName = try await req.staffAccounts.find(id)?.name }
        return Layout.response(
            SurveyInvitationPage(
                viewer: viewer, invitation: invitation, definition: definition, customer: customer,
                staffName: staffName, now: req.now, link: link
            ).body,
            title: viewer.s.surveyInvitationsTitle, request: req)
    }

    static func invitationID(_ req: Request) throws -> SurveyInvitationID {
        guard let id = req.parameters.get("id").flatMap(SurveyInvitationID.init(string:)) else {
            throw DomainError.notFound("survey invitation")
        }
        return id
    }
}
