import EarnedDomain
import FluentKit
import Foundation

extension DemoServiceWriter {
    /// Writes one part of the demo's survey history: invitations, their touches, and the
    /// answers with the attribution of their invitations. The surveys themselves go in first,
    /// once (`SurveyRepository.insert`).
    public func write(
        invitations: [SurveyInvitation], answers: [SurveyAnswer],
        touches: [(customerID: CustomerID, touch: Touch, taskKey: String)]
    ) async throws {
        let bulk = BulkWriter(db: db)
        let byID = Dictionary(invitations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        try await bulk.insert(
            SurveyInvitationRecord.schema, columns: SurveyRepository.invitationColumns,
            rows: invitations.map { SurveyRepository.values($0, sentAt: $0.sendAt) })
        try await bulk.insert(
            "customer_touches", columns: ["id", "customer_id", "kind", "at", "task_key"],
            rows: touches.map { t in
                [
                    .uuid(IDGenerator.next()), .uuid(t.customerID.rawValue), .text(t.touch.kind.rawValue),
                    .date(t.touch.at), .text(t.taskKey),
                ]
            })
        func flag(_ value: Bool?) -> BulkValue { value.map(BulkValue.bool) ?? .null }
        try await bulk.insert(
            SurveyAnswerRecord.schema,
            columns: [
                "id", "invitation_id", "definition_id", "customer_id", "subject_kind", "subject_id", "language",
                "answered_at", "csat", "nps", "ces", "share_of_wallet", "fast_enough", "comment", "may_quote",
                "may_ask_referral", "staff_id", "role", "location_id", "shift_name", "served_channel", "served_at",
                "source", "created_at",
            ],
            rows: answers.compactMap { a in
                guard let invitation = byID[a.invitationID] else { return nil }
                let at = AttributionColumns(invitation.attribution)
                let v = a.values
                return [
                    .uuid(a.id.rawValue), .uuid(a.invitationID.rawValue), .uuid(a.definitionID.rawValue),
                    .uuid(a.customerID.rawValue), .text(a.subject.kind.rawValue), .uuid(a.subject.id),
                    .text(a.language), .date(a.answeredAt), .integer(v.csat), .integer(v.nps), .integer(v.ces),
                    .text(v.shareOfWallet?.rawValue), flag(v.fastEnough), .text(v.comment), flag(v.mayQuote),
                    flag(v.mayAskReferral), .uuid(at.staffID), .text(at.role), .uuid(at.locationID),
                    .text(at.shiftName), .text(at.servedChannel), .date(at.servedAt),
                    .text(SurveyResponse.Source.link.rawValue), .date(a.answeredAt),
                ]
            })
    }
}
