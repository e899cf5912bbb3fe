import Foundation

/// Which answers count as low and open a case (the closed loop): CSAT at most `csatAtMost`,
/// NPS at most `npsAtMost` (a detractor, after Reichheld 2003), CES at least `cesAtLeast`.
public struct LowScoreThresholds: Hashable, Codable, Sendable {
    public var csatAtMost: Int
    public var npsAtMost: Int
    public var cesAtLeast: Int

    /// CSAT ≤ 2, NPS ≤ 6, CES ≥ 5.
    public static let standard = LowScoreThresholds()

    /// The thresholds an owner may set: one value below the top of CSAT, below the top of NPS,
    /// above the bottom of CES (so that not every answer is low).
    public static let csatLimits = 1...4
    public static let npsLimits = 0...9
    public static let cesLimits = 2...7

    public init(csatAtMost: Int = 2, npsAtMost: Int = 6, cesAtLeast: Int = 5) {
        self.csatAtMost = csatAtMost
        self.npsAtMost = npsAtMost
        self.cesAtLeast = cesAtLeast
    }

    /// Whether a score of a scored question is low; false for other kinds.
    public func isLow(_ kind: SurveyQuestion.Kind, _ score: Int) -> Bool {
        switch kind {
        case .csat: score <= csatAtMost
        case .nps: score <= npsAtMost
        case .ces: score >= cesAtLeast
        case .shareOfWallet, .fastEnough, .freeText, .quotePermission, .referralPermission: false
        }
    }

    /// The problems of thresholds outside their limits, with fields under `prefix`.
    public func problems(field prefix: String) -> [FieldError] {
        var errors: [FieldError] = []
        func check(_ name: String, _ value: Int, _ limits: ClosedRange<Int>) {
            if !limits.contains(value) {
                errors.append(
                    FieldError(
                        field: "\(prefix).\(name)", code: .outOfRange,
                        detail: "\(limits.lowerBound) to \(limits.upperBound)"))
            }
        }
        check("csat", csatAtMost, Self.csatLimits)
        check("nps", npsAtMost, Self.npsLimits)
        check("ces", cesAtLeast, Self.cesLimits)
        return errors
    }
}
