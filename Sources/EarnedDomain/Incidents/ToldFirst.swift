import Foundation

/// Whether the business reached an affected customer before the customer had to reach the
/// business — the measure of call-first incident handling.
public enum ToldFirst: String, Codable, Sendable, CaseIterable {
    /// Told strictly before the customer got in touch, or told and they never got in touch.
    case toldFirst = "told_first"
    /// The customer got in touch at or before the moment they were told, or without being told.
    case theyContactedFirst = "they_contacted_first"
    /// Neither has happened yet.
    case pending

    /// Classifies one customer. Only inbound contacts at or after `foundAt` count: what the
    /// customer said before the business knew is not a reaction to the incident. A tie goes to
    /// the customer: being told at the very moment they call is not telling them first.
    public static func classify(foundAt: Date, toldAt: Date?, firstInboundAt: Date?) -> ToldFirst {
        let inbound = firstInboundAt.flatMap { $0 >= foundAt ? $0 : nil }
        switch (toldAt, inbound) {
        case (nil, nil): return .pending
        case (.some, nil): return .toldFirst
        case (nil, .some): return .theyContactedFirst
        case (.some(let told), .some(let inbound)): return told < inbound ? .toldFirst : .theyContactedFirst
        }
    }
}
