import Foundation

/// Answers with the same attribution and the same scores, counted: what the store hands the
/// results report, so a year of answers is a few thousand rows.
public struct SurveyTally: Hashable, Sendable {
    public var definitionID: SurveyDefinitionID?
    public var locationID: LocationID?
    public var shiftName: String?
    public var staffID: StaffID?
    /// The channel that served the customer (a sales channel or an inbound contact's).
    public var channel: String?
    public var csat: Int?
    public var nps: Int?
    public var ces: Int?
    public var fastEnough: Bool?
    public var count: Int

    public init(
        definitionID: SurveyDefinitionID? = nil, locationID: LocationID? = nil, shiftName: String? = nil,
        staffID: StaffID? = nil, channel: String? = nil, csat: Int? = nil, nps: Int? = nil, ces: Int? = nil,
        fastEnough: Bool? = nil, count: Int
    ) {
        self.definitionID = definitionID
        self.locationID = locationID
        self.shiftName = shiftName
        self.staffID = staffID
        self.channel = channel
        self.csat = csat
        self.nps = nps
        self.ces = ces
        self.fastEnough = fastEnough
        self.count = count
    }
}

/// Invitations sent with the same attribution, counted, and how many of them were answered.
public struct InvitationTally: Hashable, Sendable {
    public var definitionID: SurveyDefinitionID?
    public var locationID: LocationID?
    public var shiftName: String?
    public var staffID: StaffID?
    public var channel: String?
    public var sent: Int
    public var answered: Int

    public init(
        definitionID: SurveyDefinitionID? = nil, locationID: LocationID? = nil, shiftName: String? = nil,
        staffID: StaffID? = nil, channel: String? = nil, sent: Int, answered: Int
    ) {
        self.definitionID = definitionID
        self.locationID = locationID
        self.shiftName = shiftName
        self.staffID = staffID
        self.channel = channel
        self.sent = sent
        self.answered = answered
    }
}
