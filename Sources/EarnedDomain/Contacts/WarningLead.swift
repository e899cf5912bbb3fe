import Foundation

/// When a running target starts to warn: once less than `fraction` of it is left, but never
/// later than `minimum` before it runs out (and never before the clock starts).
public struct WarningLead: Hashable, Codable, Sendable {
    /// Share of the target left when the warning starts; 0.25 warns with a quarter left.
    public var fraction: Double
    /// The shortest warning, in business seconds.
    public var minimum: TimeInterval

    /// A quarter of the target, at least 15 minutes.
    public static let standard = WarningLead(fraction: 0.25, minimum: 15 * 60)

    public init(fraction: Double, minimum: TimeInterval) {
        self.fraction = fraction
        self.minimum = minimum
    }

    /// The business seconds before the end of `target` at which the warning starts:
    /// `min(target, max(fraction × target, minimum))`. A 4-hour target warns 1 hour ahead, a
    /// 30-minute one 15 minutes ahead, a 10-minute one from the start.
    public func lead(for target: TimeInterval) -> TimeInterval {
        guard target > 0 else { return 0 }
        return min(target, max(target * fraction, minimum))
    }

    /// The fraction lies in 0...1 and the minimum is not negative.
    public func problems(field: String) -> [FieldError] {
        var errors: [FieldError] = []
        if !(0...1).contains(fraction) {
            errors.append(FieldError(field: "\(field).fraction", code: .outOfRange, detail: "0 to 1"))
        }
        if !(minimum.isFinite && minimum >= 0) {
            errors.append(FieldError(field: "\(field).minimum", code: .outOfRange, detail: "0 seconds or more"))
        }
        return errors
    }
}
