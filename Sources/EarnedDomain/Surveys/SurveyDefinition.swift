import Foundation

public typealias SurveyDefinitionID = Identifier<SurveyDefinition>

/// A survey a business runs: what triggers it, what it asks, how many customers get it, when it
/// goes out, which answers count as low, and how fast a low answer must be followed up.
public struct SurveyDefinition: Hashable, Codable, Sendable, Identifiable {
    public var id: SurveyDefinitionID
    public var name: String
    public var trigger: SurveyTrigger
    /// The questions, in the order asked; each kind at most once.
    public var questions: [SurveyQuestion]
    /// The share of trigger events that get an invitation, in (0, 1].
    public var samplingRate: Double
    /// How long after the trigger the invitation goes out (before quiet hours move it).
    public var delay: TimeInterval
    /// The sending window in the customer's time zone.
    public var quietHours: QuietHours
    public var thresholds: LowScoreThresholds
    /// The time to follow up a low answer, in business seconds of the location (48 hours).
    public var followUpTarget: TimeInterval
    /// How long a public link stays valid after it is sent.
    public var linkValidity: TimeInterval
    public var isActive: Bool
    public var createdAt: Date
    public var updatedAt: Date

    /// 48 business hours.
    public static let defaultFollowUpTarget: TimeInterval = 48 * 3600
    /// 14 days.
    public static let defaultLinkValidity: TimeInterval = 14 * 86_400

    public init(
        id: SurveyDefinitionID = SurveyDefinitionID(), name: String, trigger: SurveyTrigger,
        questions: [SurveyQuestion], samplingRate: Double = 1, delay: TimeInterval = 0,
        quietHours: QuietHours = .standard, thresholds: LowScoreThresholds = .standard,
        followUpTarget: TimeInterval = defaultFollowUpTarget, linkValidity: TimeInterval = defaultLinkValidity,
        isActive: Bool = true, createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.trigger = trigger
        self.questions = questions
        self.samplingRate = samplingRate
        self.delay = delay
        self.quietHours = quietHours
        self.thresholds = thresholds
        self.followUpTarget = followUpTarget
        self.linkValidity = linkValidity
        self.isActive = isActive
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Whether the survey asks a question of `kind`.
    public func asks(_ kind: SurveyQuestion.Kind) -> Bool { questions.contains { $0.kind == kind } }

    /// The question of `kind`, if asked.
    public func question(_ kind: SurveyQuestion.Kind) -> SurveyQuestion? { questions.first { $0.kind == kind } }
}
