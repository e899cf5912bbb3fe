import Foundation

/// The answer of `PromiseCost`: an estimate, or "not enough data" with the counts that fell short.
public enum PromiseCostResult: Hashable, Codable, Sendable {
    /// Enough matched units on both sides.
    case estimated(PromiseCostEstimate)
    /// Fewer matched exposed or matched control units than the minimums.
    case notEnoughData(NotEnoughData)

    /// The counts behind a "not enough data".
    public struct NotEnoughData: Hashable, Codable, Sendable {
        /// Exposed units in strata that also hold controls.
        public var matchedExposed: Int
        /// Control units in strata that also hold exposed units.
        public var matchedControls: Int
        /// Exposed units given.
        public var exposed: Int
        /// Control units given.
        public var controls: Int
        /// The minimum matched exposed units asked for.
        public var minimumExposed: Int
        /// The minimum matched control units asked for.
        public var minimumControls: Int

        /// The counts of a shortfall.
        public init(
            matchedExposed: Int, matchedControls: Int, exposed: Int, controls: Int, minimumExposed: Int,
            minimumControls: Int
        ) {
            self.matchedExposed = matchedExposed
            self.matchedControls = matchedControls
            self.exposed = exposed
            self.controls = controls
            self.minimumExposed = minimumExposed
            self.minimumControls = minimumControls
        }
    }

    /// The estimate, or nil when there was not enough data.
    public var estimate: PromiseCostEstimate? {
        if case .estimated(let estimate) = self { return estimate }
        return nil
    }
}
