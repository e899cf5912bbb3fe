import Foundation

/// Who and what served the customer, captured when the invitation is planned so that results
/// stay with them even after the order or the case is reassigned later.
public struct SurveyAttribution: Hashable, Codable, Sendable {
    /// The part the person played.
    public enum Role: String, Codable, Sendable, CaseIterable {
        /// Sold the order.
        case seller
        /// Owned the inbound contact.
        case contactOwner = "contact_owner"
        /// Owned the service case.
        case caseOwner = "case_owner"
        /// Owns the customer relationship.
        case relationshipOwner = "relationship_owner"
    }

    /// The way the customer was served: an order's sales channel or a contact's channel.
    public enum Channel: Hashable, Codable, Sendable {
        case sales(Order.SalesChannel)
        case contact(InboundContact.Channel)

        /// The raw value of the underlying channel ("store", "web", "call", "email", …).
        public var key: String {
            switch self {
            case .sales(let channel): channel.rawValue
            case .contact(let channel): channel.rawValue
            }
        }
    }

    public var staffID: StaffID?
    public var role: Role
    public var locationID: LocationID?
    /// The name of the location's shift at `servedAt` in the location's time zone, if any.
    public var shiftName: String?
    public var channel: Channel?
    /// The trigger's time: delivery, resolution, confirmation, or the relationship period start.
    public var servedAt: Date

    public init(
        staffID: StaffID?, role: Role, locationID: LocationID?, shiftName: String?, channel: Channel?,
        servedAt: Date
    ) {
        self.staffID = staffID
        self.role = role
        self.locationID = locationID
        self.shiftName = shiftName
        self.channel = channel
        self.servedAt = servedAt
    }

    /// The shift of `location` a moment falls in, read in the location's time zone.
    public static func shiftName(at instant: Date, location: Location?) -> String? {
        guard let location, let zone = TimeZone(identifier: location.timeZone) else { return nil }
        let second = QuietHours.secondOfDay(instant, WallClock(timeZone: zone))
        return location.shift(atMinuteOfDay: second / 60)?.name
    }
}
