import Foundation

/// What an owner enters to create or change a survey. Fields left nil keep the current value
/// (or take the default when creating).
public struct SurveyDefinitionDraft: Hashable, Codable, Sendable {
    public var name: String?
    public var trigger: SurveyTrigger?
    public var questions: [SurveyQuestion]?
    public var samplingRate: Double?
    public var delayMinutes: Int?
    public var quietHours: QuietHoursDraft?
    public var thresholds: LowScoreThresholds?
    public var followUpHours: Int?
    public var linkValidityDays: Int?
    public var isActive: Bool?

    public init(
        name: String? = nil, trigger: SurveyTrigger? = nil, questions: [SurveyQuestion]? = nil,
        samplingRate: Double? = nil, delayMinutes: Int? = nil, quietHours: QuietHoursDraft? = nil,
        thresholds: LowScoreThresholds? = nil, followUpHours: Int? = nil, linkValidityDays: Int? = nil,
        isActive: Bool? = nil
    ) {
        self.name = name
        self.trigger = trigger
        self.questions = questions
        self.samplingRate = samplingRate
        self.delayMinutes = delayMinutes
        self.quietHours = quietHours
        self.thresholds = thresholds
        self.followUpHours = followUpHours
        self.linkValidityDays = linkValidityDays
        self.isActive = isActive
    }

    public static let nameLimit = 120
    /// Up to 30 days after the trigger.
    public static let delayLimits = 0...(30 * 24 * 60)
    /// 1 to 720 business hours.
    public static let followUpLimits = 1...720
    /// 1 to 90 days.
    public static let linkValidityLimits = 1...90

    /// Checks the draft and returns the survey it describes, reporting every bad field: the name
    /// (required, ≤ 120), the trigger (required; a relationship interval of 7–730 days), the
    /// questions (at least one, each kind once, wording only in "ru" or "en", not blank, ≤ 300),
    /// the sampling rate (0, 1], the delay (0 to 30 days), the quiet hours, the thresholds, the
    /// follow-up target (1–720 business hours) and the link validity (1–90 days).
    public func validated(
        id: SurveyDefinitionID, now: Date, existing: SurveyDefinition? = nil
    ) throws(DomainError) -> SurveyDefinition {
        var v = Validator()
        let name = v.text("name", name ?? existing?.name, required: true, max: Self.nameLimit)
        let trigger = trigger ?? existing?.trigger
        switch trigger {
        case nil:
            v.add("trigger", .required)
        case .relationship(let days) where !SurveyTrigger.intervalLimits.contains(days):
            let limits = SurveyTrigger.intervalLimits
            v.add("trigger.interval_days", .outOfRange, detail: "\(limits.lowerBound) to \(limits.upperBound)")
        default:
            break
        }
        let questions = questions ?? existing?.questions ?? []
        if questions.isEmpty { v.add("questions", .required) }
        var seen = Set<SurveyQuestion.Kind>()
        for (index, question) in questions.enumerated() {
            if !seen.insert(question.kind).inserted {
                v.add("questions.\(index).kind", .duplicate, detail: "question \(question.kind.rawValue)")
            }
            for (language, text) in question.wording.sorted(by: { $0.key < $1.key }) {
                let field = "questions.\(index).wording.\(language)"
                if !SurveyQuestion.languages.contains(language) {
                    v.add(field, .invalidChoice, detail: SurveyQuestion.languages.joined(separator: ", "))
                } else {
                    v.text(field, text, required: true, max: SurveyQuestion.wordingLimit)
                }
            }
        }
        let rate = samplingRate ?? existing?.samplingRate ?? 1
        if !(rate > 0 && rate <= 1) { v.add("sampling_rate", .outOfRange, detail: "more than 0, at most 1") }
        let delayMinutes = delayMinutes ?? existing.map { Int(($0.delay / 60).rounded()) } ?? 0
        if !Self.delayLimits.contains(delayMinutes) {
            v.add("delay_minutes", .outOfRange, detail: "0 to \(Self.delayLimits.upperBound)")
        }
        var quiet = existing?.quietHours ?? .standard
        if let quietHours {
            do { quiet = try quietHours.validated(existing: quiet) } catch {
                if case .invalid(let errors) = error {
                    for error in errors {
                        v.add(
                            FieldError(
                                field: "quiet_hours.\(error.field)", code: error.code, limit: error.limit,
                                detail: error.detail))
                    }
                }
            }
        }
        let thresholds = thresholds ?? existing?.thresholds ?? .standard
        for problem in thresholds.problems(field: "low_scores") { v.add(problem) }
        let followUpHours =
            followUpHours ?? existing.map { Int(($0.followUpTarget / 3600).rounded()) }
            ?? Int(SurveyDefinition.defaultFollowUpTarget / 3600)
        if !Self.followUpLimits.contains(followUpHours) {
            v.add("follow_up_hours", .outOfRange, detail: "1 to \(Self.followUpLimits.upperBound)")
        }
        let validityDays =
            linkValidityDays ?? existing.map { Int(($0.linkValidity / 86_400).rounded()) }
            ?? Int(SurveyDefinition.defaultLinkValidity / 86_400)
        if !Self.linkValidityLimits.contains(validityDays) {
            v.add("link_validity_days", .outOfRange, detail: "1 to \(Self.linkValidityLimits.upperBound)")
        }
        try v.check()
        let cleaned = questions.map { question in
            SurveyQuestion(
                kind: question.kind,
                wording: question.wording.mapValues { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        }
        return SurveyDefinition(
            id: id, name: name ?? "", trigger: trigger!, questions: cleaned, samplingRate: rate,
            delay: TimeInterval(delayMinutes) * 60, quietHours: quiet, thresholds: thresholds,
            followUpTarget: TimeInterval(followUpHours) * 3600, linkValidity: TimeInterval(validityDays) * 86_400,
            isActive: isActive ?? existing?.isActive ?? true, createdAt: existing?.createdAt ?? now, updatedAt: now)
    }
}
