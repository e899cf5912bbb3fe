import Foundation

public typealias SurveyAnswerID = Identifier<SurveyAnswer>

/// One customer's answers to one invitation (at most one per invitation).
public struct SurveyAnswer: Hashable, Codable, Sendable, Identifiable {
    public var id: SurveyAnswerID
    public var invitationID: SurveyInvitationID
    public var definitionID: SurveyDefinitionID
    public var customerID: CustomerID
    /// What the survey was about (an order, a contact, a case, the customer).
    public var subject: ServiceTask.Subject
    /// "ru" or "en": the language the survey was shown in.
    public var language: String
    public var answeredAt: Date
    public var values: SurveyAnswerValues

    /// The longest comment, in characters.
    public static let commentLimit = 2000

    public init(
        id: SurveyAnswerID = SurveyAnswerID(), invitationID: SurveyInvitationID, definitionID: SurveyDefinitionID,
        customerID: CustomerID, subject: ServiceTask.Subject, language: String, answeredAt: Date,
        values: SurveyAnswerValues
    ) {
        self.id = id
        self.invitationID = invitationID
        self.definitionID = definitionID
        self.customerID = customerID
        self.subject = subject
        self.language = language
        self.answeredAt = answeredAt
        self.values = values
    }
}
