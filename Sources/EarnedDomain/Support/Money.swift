import Foundation

/// An amount of money in minor units (kopecks, cents) with its ISO 4217 currency code.
/// Integers only: no floating point ever touches an amount.
public struct Money: Hashable, Codable, Sendable {
    public var minorUnits: Int64
    public var currency: String

    public init(minorUnits: Int64, currency: String) {
        self.minorUnits = minorUnits
        self.currency = currency
    }

    /// Whether `code` looks like an ISO 4217 code: three Latin capital letters.
    public static func isCurrencyCode(_ code: String) -> Bool {
        code.count == 3 && code.unicodeScalars.allSatisfy { $0.value >= 65 && $0.value <= 90 }
    }

    /// The amount as text with two decimals and a dot, e.g. "1234.50" (for CSV export).
    public var plainDecimal: String {
        let sign = minorUnits < 0 ? "-" : ""
        let absolute = minorUnits.magnitude
        let fraction = absolute % 100
        return "\(sign)\(absolute / 100).\(fraction < 10 ? "0" : "")\(fraction)"
    }
}
