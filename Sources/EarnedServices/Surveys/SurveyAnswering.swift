import EarnedDomain
import EarnedStore
import FluentKit
import Foundation

/// What an answer through a link led to.
package struct SurveySubmission: Sendable {
    package var invitation: SurveyInvitation
    package var definition: SurveyDefinition
    package var response: SurveyResponse
    /// The case a low answer opened, with the follow-up task for its owner.
    package var openedCase: ServiceCase?
    package var tasks: [ServiceTask]
}

/// A customer answers a survey through their link: the closed loop (T7).
package struct SurveyAnswering: Sendable {
    package let db: any Database

    package init(db: any Database) { self.db = db }

    /// Records a customer's answer through their one-time link, in one transaction: the
    /// invitation is marked answered only if it still was open (so a double submit, or two at
    /// once, records one answer); a low answer opens a case for the person responsible with a
    /// follow-up task due within the survey's target in business hours; a positive customer who
    /// agreed gets their seller a referral-ask task (`SurveyAnswer.followUps`). Subscribers hear `survey.answered`.
    ///
    /// Throws `SurveyAnswerError.refused` for an unknown, expired or answered link and
    /// `.invalid` for values out of range; nothing is written then.
    package func submit(
        tokenHash: String, draft: SurveyAnswerDraft, now: Date, answerID: SurveyAnswerID = SurveyAnswerID()
    ) async throws -> SurveySubmission {
        try await db.transaction { db in
            let repo = SurveyRepository(db: db)
            guard var invitation = try await repo.invitation(tokenHash: tokenHash) else {
                throw SurveyAnswerError.refused(.unknown)
            }
            let definition = try await repo.definition(invitation.definitionID)
            let answer = try invitation.answer(draft, definition: definition, id: answerID, now: now)
            guard try await repo.claimForAnswer(invitation.id, now: now) else {
                throw SurveyAnswerError.refused(.alreadyAnswered)
            }

            let attribution = invitation.attribution
            var location: Location?
            if let id = attribution.locationID { location = try await LocationRepository(db: db).find(id) }
            let calendar = location.map(BusinessCalendar.init(location:))
            var openedCase: ServiceCase?
            var tasks: [ServiceTask] = []
            for followUp in answer.followUps(definition: definition, attribution: attribution, calendar: calendar) {
                switch followUp {
                case .openCase(let plan):
                    let owner = try await Self.responsible(
                        attribution.staffID, location: attribution.locationID, on: db)
                    guard let owner else { continue }
                    var draft = plan.draft
                    draft.ownerID = owner.id
                    draft.openedByID = owner.id
                    let opened = try draft.validated(id: CaseID(), now: now)
                    try await CaseRepository(db: db).insertOpenedBySystem(opened, now: now)
                    openedCase = opened
                    tasks.append(
                        ServiceTask(
                            key: "survey-follow-up:\(answer.id)", kind: .surveyFollowUp, assigneeID: owner.id,
                            locationID: opened.locationID, customerID: answer.customerID,
                            subject: .init(kind: .serviceCase, id: opened.id.rawValue),
                            dueAt: plan.dueAt ?? now.addingTimeInterval(plan.target), text: opened.title,
                            createdAt: now, updatedAt: now))
                case .askReferral(var task):
                    if task.assigneeID == nil {
                        task.assigneeID = try await Self.responsible(nil, location: task.locationID, on: db)?.id
                    }
                    tasks.append(task)
                }
            }
            let response = try await repo.saveAnswer(
                answer, attribution: attribution, caseID: openedCase?.id, now: now)
            let created = try await TaskRepository(db: db).createNew(tasks, announceAt: now)
            var data = [
                "answer_id": answer.id.description, "invitation_id": invitation.id.description,
                "survey_id": definition.id.description, "customer_id": answer.customerID.description,
                "location_id": attribution.locationID?.description ?? "",
                "staff_id": attribution.staffID?.description ?? "", "case_id": openedCase?.id.description ?? "",
            ]
            for kind in [SurveyQuestion.Kind.csat, .nps, .ces] {
                if let score = answer.values.score(kind) { data[kind.rawValue] = String(score) }
            }
            try await WebhookStore(db: db).publish(
                WebhookEvent(
                    key: "survey.answered:\(answer.id)", kind: .surveyAnswered, occurredAt: now, data: data), now: now)
            return SurveySubmission(
                invitation: invitation, definition: definition, response: response, openedCase: openedCase,
                tasks: created)
        }
    }

    /// Who answers for a survey's follow-up: the person who served the customer while they
    /// are active, else the location's managers (the first), else an owner.
    static func responsible(_ staffID: StaffID?, location: LocationID?, on db: any Database) async throws -> Staff? {
        let staff = StaffRepository(db: db)
        if let staffID, let person = try await staff.find(staffID), person.isActive { return person }
        return try await staff.managers(of: location).first
    }
}
