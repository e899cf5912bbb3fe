import Foundation

/// A customer's loyalty segment after Dick & Basu (1994), "Customer loyalty: toward an
/// integrated conceptual framework", Journal of the Academy of Marketing Science 22(2), 99–113,
/// Figure 2: relative attitude (high/low) crossed with repeat patronage (high/low). Earned adds
/// `unknown` for customers whose evidence is not enough to place them.
public enum LoyaltySegment: String, Codable, Sendable, CaseIterable {
    /// High relative attitude and high repeat patronage.
    case trueLoyalty = "true_loyalty"
    /// High relative attitude, low repeat patronage (situational factors keep them away).
    case latentLoyalty = "latent_loyalty"
    /// Low relative attitude, high repeat patronage: buying on discount or out of habit
    /// ("loyal to free miles", thesis T2).
    case spuriousLoyalty = "spurious_loyalty"
    /// Low relative attitude and low repeat patronage.
    case noLoyalty = "no_loyalty"
    /// Not enough evidence to say.
    case unknown

    /// The position of the segment in `allCases`, for matrices and count arrays.
    public var ordinal: Int {
        switch self {
        case .trueLoyalty: 0
        case .latentLoyalty: 1
        case .spuriousLoyalty: 2
        case .noLoyalty: 3
        case .unknown: 4
        }
    }
}
