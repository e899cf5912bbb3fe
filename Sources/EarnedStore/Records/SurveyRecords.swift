import EarnedDomain
import FluentKit
import Foundation

/// A survey definition: its whole value as a document, with the columns lists filter on.
final class SurveyDefinitionRecord: Model, @unchecked Sendable {
    static let schema = "survey_definitions"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "trigger") var trigger: String
    @Field(key: "is_active") var isActive: Bool
    @Field(key: "document") var document: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ definition: SurveyDefinition) throws {
        id = definition.id.rawValue
        try apply(definition)
    }

    func apply(_ d: SurveyDefinition) throws {
        name = d.name
        trigger = d.trigger.key
        isActive = d.isActive
        document = try DocumentCoding.string(d)
        updatedAt = d.updatedAt
    }

    func domain() throws -> SurveyDefinition { try DocumentCoding.decode(SurveyDefinition.self, document) }
}

extension SurveyDefinitionRecord: DocumentRecord {}

/// The attribution columns shared by invitations and answers.
struct AttributionColumns {
    var staffID: UUID?
    var role: String
    var locationID: UUID?
    var shiftName: String?
    var servedChannel: String?
    var servedAt: Date

    init(_ a: SurveyAttribution) {
        staffID = a.staffID?.rawValue
        role = a.role.rawValue
        locationID = a.locationID?.rawValue
        shiftName = a.shiftName
        servedChannel = a.channel?.key
        servedAt = a.servedAt
    }

    /// The attribution read back; the role says which kind of channel the key names.
    static func domain(
        staffID: UUID?, role: String?, locationID: UUID?, shiftName: String?, servedChannel: String?, servedAt: Date
    ) -> SurveyAttribution {
        let role = role.flatMap(SurveyAttribution.Role.init(rawValue:)) ?? .relationshipOwner
        let channel: SurveyAttribution.Channel? =
            switch role {
            case .seller: servedChannel.flatMap(Order.SalesChannel.init(rawValue:)).map { .sales($0) }
            case .contactOwner: servedChannel.flatMap(InboundContact.Channel.init(rawValue:)).map { .contact($0) }
            case .caseOwner, .relationshipOwner: nil
            }
        return SurveyAttribution(
            staffID: staffID.map(StaffID.init), role: role, locationID: locationID.map(LocationID.init),
            shiftName: shiftName, channel: channel, servedAt: servedAt)
    }
}

/// A one-time survey invitation. Only the hash of its link's token is kept.
final class SurveyInvitationRecord: Model, @unchecked Sendable {
    static let schema = "survey_invitations"

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "definition_id") var definitionID: UUID
    @Field(key: "customer_id") var customerID: UUID
    @Field(key: "subject_kind") var subjectKind: String
    @Field(key: "subject_id") var subjectID: UUID
    @Field(key: "channel") var channel: String
    @Field(key: "language") var language: String
    @Field(key: "send_at") var sendAt: Date
    @Field(key: "expires_at") var expiresAt: Date
    @Field(key: "token_hash") var tokenHash: String
    @Field(key: "state") var state: String
    @OptionalField(key: "answered_at") var answeredAt: Date?
    @OptionalField(key: "sent_at") var sentAt: Date?
    @OptionalField(key: "staff_id") var staffID: UUID?
    @Field(key: "role") var role: String
    @OptionalField(key: "location_id") var locationID: UUID?
    @OptionalField(key: "shift_name") var shiftName: String?
    @OptionalField(key: "served_channel") var servedChannel: String?
    @Field(key: "served_at") var servedAt: Date
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(_ i: SurveyInvitation, sentAt: Date? = nil) {
        id = i.id.rawValue
        key = i.key
        definitionID = i.definitionID.rawValue
        customerID = i.customerID.rawValue
        subjectKind = i.subject.kind.rawValue
        subjectID = i.subject.id
        channel = i.channel.rawValue
        language = i.language
        sendAt = i.sendAt
        expiresAt = i.expiresAt
        tokenHash = i.tokenHash
        state = i.storedState.rawValue
        answeredAt = i.answeredAt
        self.sentAt = sentAt
        let a = AttributionColumns(i.attribution)
        staffID = a.staffID
        role = a.role
        locationID = a.locationID
        shiftName = a.shiftName
        servedChannel = a.servedChannel
        servedAt = a.servedAt
        createdAt = i.createdAt
    }

    var domain: SurveyInvitation {
        SurveyInvitation(
            id: SurveyInvitationID(id!), key: key, definitionID: SurveyDefinitionID(definitionID),
            customerID: CustomerID(customerID),
            subject: ServiceTask.Subject(
                kind: ServiceTask.Subject.Kind(rawValue: subjectKind) ?? .customer, id: subjectID),
            channel: ContactChannel(rawValue: channel) ?? .sms, language: language, sendAt: sendAt,
            expiresAt: expiresAt, tokenHash: tokenHash, storedState: SurveyInvitation.State(rawValue: state) ?? .open,
            answeredAt: answeredAt,
            attribution: AttributionColumns.domain(
                staffID: staffID, role: role, locationID: locationID, shiftName: shiftName,
                servedChannel: servedChannel, servedAt: servedAt),
            createdAt: createdAt)
    }
}

/// One answer: through a link, or imported from a past survey.
final class SurveyAnswerRecord: Model, @unchecked Sendable {
    static let schema = "survey_answers"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "invitation_id") var invitationID: UUID?
    @OptionalField(key: "external_id") var externalID: String?
    @OptionalField(key: "definition_id") var definitionID: UUID?
    @OptionalField(key: "customer_id") var customerID: UUID?
    @OptionalField(key: "subject_kind") var subjectKind: String?
    @OptionalField(key: "subject_id") var subjectID: UUID?
    @Field(key: "language") var language: String
    @Field(key: "answered_at") var answeredAt: Date
    @OptionalField(key: "csat") var csat: Int?
    @OptionalField(key: "nps") var nps: Int?
    @OptionalField(key: "ces") var ces: Int?
    @OptionalField(key: "share_of_wallet") var shareOfWallet: String?
    @OptionalField(key: "fast_enough") var fastEnough: Bool?
    @OptionalField(key: "comment") var comment: String?
    @OptionalField(key: "may_quote") var mayQuote: Bool?
    @OptionalField(key: "may_ask_referral") var mayAskReferral: Bool?
    @OptionalField(key: "staff_id") var staffID: UUID?
    @OptionalField(key: "role") var role: String?
    @OptionalField(key: "location_id") var locationID: UUID?
    @OptionalField(key: "shift_name") var shiftName: String?
    @OptionalField(key: "served_channel") var servedChannel: String?
    @OptionalField(key: "served_at") var servedAt: Date?
    @OptionalField(key: "case_id") var caseID: UUID?
    @Field(key: "source") var source: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(
        id: UUID, values v: SurveyAnswerValues, answeredAt: Date, language: String, attribution: SurveyAttribution?,
        source: SurveyResponse.Source, now: Date
    ) {
        self.id = id
        self.answeredAt = answeredAt
        self.language = language
        csat = v.csat
        nps = v.nps
        ces = v.ces
        shareOfWallet = v.shareOfWallet?.rawValue
        fastEnough = v.fastEnough
        comment = v.comment
        mayQuote = v.mayQuote
        mayAskReferral = v.mayAskReferral
        if let attribution {
            let a = AttributionColumns(attribution)
            staffID = a.staffID
            role = a.role
            locationID = a.locationID
            shiftName = a.shiftName
            servedChannel = a.servedChannel
            servedAt = a.servedAt
        }
        self.source = source.rawValue
        createdAt = now
    }

    convenience init(_ answer: SurveyAnswer, attribution: SurveyAttribution, now: Date) {
        self.init(
            id: answer.id.rawValue, values: answer.values, answeredAt: answer.answeredAt, language: answer.language,
            attribution: attribution, source: .link, now: now)
        invitationID = answer.invitationID.rawValue
        definitionID = answer.definitionID.rawValue
        customerID = answer.customerID.rawValue
        subjectKind = answer.subject.kind.rawValue
        subjectID = answer.subject.id
    }

    var values: SurveyAnswerValues {
        SurveyAnswerValues(
            csat: csat, nps: nps, ces: ces, shareOfWallet: shareOfWallet.flatMap(ShareOfWallet.init(rawValue:)),
            fastEnough: fastEnough, comment: comment, mayQuote: mayQuote, mayAskReferral: mayAskReferral)
    }

    var domain: SurveyResponse {
        SurveyResponse(
            id: SurveyAnswerID(id!), invitationID: invitationID.map(SurveyInvitationID.init),
            externalID: externalID, definitionID: definitionID.map(SurveyDefinitionID.init),
            customerID: customerID.map(CustomerID.init),
            subject: subjectKind.flatMap(ServiceTask.Subject.Kind.init(rawValue:)).flatMap { kind in
                subjectID.map { ServiceTask.Subject(kind: kind, id: $0) }
            }, language: language, answeredAt: answeredAt, values: values,
            attribution: servedAt.map { servedAt in
                AttributionColumns.domain(
                    staffID: staffID, role: role, locationID: locationID, shiftName: shiftName,
                    servedChannel: servedChannel, servedAt: servedAt)
            }, caseID: caseID.map(CaseID.init), source: SurveyResponse.Source(rawValue: source) ?? .link)
    }
}
