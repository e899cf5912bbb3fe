import EarnedDomain
import FluentKit
import Foundation

/// Everything Earned holds about one customer, as one document: what a person may ask for
/// under 152-FZ art. 14 or GDPR art. 15. Their card, and every record that names them —
/// notes, orders, promises, cases, inbound contacts, tasks, survey invitations and answers,
/// referrals, touches, incident outreach — and their scores.
public struct CustomerDataExport: Encodable, Sendable {
    public struct Outreach: Encodable, Sendable {
        public var incidentID: UUID
        public var title: String
        public var foundAt: Date
        public var toldAt: Date?
    }

    public struct Scores: Encodable, Sendable {
        public var segment: String
        public var atRisk: Bool
        public var purchases: Int
        public var probabilityAlive: Double?
        public var expectedPurchases: Double?
        public var lifetimeValueMinorUnits: Int64?
        public var currency: String?
        public var discountShare: Double?
    }

    public var exportedAt: Date
    public var customer: Customer
    /// Ids of duplicate records merged into this one; their history is part of this one's.
    public var mergedRecordIDs: [UUID]
    public var notes: [CustomerNote]
    public var orders: [Order]
    public var promises: [Promise]
    public var cases: [ServiceCase]
    public var inboundContacts: [InboundContact]
    public var tasks: [ServiceTask]
    public var surveyInvitations: [SurveyInvitation]
    public var surveyAnswers: [SurveyResponse]
    public var referralsGiven: [Referral]
    public var referredBy: [Referral]
    public var touches: [Touch]
    public var incidentOutreach: [Outreach]
    public var scores: Scores?

    enum CodingKeys: String, CodingKey {
        case exportedAt, customer, notes, orders, promises, cases, inboundContacts, tasks, surveyInvitations
        case surveyAnswers, referralsGiven, referredBy, touches, incidentOutreach, scores
        case mergedRecordIDs = "merged_record_ids"
    }

    /// The document as a file: JSON with ISO 8601 times, keys sorted, indented.
    public func json() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        // The API's spelling: home_location_id, not homeLocationID.
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return try encoder.encode(self)
    }
}

extension CustomerRepository {
    /// Gathers a customer's data for their access request, and notes in the audit log who did.
    public func export(_ id: CustomerID, actor: Staff, now: Date) async throws -> CustomerDataExport {
        try Policy.require(actor, .exportData)
        let customer = try await get(id, actor: actor)
        let key = customer.id.rawValue
        let merged = try await CustomerRecord.query(on: db).filter(\.$mergedIntoID == key).all(\.$id)
        let orders = try await OrderRecord.query(on: db).filter(\.$customerID == key).sort(\.$placedAt).all()
        let promises = try await PromiseRecord.query(on: db).filter(\.$customerID == key).all().map { try $0.domain() }
        let cases = try await ServiceCaseRecord.query(on: db).filter(\.$customerID == key).all().map {
            try $0.domain()
        }
        let contacts = try await InboundContactRecord.query(on: db).filter(\.$customerID == key).all().map {
            try $0.domain()
        }
        let tasks = try await ServiceTaskRecord.query(on: db).filter(\.$customerID == key).all().map(\.domain)
        let invitations = try await SurveyInvitationRecord.query(on: db).filter(\.$customerID == key).all().map {
            record -> SurveyInvitation in
            var invitation = record.domain
            // The link's hash opens nothing, but it is Earned's secret, not the customer's data.
            invitation.tokenHash = ""
            return invitation
        }
        let answers = try await SurveyAnswerRecord.query(on: db).filter(\.$customerID == key).all().map(\.domain)
        let referrals = try await ReferralRepository(db: db).of(customer.id)
        let touches = try await TouchRecord.query(on: db).filter(\.$customerID == key).sort(\.$at).all().compactMap {
            record in TouchKind(rawValue: record.kind).map { Touch(at: record.at, kind: $0) }
        }
        let affected = try await IncidentCustomerRecord.query(on: db).filter(\.$customerID == key).all()
        var incidents: [UUID: Incident] = [:]
        for record in try await IncidentRecord.query(on: db).filter(\.$id ~~ affected.map(\.incidentID)).all() {
            incidents[record.id!] = try record.domain()
        }
        let outreach = affected.compactMap { row in
            incidents[row.incidentID].map {
                CustomerDataExport.Outreach(
                    incidentID: row.incidentID, title: $0.title, foundAt: $0.foundAt, toldAt: row.toldAt)
            }
        }
        let score = try await ScoreStore(db: db).customerScore(customer.id)
        let notes = try await CustomerNoteRecord.query(on: db).filter(\.$customerID == key).sort(\.$createdAt).all()
        try await AuditLog(db: db).record(
            .exported, "customer", key, by: actor, summary: "the customer's data, on their request", at: now)
        return CustomerDataExport(
            exportedAt: now, customer: customer, mergedRecordIDs: merged, notes: notes.map(\.domain),
            orders: orders.map(\.domain), promises: promises, cases: cases, inboundContacts: contacts,
            tasks: tasks, surveyInvitations: invitations, surveyAnswers: answers, referralsGiven: referrals.gave,
            referredBy: referrals.broughtBy, touches: touches, incidentOutreach: outreach,
            scores: score.map {
                .init(
                    segment: $0.segment, atRisk: $0.atRisk, purchases: $0.purchases,
                    probabilityAlive: $0.probabilityAlive, expectedPurchases: $0.expectedPurchases,
                    lifetimeValueMinorUnits: $0.lifetimeValueMinor, currency: $0.currency,
                    discountShare: $0.discountShare)
            })
    }
}
