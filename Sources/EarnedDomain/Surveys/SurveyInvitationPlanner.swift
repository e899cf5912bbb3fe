import Foundation

/// Decides whether a trigger event gets a survey invitation, and if so when, through which
/// channel and attributed to whom. Running it twice for the same event decides the same, so a
/// repeated scheduler pass only finds the key already taken.
///
/// In order, the first that applies:
/// 1. an inactive survey, or an event that does not fit it (another trigger, another customer,
///    not happened yet), is skipped;
/// 2. an erased customer is skipped;
/// 3. sampling: the event is drawn when `sampleDraw(definitionID:subjectKey:)` is below the
///    rate — a hash, not a random number, so the draw never changes;
/// 4. the channel: the preferred one when it is a written channel and consented, else the first
///    consented of messenger, SMS, e-mail (as `GreetingPlanner.channel(for:)`); a survey link
///    never goes out without consent, and never by a call;
/// 5. the time: the trigger time plus the delay, moved to the opening of the sending window in
///    the customer's time zone when it falls in quiet hours;
/// 6. the fatigue budget at that time, for a touch of kind `.survey`.
public enum SurveyInvitationPlanner {
    /// The channels a survey link may go through, in the order tried after the preferred one.
    public static let channels: [ContactChannel] = [.messenger, .sms, .email]

    /// The decision for one event.
    ///
    /// - Parameters:
    ///   - customerTimeZone: the zone quiet hours are read in (the customer's home location's).
    ///   - location: the location that served the customer, for the shift name; its id should be
    ///     the event's location.
    ///   - touches: the customer's recent touches, for the fatigue budget.
    public static func plan(
        definition: SurveyDefinition, event: SurveyTriggerEvent, customer: Customer, customerTimeZone: TimeZone,
        location: Location?, touches: [Touch], budget: FatigueBudget
    ) -> SurveyInvitationDecision {
        let key = key(definition: definition, event: event)
        func skip(_ reason: SurveyInvitationDecision.SkipReason) -> SurveyInvitationDecision {
            .skipped(key: key, reason: reason)
        }
        guard definition.isActive else { return skip(.inactive) }
        guard event.matches(definition.trigger), event.customerID == customer.id, let occurredAt = event.occurredAt
        else { return skip(.notApplicable) }
        guard customer.erasedAt == nil else { return skip(.erased) }
        guard isSampled(rate: definition.samplingRate, definitionID: definition.id, subjectKey: subjectKey(key))
        else { return skip(.notSampled) }
        guard let channel = channel(for: customer) else { return skip(.noConsent) }
        let sendAt = definition.quietHours.nextSendTime(
            onOrAfter: occurredAt.addingTimeInterval(definition.delay), in: customerTimeZone)
        guard budget.allows(.survey, at: sendAt, history: touches) else { return skip(.fatigueBudget) }
        return .planned(
            PlannedSurveyInvitation(
                key: key, definitionID: definition.id, customerID: customer.id, subject: event.subject,
                channel: channel, sendAt: sendAt, language: customer.language == "en" ? "en" : "ru",
                attribution: attribution(for: event, customer: customer, at: occurredAt, location: location)))
    }

    /// The channel a survey link goes through, or nil when the customer consented to none.
    public static func channel(for customer: Customer) -> ContactChannel? {
        if let preferred = customer.preferredChannel, channels.contains(preferred), customer.mayContact(via: preferred)
        {
            return preferred
        }
        return channels.first { customer.mayContact(via: $0) }
    }

    /// "survey:<definition id>:<subject kind>:<subject id>", ids in lower case; a relationship
    /// survey adds ":<period number>" (days since 1970 of the period start in UTC divided by the
    /// interval), so each period has its own key.
    public static func key(definition: SurveyDefinition, event: SurveyTriggerEvent) -> String {
        let subject = event.subject
        var key = "survey:\(definition.id.description):\(subject.kind.rawValue):\(subject.id.uuidString.lowercased())"
        if case .relationship(let days) = definition.trigger, days > 0, let start = event.occurredAt {
            let day = Int((start.timeIntervalSince1970 / 86_400).rounded(.down))
            key += ":\(WallClock.floorDiv(day, days))"
        }
        return key
    }

    /// Whether an event is in the sample: its draw is below `rate` (always at 1, never at 0).
    public static func isSampled(rate: Double, definitionID: SurveyDefinitionID, subjectKey: String) -> Bool {
        sampleDraw(definitionID: definitionID, subjectKey: subjectKey) < rate
    }

    /// A number in [0, 1) fixed by the survey and the subject: FNV-1a (64 bit) of
    /// "<definition id>|<subject key>", mixed by SplitMix64's finalizer, top 53 bits. Stable across
    /// processes and versions (unlike `Hasher`, which is seeded per process).
    public static func sampleDraw(definitionID: SurveyDefinitionID, subjectKey: String) -> Double {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(definitionID.description)|\(subjectKey)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        hash ^= hash >> 31
        return Double(hash >> 11) / Double(UInt64(1) << 53)
    }

    /// The part of a key after "survey:<definition id>:".
    static func subjectKey(_ key: String) -> String {
        // What follows the second colon ("<kind>:<id>[:<period>]"), found without splitting.
        var colons = 0
        for index in key.utf8.indices where key.utf8[index] == UInt8(ascii: ":") {
            colons += 1
            if colons == 2 { return String(key[key.index(after: index)...]) }
        }
        return String(key.split(separator: ":", maxSplits: 2).last ?? "")
    }

    /// Who served the customer and where, as the event says now.
    static func attribution(
        for event: SurveyTriggerEvent, customer: Customer, at occurredAt: Date, location: Location?
    ) -> SurveyAttribution {
        let staffID: StaffID?
        let role: SurveyAttribution.Role
        let locationID: LocationID?
        let channel: SurveyAttribution.Channel?
        switch event {
        case .orderDelivered(let order):
            (staffID, role, locationID, channel) = (order.sellerID, .seller, order.locationID, .sales(order.channel))
        case .contactResolved(let contact):
            (staffID, role, locationID, channel) = (
                contact.ownerID, .contactOwner, contact.locationID, .contact(contact.channel)
            )
        case .caseClosed(let serviceCase):
            (staffID, role, locationID, channel) = (serviceCase.ownerID, .caseOwner, serviceCase.locationID, nil)
        case .relationship:
            (staffID, role, locationID, channel) = (customer.ownerID, .relationshipOwner, customer.homeLocationID, nil)
        }
        let shiftLocation = location?.id == locationID ? location : nil
        return SurveyAttribution(
            staffID: staffID, role: role, locationID: locationID,
            shiftName: SurveyAttribution.shiftName(at: occurredAt, location: shiftLocation), channel: channel,
            servedAt: occurredAt)
    }
}
