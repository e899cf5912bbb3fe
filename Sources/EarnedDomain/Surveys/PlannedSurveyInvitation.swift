import Foundation

/// An invitation the planner decided to send: to whom, about what, how and when, and who served
/// the customer.
public struct PlannedSurveyInvitation: Hashable, Codable, Sendable {
    /// "survey:<definition>:<subject kind>:<subject id>" (plus ":<period>" for relationship
    /// surveys): planning the same event twice yields the same key.
    public var key: String
    public var definitionID: SurveyDefinitionID
    public var customerID: CustomerID
    public var subject: ServiceTask.Subject
    public var channel: ContactChannel
    /// The trigger time plus the delay, moved out of quiet hours in the customer's time zone.
    public var sendAt: Date
    /// "ru" or "en".
    public var language: String
    public var attribution: SurveyAttribution

    public init(
        key: String, definitionID: SurveyDefinitionID, customerID: CustomerID, subject: ServiceTask.Subject,
        channel: ContactChannel, sendAt: Date, language: String, attribution: SurveyAttribution
    ) {
        self.key = key
        self.definitionID = definitionID
        self.customerID = customerID
        self.subject = subject
        self.channel = channel
        self.sendAt = sendAt
        self.language = language
        self.attribution = attribution
    }

    /// The touch to record once the invitation is sent.
    public var touch: Touch { Touch(at: sendAt, kind: .survey) }
}
