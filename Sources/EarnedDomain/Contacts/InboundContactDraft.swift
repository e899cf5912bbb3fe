import Foundation

/// What a person, the API, a channel integration or an import supplies to record or change an
/// inbound contact.
public struct InboundContactDraft: Sendable, Codable, Hashable {
    public var channel: InboundContact.Channel?
    public var priority: Priority?
    public var customerID: CustomerID?
    public var locationID: LocationID?
    public var receivedAt: Date?
    public var subject: String?
    public var body: String?
    public var fromAddress: String?
    public var ownerID: StaffID?
    public var firstResponseAt: Date?
    public var resolvedAt: Date?
    public var caseID: CaseID?
    public var externalID: String?

    public init(
        channel: InboundContact.Channel? = nil, priority: Priority? = nil, customerID: CustomerID? = nil,
        locationID: LocationID? = nil, receivedAt: Date? = nil, subject: String? = nil, body: String? = nil,
        fromAddress: String? = nil, ownerID: StaffID? = nil, firstResponseAt: Date? = nil, resolvedAt: Date? = nil,
        caseID: CaseID? = nil, externalID: String? = nil
    ) {
        self.channel = channel
        self.priority = priority
        self.customerID = customerID
        self.locationID = locationID
        self.receivedAt = receivedAt
        self.subject = subject
        self.body = body
        self.fromAddress = fromAddress
        self.ownerID = ownerID
        self.firstResponseAt = firstResponseAt
        self.resolvedAt = resolvedAt
        self.caseID = caseID
        self.externalID = externalID
    }

    public static let subjectLimit = 200
    public static let bodyLimit = 4000
    public static let fromAddressLimit = 254
    public static let externalIDLimit = 100
    /// How far ahead of `now` a time may lie (clocks of phones and integrations drift).
    public static let futureTolerance: TimeInterval = 5 * 60

    /// Checks the draft and returns the contact it describes, reporting every bad field.
    ///
    /// Missing values keep `existing`'s; `receivedAt` defaults to `now` and `priority` to normal.
    /// No time may lie more than five minutes after `now`; the first response and the resolution
    /// cannot come before the contact was received, nor the first response after the resolution.
    /// A contact resolved while waiting on the customer stops waiting at the resolution.
    public func validated(id: ContactID, now: Date, existing: InboundContact? = nil) throws(DomainError)
        -> InboundContact
    {
        var v = Validator()
        let channel = channel ?? existing?.channel
        if channel == nil { v.add("channel", .required, detail: Self.choices(InboundContact.Channel.allCases)) }
        let locationID = locationID ?? existing?.locationID
        if locationID == nil { v.add("location_id", .required) }
        let subject = v.text("subject", subject ?? existing?.subject, required: true, max: Self.subjectLimit)
        let body = v.text("body", body ?? existing?.body, max: Self.bodyLimit)
        let from = v.text("from_address", fromAddress ?? existing?.fromAddress, max: Self.fromAddressLimit)
        let externalID = v.text("external_id", externalID ?? existing?.externalID, max: Self.externalIDLimit)
        let latest = now.addingTimeInterval(Self.futureTolerance)
        let receivedAt = receivedAt ?? existing?.receivedAt ?? now
        if receivedAt > latest { v.add("received_at", .outOfRange, detail: "cannot be in the future") }
        let firstResponseAt = firstResponseAt ?? existing?.firstResponseAt
        let resolvedAt = resolvedAt ?? existing?.resolvedAt
        for (field, time) in [("first_response_at", firstResponseAt), ("resolved_at", resolvedAt)] {
            guard let time else { continue }
            if time > latest {
                v.add(field, .outOfRange, detail: "cannot be in the future")
            } else if time < receivedAt {
                v.add(field, .inconsistent, detail: "cannot be before the contact was received")
            }
        }
        if let firstResponseAt, let resolvedAt, firstResponseAt > resolvedAt {
            v.add("first_response_at", .inconsistent, detail: "cannot be after the resolution")
        }
        var waiting = existing?.waiting ?? []
        var waitingSince = existing?.waitingSince
        if let resolvedAt, let since = waitingSince {
            if resolvedAt < since {
                v.add("resolved_at", .inconsistent, detail: "cannot be before the current wait on the customer began")
            } else {
                waiting.append(DateInterval(start: since, end: resolvedAt))
                waitingSince = nil
            }
        }
        try v.check()
        return InboundContact(
            id: id, channel: channel!, priority: priority ?? existing?.priority ?? .normal,
            customerID: customerID ?? existing?.customerID, locationID: locationID!, receivedAt: receivedAt,
            subject: subject ?? "", body: body, fromAddress: from, ownerID: ownerID ?? existing?.ownerID,
            firstResponseAt: firstResponseAt ?? resolvedAt, resolvedAt: resolvedAt, waiting: waiting,
            waitingSince: waitingSince, caseID: caseID ?? existing?.caseID, externalID: externalID,
            createdAt: existing?.createdAt ?? now, updatedAt: now)
    }

    static func choices<T: RawRepresentable<String>>(_ values: [T]) -> String {
        values.map(\.rawValue).joined(separator: ", ")
    }
}
