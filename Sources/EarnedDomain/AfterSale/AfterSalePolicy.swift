import Foundation

/// How a location follows up a sale once the order is delivered: a contact at handover, then one
/// after each of a few day offsets (by default 1, 7 and 30 days).
public struct AfterSalePolicy: Hashable, Codable, Sendable {
    /// How the customer is contacted at handover: met in person, or called.
    public enum HandoverContact: String, Codable, Sendable, CaseIterable {
        case visit
        case call
    }

    public var handover: HandoverContact
    /// Days after delivery for the later follow-ups, ascending.
    public var offsetsDays: [Int]

    public init(handover: HandoverContact = .visit, offsetsDays: [Int] = Self.defaultOffsetsDays) {
        self.handover = handover
        self.offsetsDays = offsetsDays
    }

    /// 1, 7 and 30 days after delivery.
    public static let defaultOffsetsDays = [1, 7, 30]
    /// The most follow-ups after handover a policy may plan.
    public static let maximumSteps = 6
    /// The offsets a policy may use, in days.
    public static let allowedDays = 1...365

    /// The policy, or every problem at once: each offset within `allowedDays`
    /// (`offsets_days.<index>`), no offset twice (`offsets_days.<index>` duplicate), offsets in
    /// ascending order and at most `maximumSteps` of them (`offsets_days`).
    public func validated() throws(DomainError) -> AfterSalePolicy {
        var v = Validator()
        if offsetsDays.count > Self.maximumSteps {
            v.add("offsets_days", .outOfRange, limit: Self.maximumSteps, detail: "at most 6 follow-ups")
        }
        var seen: Set<Int> = []
        for (index, days) in offsetsDays.enumerated() {
            if !Self.allowedDays.contains(days) {
                v.add("offsets_days.\(index)", .outOfRange, detail: "1 to 365 days")
            }
            if !seen.insert(days).inserted { v.add("offsets_days.\(index)", .duplicate) }
        }
        if zip(offsetsDays, offsetsDays.dropFirst()).contains(where: { $0 > $1 }) {
            v.add("offsets_days", .inconsistent, detail: "offsets must be in ascending order")
        }
        try v.check()
        return self
    }
}
