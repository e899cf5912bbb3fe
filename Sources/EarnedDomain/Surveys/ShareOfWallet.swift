import Foundation

/// How much of what the customer buys of this kind they buy here — the answer to "do you also
/// buy this elsewhere?" (exclusivity, for the Dick & Basu segments).
public enum ShareOfWallet: String, Codable, Sendable, CaseIterable {
    case onlyHere = "only_here"
    case mostlyHere = "mostly_here"
    case aboutHalf = "about_half"
    case mostlyElsewhere = "mostly_elsewhere"

    /// A rough share bought here (1, 0.75, 0.5, 0.25), for averages.
    public var approximateShare: Double {
        switch self {
        case .onlyHere: 1
        case .mostlyHere: 0.75
        case .aboutHalf: 0.5
        case .mostlyElsewhere: 0.25
        }
    }

    /// The choice's words in "ru" or "en" (English for any other language).
    public func label(in language: String) -> String {
        let ru = language == "ru"
        switch self {
        case .onlyHere: return ru ? "Только у вас" : "Only here"
        case .mostlyHere: return ru ? "В основном у вас" : "Mostly here"
        case .aboutHalf: return ru ? "Примерно поровну" : "About half here"
        case .mostlyElsewhere: return ru ? "В основном в других местах" : "Mostly elsewhere"
        }
    }
}
