import Foundation

/// An answer as kept: through a one-time link, or imported from a past survey, with who,
/// where and through which channel the customer was served, fixed when it was answered.
public struct SurveyResponse: Hashable, Codable, Sendable, Identifiable {
    public enum Source: String, Codable, Sendable, CaseIterable {
        /// Answered through a one-time link.
        case link
        /// Imported from a file of past answers.
        case imported = "import"
    }

    public var id: SurveyAnswerID
    public var invitationID: SurveyInvitationID?
    /// The id of an imported answer in the file it came from.
    public var externalID: String?
    public var definitionID: SurveyDefinitionID?
    public var customerID: CustomerID?
    public var subject: ServiceTask.Subject?
    public var language: String
    public var answeredAt: Date
    public var values: SurveyAnswerValues
    public var attribution: SurveyAttribution?
    /// The case a low answer opened.
    public var caseID: CaseID?
    public var source: Source

    public init(
        id: SurveyAnswerID, invitationID: SurveyInvitationID?, externalID: String?,
        definitionID: SurveyDefinitionID?, customerID: CustomerID?, subject: ServiceTask.Subject?, language: String,
        answeredAt: Date, values: SurveyAnswerValues, attribution: SurveyAttribution?, caseID: CaseID?, source: Source
    ) {
        self.id = id
        self.invitationID = invitationID
        self.externalID = externalID
        self.definitionID = definitionID
        self.customerID = customerID
        self.subject = subject
        self.language = language
        self.answeredAt = answeredAt
        self.values = values
        self.attribution = attribution
        self.caseID = caseID
        self.source = source
    }
}
