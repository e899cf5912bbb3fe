import EarnedDomain
import Foundation

/// The demo business's survey history: the surveys it runs, the invitations they sent after
/// deliveries, resolved contacts, closed cases and every half year, and the answers that came
/// back.
///
/// `DemoBusiness.surveyHistory(for:service:hash:)` makes the part that belongs to one batch of
/// customers. Every part carries the same `definitions`; `append(_:)` keeps each survey once,
/// so the parts of consecutive batches, appended, equal the part of the whole.
public struct DemoSurveyHistory: Hashable, Codable, Sendable {
    /// The demo's surveys (`DemoBusiness.surveyDefinitions`).
    public var definitions: [SurveyDefinition]
    /// Every invitation sent before `now`: answered, expired unanswered, or (sent within the
    /// last link validity) still open.
    public var invitations: [SurveyInvitation]
    /// One answer per answered invitation, made by `SurveyInvitation.answer(_:definition:id:now:)`.
    public var answers: [SurveyAnswer]
    /// The touch each invitation made (kind `.survey`, on the invitation's channel, the
    /// invitation's key as the task key), for the `customer_touches` table and the fatigue budget.
    public var touches: [DemoTouch]
    /// Answers the domain refused while the history was generated (a bug in the generator when
    /// not 0: every answer must pass the domain's rules).
    public var refusedSteps: Int

    public init(
        definitions: [SurveyDefinition] = [], invitations: [SurveyInvitation] = [], answers: [SurveyAnswer] = [],
        touches: [DemoTouch] = [], refusedSteps: Int = 0
    ) {
        self.definitions = definitions
        self.invitations = invitations
        self.answers = answers
        self.touches = touches
        self.refusedSteps = refusedSteps
    }

    /// Appends another part of the history (another batch); surveys already here are not
    /// repeated.
    public mutating func append(_ other: DemoSurveyHistory) {
        let known = Set(definitions.map(\.id))
        definitions += other.definitions.filter { !known.contains($0.id) }
        invitations += other.invitations
        answers += other.answers
        touches += other.touches
        refusedSteps += other.refusedSteps
    }
}
