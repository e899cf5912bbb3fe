import Foundation

/// Something done to put a service case right: a replacement, a repair, a refund, an
/// explanation, an apology; with what it cost the business.
public struct CorrectiveAction: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case replace
        case repair
        case refund
        case explain
        case apologise
        case other
    }

    public var kind: Kind
    /// What it cost the business, in minor units of `currency`; 0 or more.
    public var costMinorUnits: Int64
    /// ISO 4217 code, e.g. "RUB".
    public var currency: String
    public var note: String?
    public var at: Date
    public var byID: StaffID

    public init(
        kind: Kind, costMinorUnits: Int64 = 0, currency: String, note: String? = nil, at: Date, byID: StaffID
    ) {
        self.kind = kind
        self.costMinorUnits = costMinorUnits
        self.currency = currency
        self.note = note
        self.at = at
        self.byID = byID
    }

    public static let noteLimit = 1000

    /// The cost as money.
    public var cost: Money { Money(minorUnits: costMinorUnits, currency: currency) }

    /// Cost 0 or more (and at most `OrderDraft.amountLimit`), a currency code, a note of at most
    /// `noteLimit` characters.
    public var problems: [FieldError] {
        var v = Validator()
        if costMinorUnits < 0 || costMinorUnits > OrderDraft.amountLimit {
            v.add("cost_minor_units", .outOfRange, detail: "0 or more")
        }
        if !Money.isCurrencyCode(currency) { v.add("currency", .invalidFormat, detail: "a code such as RUB") }
        v.text("note", note, max: Self.noteLimit)
        return v.errors
    }
}
