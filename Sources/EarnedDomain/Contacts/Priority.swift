/// How urgent an inbound contact or a service case is; scales reply and resolution targets.
public enum Priority: String, Codable, Sendable, CaseIterable, Comparable, CodingKeyRepresentable {
    case low
    case normal
    case high
    case urgent

    /// 0 for low up to 3 for urgent.
    public var rank: Int {
        switch self {
        case .low: 0
        case .normal: 1
        case .high: 2
        case .urgent: 3
        }
    }

    /// Orders by urgency: low < normal < high < urgent.
    public static func < (lhs: Priority, rhs: Priority) -> Bool { lhs.rank < rhs.rank }
}
