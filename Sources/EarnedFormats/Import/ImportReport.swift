import EarnedDomain
import Foundation

/// What an import did, or — for a preview — would do: the counts, every problem, and what the
/// reader made of the file (encoding, separator, which column went to which field, a sample
/// of rows as read, the names it could not match and the zones it read times in).
public struct ImportReport: Sendable, Hashable {
    public var rows: Int = 0
    public var created: Int = 0
    public var updated: Int = 0
    public var unchanged: Int = 0
    public var skipped: Int = 0
    public var problems: [ImportProblem] = []
    /// True when nothing was written because of problems (all-or-nothing).
    public var rolledBack: Bool = false
    /// True for a preview: the file was read and checked, nothing was written.
    public var dryRun: Bool = false
    public var encoding: String = ""
    public var separator: String = ""
    /// Every column of the header, recognised or not.
    public var columns: [ImportColumn] = []
    /// The first rows as they would be stored.
    public var sample: [ImportSampleRow] = []
    /// Sellers (and relationship owners) the file names that match no staff member and have
    /// no choice yet.
    public var unmatchedSellers: [UnmatchedName] = []
    /// Stores the file names that match no location and have no choice yet.
    public var unmatchedStores: [UnmatchedName] = []
    /// How many order lines had their times read in each kind of zone, and which zones.
    public var zones: [ZoneUse] = []
    /// Staff members created for sellers the file names (chosen "create").
    public var staffCreated: Int = 0
    /// Customers added by this import that share a phone, an e-mail, a code or a name with
    /// another card: merge suggestions.
    public var duplicateSuggestions: Int = 0

    public init() {}

    /// Whether the file can be imported as it is: nothing left to fix or choose.
    public var isReady: Bool { problems.isEmpty && unmatchedSellers.isEmpty && unmatchedStores.isEmpty }
}

/// One column of an imported file: its header and the field it goes to (nil: ignored).
public struct ImportColumn: Sendable, Hashable {
    /// 0-based.
    public var index: Int
    public var header: String
    public var field: String?
    /// True when the user chose to skip a column the reader recognised.
    public var skipped: Bool

    public init(index: Int, header: String, field: String?, skipped: Bool = false) {
        self.index = index
        self.header = header
        self.field = field
        self.skipped = skipped
    }
}

/// A row of the file as it would be stored: field name → value as read (times with their
/// offset, amounts as plain decimals, phones normalised).
public struct ImportSampleRow: Sendable, Hashable {
    public var line: Int
    public var values: [(field: String, value: String)]

    public init(line: Int, values: [(field: String, value: String)]) {
        self.line = line
        self.values = values
    }

    public static func == (a: Self, b: Self) -> Bool {
        a.line == b.line && a.values.map(\.field) == b.values.map(\.field)
            && a.values.map(\.value) == b.values.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(line)
        for (field, value) in values {
            hasher.combine(field)
            hasher.combine(value)
        }
    }
}

/// A seller or store name the file uses that matches nothing: how it is written, on how many
/// lines, the first of them, and the column it is in.
public struct UnmatchedName: Sendable, Hashable {
    public var name: String
    public var key: String
    public var lines: Int
    public var firstLine: Int
    public var column: String

    public init(name: String, key: String, lines: Int, firstLine: Int, column: String) {
        self.name = name
        self.key = key
        self.lines = lines
        self.firstLine = firstLine
        self.column = column
    }
}

/// Where an order's times were read: in its store's zone, in the importer's, or in the
/// business's default zone.
public struct ZoneUse: Sendable, Hashable {
    public enum Source: String, Sendable, Hashable, CaseIterable {
        case store, importer, business
    }

    public var source: Source
    public var zone: String
    public var lines: Int

    public init(source: Source, zone: String, lines: Int) {
        self.source = source
        self.zone = zone
        self.lines = lines
    }
}

/// What the importer does with a seller name that matches no staff member.
public enum SellerChoice: Sendable, Hashable {
    /// This staff member.
    case staff(StaffID)
    /// A new staff member with this name and no sign-in.
    case create
    /// The orders keep no seller.
    case empty
}

/// What the importer does with a store name that matches no location.
public enum StoreChoice: Sendable, Hashable {
    case location(LocationID)
    /// The line keeps no store of its own (an order then takes its customer's).
    case empty
}
