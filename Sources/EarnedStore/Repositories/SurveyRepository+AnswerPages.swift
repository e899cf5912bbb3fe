import EarnedDomain
import FluentKit
import Foundation

extension SurveyRepository {
    /// What a page of survey answers asks for: a location, a period of the answer time, a page.
    public struct AnswerQuery: Sendable {
        public var location: LocationID?
        public var from: Date?
        /// Answers before this time.
        public var to: Date?
        public var cursor: String?
        public var limit: Int

        public init(
            location: LocationID? = nil, from: Date? = nil, to: Date? = nil, cursor: String? = nil, limit: Int = 50
        ) {
            self.location = location
            self.from = from
            self.to = to
            self.cursor = cursor
            self.limit = limit
        }
    }

    /// A page of the answers of the locations the actor sees (the rule of
    /// `responses(actor:from:to:lowOnly:limit:)`), newest answered first, with the count.
    public func answers(_ query: AnswerQuery, actor: Staff) async throws -> ResultPage<SurveyResponse> {
        try Policy.require(actor, .viewSurveys)
        let q = SurveyAnswerRecord.query(on: db)
        if let visible = actor.visibleLocationIDs { q.filter(\.$locationID ~~ visible.map(\.rawValue)) }
        if let location = query.location { q.filter(\.$locationID == location.rawValue) }
        if let from = query.from { q.filter(\.$answeredAt >= from) }
        if let to = query.to { q.filter(\.$answeredAt < to) }
        let page = try await KeysetPage.fetch(
            q, time: "answered_at", descending: true, cursor: query.cursor, limit: query.limit,
            timeOf: \.answeredAt)
        return ResultPage(
            items: page.rows.map(\.domain), nextCursor: page.next, total: page.total,
            totalIsLowerBound: page.totalIsLowerBound)
    }
}
