import Foundation

extension SurveyAnswer {
    /// The task key of a referral ask made from a survey answer.
    public static func referralTaskKey(invitationID: SurveyInvitationID) -> String {
        "referral-ask:survey:\(invitationID.description)"
    }

    /// The business seconds within which a referral ask is due (one working day).
    public static let referralAskTarget: TimeInterval = 8 * 3600

    /// The closed loop (T7): what to do about this answer.
    ///
    /// - Low (by `definition.thresholds`: CSAT ≤ 2, NPS ≤ 6, CES ≥ 5 by default) → one case for
    ///   the attributed person, source `.survey`, with the survey's follow-up target. Priority by
    ///   how low: normal; high when one score is at the very bottom (CSAT 1, NPS 0–3, CES 7);
    ///   urgent when two or more are. "Not fast enough" alone opens no case: it is shown next to
    ///   the measured speed instead.
    /// - Otherwise a customer positive after an order (`AnswerAttitude`: a promoter by NPS, or
    ///   satisfied by CSAT where NPS was not asked or is passive) who allowed being asked for
    ///   a referral → a `referralAsk` task for the seller, key "referral-ask:survey:<invitation>",
    ///   due one working day later (8 business hours with a calendar, else 24 hours).
    /// - Otherwise nothing.
    ///
    /// `attribution` is the invitation's snapshot, so the case goes to whoever served the
    /// customer then, even if the order or case was reassigned since.
    public func followUps(
        definition: SurveyDefinition, attribution: SurveyAttribution, calendar: BusinessCalendar? = nil,
        taskID: ServiceTaskID = ServiceTaskID()
    ) -> [SurveyFollowUp] {
        let low = [SurveyQuestion.Kind.csat, .nps, .ces].filter { kind in
            values.score(kind).map { definition.thresholds.isLow(kind, $0) } ?? false
        }
        if !low.isEmpty {
            return [
                .openCase(caseFollowUp(low: low, definition: definition, attribution: attribution, calendar: calendar))
            ]
        }
        let positive = AnswerAttitude(nps: values.nps, csat: values.csat) == .positive
        guard subject.kind == .order, positive, values.mayAskReferral == true else { return [] }
        let due = calendar?.adding(Self.referralAskTarget, to: answeredAt) ?? answeredAt.addingTimeInterval(86_400)
        return [
            .askReferral(
                ServiceTask(
                    id: taskID, key: Self.referralTaskKey(invitationID: invitationID), kind: .referralAsk,
                    assigneeID: attribution.staffID, locationID: attribution.locationID, customerID: customerID,
                    subject: subject, dueAt: due, text: referralText, createdAt: answeredAt, updatedAt: answeredAt))
        ]
    }

    /// Normal, high with one score at the very bottom, urgent with two or more.
    func priority(low: [SurveyQuestion.Kind]) -> Priority {
        let bottom = low.filter { kind in
            switch kind {
            case .csat: values.csat == 1
            case .nps: (values.nps ?? 10) <= 3
            case .ces: values.ces == 7
            default: false
            }
        }
        switch bottom.count {
        case 0: return .normal
        case 1: return .high
        default: return .urgent
        }
    }

    private func caseFollowUp(
        low: [SurveyQuestion.Kind], definition: SurveyDefinition, attribution: SurveyAttribution,
        calendar: BusinessCalendar?
    ) -> SurveyCaseFollowUp {
        let ru = language == "ru"
        let scores = low.compactMap { kind in values.score(kind).map { scoreText(kind, $0) } }
        let title = (ru ? "Низкая оценка в опросе: " : "Low survey score: ") + scores.joined(separator: ", ")
        var lines = [(ru ? "Ответ клиента: " : "The customer answered: ") + answeredScores.joined(separator: "; ")]
        if let fast = values.fastEnough {
            lines.append(
                ru
                    ? (fast ? "Достаточно быстро: да." : "Достаточно быстро: нет.")
                    : (fast ? "Fast enough: yes." : "Fast enough: no."))
        }
        if let comment = values.comment {
            lines.append(ru ? "Комментарий: «\(comment)»" : "Comment: “\(comment)”")
        }
        let hours = Int((definition.followUpTarget / 3600).rounded())
        lines.append(
            ru
                ? "Свяжитесь с клиентом в течение \(hours) "
                    + RussianPlural.form(hours, one: "рабочего часа", few: "рабочих часов", many: "рабочих часов")
                    + "."
                : "Contact the customer within \(hours) business \(hours == 1 ? "hour" : "hours").")
        let draft = ServiceCaseDraft(
            customerID: customerID, locationID: attribution.locationID,
            title: String(title.prefix(ServiceCase.titleLimit)),
            detail: String(lines.joined(separator: "\n").prefix(ServiceCase.detailLimit)), source: .survey,
            link: id.rawValue, ownerID: attribution.staffID, priority: priority(low: low), openedAt: answeredAt)
        return SurveyCaseFollowUp(
            draft: draft, lowQuestions: low, target: definition.followUpTarget,
            dueAt: calendar?.adding(definition.followUpTarget, to: answeredAt))
    }

    /// Every score given, in the order CSAT, NPS, CES.
    private var answeredScores: [String] {
        [SurveyQuestion.Kind.csat, .nps, .ces].compactMap { kind in values.score(kind).map { scoreText(kind, $0) } }
    }

    /// "CSAT 2 из 5" / "CSAT 2 of 5"; CES says which end is hard.
    private func scoreText(_ kind: SurveyQuestion.Kind, _ score: Int) -> String {
        let ru = language == "ru"
        let top = kind.scale?.upperBound ?? 0
        let name = kind.rawValue.uppercased()
        let base = ru ? "\(name) \(score) из \(top)" : "\(name) \(score) of \(top)"
        guard kind == .ces else { return base }
        return base + (ru ? " (чем выше, тем труднее)" : " (higher is harder)")
    }

    private var referralText: String {
        let scores = answeredScores.joined(separator: ", ")
        return language == "ru"
            ? "Клиент доволен (\(scores)) и разрешил попросить рекомендацию: попросите порекомендовать нас знакомым."
            : "The customer is satisfied (\(scores)) and agreed to be asked: ask them to recommend us to people they know."
    }
}
