import EarnedDomain
import Foundation

/// What an export is asked for: a kind, a dialect, a period of the kind's main time
/// (`ExportKind.periodField`) and a location. Every front door (page, API, command line) reads its
/// own input into one of these.
public struct ExportQuery: Sendable, Hashable {
    public var kind: ExportKind
    public var dialect: ExportDialect
    /// Records at or after this time.
    public var from: Date?
    /// Records before this time.
    public var to: Date?
    public var location: LocationID?

    public init(
        kind: ExportKind, dialect: ExportDialect = .comma, from: Date? = nil, to: Date? = nil,
        location: LocationID? = nil
    ) {
        self.kind = kind
        self.dialect = dialect
        self.from = from
        self.to = to
        self.location = location
    }
}
