import EarnedDomain
import FluentKit
import Foundation

extension SurveyRepository {
    /// What the invitations list asks for: a state (nil: any), who served the customer, where,
    /// which survey, sent in a period, about which customers.
    public struct InvitationQuery: Sendable {
        public var state: SurveyInvitation.State?
        public var staff: StaffID?
        public var location: LocationID?
        public var survey: SurveyDefinitionID?
        public var from: Date?
        public var to: Date?
        /// Only these customers' (what a search by name, phone or e-mail found); nil: anyone's.
        public var customers: [CustomerID]?
        public var cursor: String?
        public var limit: Int

        public init(
            state: SurveyInvitation.State? = nil, staff: StaffID? = nil, location: LocationID? = nil,
            survey: SurveyDefinitionID? = nil, from: Date? = nil, to: Date? = nil, customers: [CustomerID]? = nil,
            cursor: String? = nil, limit: Int = 50
        ) {
            self.state = state
            self.staff = staff
            self.location = location
            self.survey = survey
            self.from = from
            self.to = to
            self.customers = customers
            self.cursor = cursor
            self.limit = limit
        }
    }

    /// A page of the invitations sent so far that the actor may see (`Policy.maySee`: their
    /// locations', and those about customers they served), newest first, with the count.
    public func searchInvitations(_ query: InvitationQuery, actor: Staff, now: Date) async throws
        -> ResultPage<SurveyInvitation>
    {
        let q = SurveyInvitationRecord.query(on: db).filter(\.$sendAt <= now)
        if let staff = query.staff { q.filter(\.$staffID == staff.rawValue) }
        if let location = query.location { q.filter(\.$locationID == location.rawValue) }
        if let survey = query.survey { q.filter(\.$definitionID == survey.rawValue) }
        if let from = query.from { q.filter(\.$sendAt >= from) }
        if let to = query.to { q.filter(\.$sendAt < to) }
        if let customers = query.customers { q.filter(\.$customerID ~~ customers.map(\.rawValue)) }
        switch query.state {
        case .open: q.filter(\.$state == "open").filter(\.$expiresAt > now)
        case .expired:
            q.group(.or) {
                $0.filter(\.$state == "expired").group(.and) {
                    $0.filter(\.$state == "open").filter(\.$expiresAt <= now)
                }
            }
        case .answered: q.filter(\.$state == "answered")
        case nil: break
        }
        let page = try await KeysetPage.fetch(
            parts: ListParts.visible(q, to: actor, location: "location_id", people: ["staff_id"]), time: "send_at",
            descending: true, cursor: query.cursor, limit: query.limit, timeOf: \.sendAt)
        return ResultPage(
            items: page.rows.map(\.domain), nextCursor: page.next, total: page.total,
            totalIsLowerBound: page.totalIsLowerBound)
    }
}
