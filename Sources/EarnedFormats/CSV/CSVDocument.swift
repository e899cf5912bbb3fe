import Foundation

/// A delimited text file read all at once by ``CSVReader``.
public struct CSVDocument: Sendable, Hashable {
    /// The records, in file order; blank lines are left out.
    public var records: [CSVRecord]
    /// The dialect that was detected (or forced).
    public var dialect: CSVDialect
    /// The text encoding that was detected (or forced).
    public var encoding: TextDecoding.Encoding
    /// Whether the input started with a byte-order mark.
    public var hadByteOrderMark: Bool

    /// Creates a document.
    public init(
        records: [CSVRecord],
        dialect: CSVDialect,
        encoding: TextDecoding.Encoding,
        hadByteOrderMark: Bool
    ) {
        self.records = records
        self.dialect = dialect
        self.encoding = encoding
        self.hadByteOrderMark = hadByteOrderMark
    }
}
