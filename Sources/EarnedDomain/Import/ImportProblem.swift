/// One reason a line of an imported file was refused: the line, the column, and why.
public struct ImportProblem: Hashable, Sendable, Codable, CustomStringConvertible {
    public var line: Int
    /// The column's header (or its number when the file has no header); nil for the whole line.
    public var column: String?
    public var reason: String

    public init(line: Int, column: String?, reason: String) {
        self.line = line
        self.column = column
        self.reason = reason
    }

    public var description: String {
        "line \(line)" + (column.map { ", column \"\($0)\"" } ?? "") + ": " + reason
    }
}

/// What an import did, or would have done.
public struct ImportReport: Sendable, Codable, Hashable {
    public var rows: Int = 0
    public var created: Int = 0
    public var updated: Int = 0
    public var unchanged: Int = 0
    public var skipped: Int = 0
    public var problems: [ImportProblem] = []
    /// True when nothing was written because of problems (all-or-nothing).
    public var rolledBack: Bool = false
    public var encoding: String = ""
    public var separator: String = ""

    public init() {}
}

/// Which kind of file is imported.
public enum ImportKind: String, Sendable, CaseIterable, Codable {
    case customers
    case orders
    /// A plain transaction log without a header: customer id, date, quantity, amount
    /// (as `CDNOW_sample.txt`: master id, sample id, YYYYMMDD, CDs, dollars).
    case transactions
    /// Inbound contacts (calls, e-mails, chats, reviews, visits), read by `ContactImportParser`.
    case contacts
    /// Past survey answers, read by `SurveyImportParser`.
    case surveyAnswers = "survey-answers"
}

/// The problems of one line, as an error.
public struct ImportProblems: Error, Sendable, Hashable {
    public var list: [ImportProblem]

    public init(list: [ImportProblem]) { self.list = list }
}
