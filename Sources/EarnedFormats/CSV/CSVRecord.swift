import Foundation

/// One record (row) of a delimited text file: its fields and the line it starts on.
///
/// A collection of its fields, indexed from 0: `record[0]`, `record.count`, `for field in record`.
/// The record's text is kept in one string with the fields' positions, so a record costs two
/// allocations however many fields it has; each access to a field makes a `String` of it.
/// Records are equal when their lines and field values are.
///
/// Reading never stops on a bad character: a record whose text is wrong (bytes that are not
/// UTF-8, a NUL, a byte-order mark inside a field) is returned with its ``problems``, so a
/// caller can report every bad line of a file in one pass. ``CSVHeader/problems(in:)`` adds
/// the problems only a header can tell (too many fields, the header repeated).
public struct CSVRecord: Sendable, Hashable, RandomAccessCollection, CustomStringConvertible {
    /// The 1-based physical line the record starts on (a quoted line break makes a record span
    /// several lines; blank lines still count).
    public let line: Int
    /// What is wrong with the record's text, field by field; empty for a clean record.
    public let problems: [CSVFieldProblem]
    /// The record's text; fields are ranges of its UTF-8 code units.
    private let storage: String
    /// Start and end of each field in `storage`, in pairs, as UTF-8 offsets.
    private let bounds: [UInt32]

    /// Creates a record from its field values.
    public init(line: Int, fields: [String], problems: [CSVFieldProblem] = []) {
        var storage = ""
        var bounds: [UInt32] = []
        bounds.reserveCapacity(fields.count * 2)
        for field in fields {
            bounds.append(UInt32(storage.utf8.count))
            storage += field
            bounds.append(UInt32(storage.utf8.count))
        }
        self.init(line: line, storage: storage, bounds: bounds, problems: problems)
    }

    /// Creates a record from UTF-8 bytes and the bounds of its fields in them.
    init(line: Int, utf8 bytes: UnsafeBufferPointer<UInt8>, bounds: [UInt32], problems: [CSVFieldProblem]) {
        let storage = String(decoding: bytes, as: UTF8.self)
        if storage.utf8.count == bytes.count {
            self.init(line: line, storage: storage, bounds: bounds, problems: problems)
        } else {
            // Invalid UTF-8 was replaced by U+FFFD, which moves the offsets: decode field by field.
            let fields = stride(from: 0, to: bounds.count, by: 2).map { pair in
                String(
                    decoding: UnsafeBufferPointer(rebasing: bytes[Int(bounds[pair])..<Int(bounds[pair + 1])]),
                    as: UTF8.self)
            }
            self.init(line: line, fields: fields, problems: problems)
        }
    }

    private init(line: Int, storage: String, bounds: [UInt32], problems: [CSVFieldProblem]) {
        self.line = line
        self.problems = problems
        self.storage = storage
        self.bounds = bounds
    }

    /// The index of the first field, always 0.
    public var startIndex: Int { 0 }
    /// The number of fields.
    public var endIndex: Int { bounds.count / 2 }

    /// The field at `index` (0-based).
    public subscript(index: Int) -> String {
        let start = Int(bounds[2 * index])
        let end = Int(bounds[2 * index + 1])
        if let field = storage.utf8.withContiguousStorageIfAvailable({
            String(decoding: UnsafeBufferPointer(rebasing: $0[start..<end]), as: UTF8.self)
        }) {
            return field
        }
        let utf8 = storage.utf8
        return String(
            Substring(utf8[utf8.index(utf8.startIndex, offsetBy: start)..<utf8.index(utf8.startIndex, offsetBy: end)]))
    }

    /// The field at `index` (0-based), or `nil` when the record is shorter.
    public func field(at index: Int) -> String? {
        indices.contains(index) ? self[index] : nil
    }

    /// All field values.
    public var fields: [String] { Array(self) }

    /// The line number and the fields, e.g. `line 3: ["1", "Иван"]`.
    public var description: String { "line \(line): \(fields)" }

    /// Whether the records start on the same line and have equal fields (``problems`` are not
    /// compared).
    public static func == (lhs: CSVRecord, rhs: CSVRecord) -> Bool {
        lhs.line == rhs.line && lhs.count == rhs.count && lhs.elementsEqual(rhs)
    }

    /// Hashes the line and the fields.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(line)
        hasher.combine(count)
        for field in self { hasher.combine(field) }
    }
}
