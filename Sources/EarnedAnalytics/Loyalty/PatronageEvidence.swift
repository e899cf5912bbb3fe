import Foundation

/// A customer's repeat patronage: purchases so far and what the BG/NBD model says about the
/// coming period (Fader, Hardie & Lee 2005, "Counting your customers the easy way",
/// Marketing Science 24(2), 275–284).
public struct PatronageEvidence: Hashable, Codable, Sendable {
    /// Purchases so far, the first included (a one-time buyer has 1; a lead who never bought, 0);
    /// purchase days when same-day orders are merged, as `CalibrationSummary` does.
    public var purchases: Int
    /// P(alive) at the end of the history — Fader, Hardie & Lee (2008), "Computing P(alive)
    /// using the BG/NBD model".
    public var probabilityAlive: Double
    /// Expected purchases in the coming period (a year by default in Earned) — Fader, Hardie &
    /// Lee (2005), eq. (10).
    public var expectedPurchases: Double

    /// Patronage from figures already computed.
    public init(purchases: Int, probabilityAlive: Double, expectedPurchases: Double) {
        self.purchases = purchases
        self.probabilityAlive = probabilityAlive
        self.expectedPurchases = expectedPurchases
    }

    /// Patronage of a customer with BG/NBD history (x repeat purchases, recency t_x, age T) under
    /// `model`, with expected purchases over the next `horizon` (in the model's time unit):
    /// P(alive) after Fader, Hardie & Lee (2008) and E[Y(t) | x, t_x, T] after Fader, Hardie &
    /// Lee (2005), eq. (10). Purchases so far are x + 1.
    public init(model: BGNBD, frequency: Int, recency: Double, age: Double, horizon: Double) {
        self.init(
            purchases: frequency + 1,
            probabilityAlive: model.probabilityAlive(frequency: frequency, recency: recency, age: age),
            expectedPurchases: model.conditionalExpectedPurchases(
                in: horizon, frequency: frequency, recency: recency, age: age))
    }

    /// Expected purchases had the customer certainly still been active: E[Y(t)] / P(alive), the
    /// factorisation of Fader, Hardie & Lee (2005), eq. (10). Nil when P(alive) is 0.
    public var expectedPurchasesIfActive: Double? {
        probabilityAlive > 0 ? expectedPurchases / probabilityAlive : nil
    }
}
