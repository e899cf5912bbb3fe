/// What a staff member may see and do.
public enum Role: String, Codable, Sendable, CaseIterable, Comparable {
    /// Sees and manages everything.
    case owner
    /// Sees their locations and manages their staff's work.
    case manager
    /// Sees their own work and their locations' customers.
    case staff

    private var rank: Int {
        switch self {
        case .owner: 3
        case .manager: 2
        case .staff: 1
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool { lhs.rank < rhs.rank }
}
