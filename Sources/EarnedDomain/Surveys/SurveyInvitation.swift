import Foundation

public typealias SurveyInvitationID = Identifier<SurveyInvitation>

/// A survey invitation as stored: what it is about, who served the customer, and its one-time
/// link, kept only as a hash. Its life is `open → answered` or `open → expired`; once answered
/// or expired it stays so.
public struct SurveyInvitation: Hashable, Codable, Sendable, Identifiable {
    public enum State: String, Codable, Sendable, CaseIterable {
        case open
        case answered
        case expired
    }

    public var id: SurveyInvitationID
    /// The planner's key ("survey:…"), unique.
    public var key: String
    public var definitionID: SurveyDefinitionID
    public var customerID: CustomerID
    public var subject: ServiceTask.Subject
    public var channel: ContactChannel
    public var language: String
    public var sendAt: Date
    /// The link stops working at this instant.
    public var expiresAt: Date
    /// The hash of the link's token; the token itself is never stored.
    public var tokenHash: String
    /// The stored state; `state(at:)` also counts an open invitation past `expiresAt` as expired.
    public var storedState: State
    public var answeredAt: Date?
    /// Who served the customer, as it was when the invitation was planned.
    public var attribution: SurveyAttribution
    public var createdAt: Date

    public init(
        id: SurveyInvitationID = SurveyInvitationID(), key: String, definitionID: SurveyDefinitionID,
        customerID: CustomerID, subject: ServiceTask.Subject, channel: ContactChannel, language: String,
        sendAt: Date, expiresAt: Date, tokenHash: String, storedState: State = .open, answeredAt: Date? = nil,
        attribution: SurveyAttribution, createdAt: Date
    ) {
        self.id = id
        self.key = key
        self.definitionID = definitionID
        self.customerID = customerID
        self.subject = subject
        self.channel = channel
        self.language = language
        self.sendAt = sendAt
        self.expiresAt = expiresAt
        self.tokenHash = tokenHash
        self.storedState = storedState
        self.answeredAt = answeredAt
        self.attribution = attribution
        self.createdAt = createdAt
    }

    /// An invitation for a planned one, with a new token: the invitation keeps the token's hash
    /// and expires `definition.linkValidity` after `sendAt`; the raw token is returned once, for
    /// the link.
    public static func issue(
        _ planned: PlannedSurveyInvitation, definition: SurveyDefinition, id: SurveyInvitationID, now: Date,
        using generator: inout some RandomNumberGenerator, hash: (String) -> String
    ) -> (invitation: SurveyInvitation, token: SurveyToken) {
        let token = SurveyToken.generate(using: &generator)
        let invitation = SurveyInvitation(
            id: id, key: planned.key, definitionID: planned.definitionID, customerID: planned.customerID,
            subject: planned.subject, channel: planned.channel, language: planned.language, sendAt: planned.sendAt,
            expiresAt: planned.sendAt.addingTimeInterval(definition.linkValidity), tokenHash: token.hashed(by: hash),
            attribution: planned.attribution, createdAt: now)
        return (invitation, token)
    }

    /// The state at `now`: answered stays answered; an open invitation at or after `expiresAt`
    /// is expired.
    public func state(at now: Date) -> State {
        switch storedState {
        case .answered, .expired: storedState
        case .open: now >= expiresAt ? .expired : .open
        }
    }

    /// Stores the expiry of an open invitation whose time has run out (a cleanup pass); false
    /// when nothing changed.
    @discardableResult
    public mutating func expireIfDue(at now: Date) -> Bool {
        guard storedState == .open, now >= expiresAt else { return false }
        storedState = .expired
        return true
    }
}
