import EarnedDomain
import Foundation

/// Call-first outreach to one customer affected by an incident, as the `incident_customers`
/// table keeps it, with the inbound side of the race (`result.firstInboundAt`) from the demo's
/// own contacts about the incident.
public struct DemoOutreach: Hashable, Codable, Sendable {
    public var incidentID: IncidentID
    public var result: OutreachResult
    /// The channel the customer was (or would have been) told on; nil without any consent.
    public var channel: ContactChannel?

    public init(incidentID: IncidentID, result: OutreachResult, channel: ContactChannel?) {
        self.incidentID = incidentID
        self.result = result
        self.channel = channel
    }
}
