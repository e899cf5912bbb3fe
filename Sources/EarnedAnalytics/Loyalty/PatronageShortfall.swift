import Foundation

/// Why repeat patronage is low, as a code for the reason text.
public enum PatronageShortfall: Hashable, Codable, Sendable {
    /// Fewer purchases than a repeat buyer has (0 or 1 by default).
    case noRepeatPurchase(purchases: Int)
    /// P(alive) is below the low threshold: probably no longer buying here.
    case probablyLapsed(probabilityAlive: Double)
    /// Expected purchases below the base's reference level.
    case belowBase(expectedPurchases: Double, reference: Double)
}
