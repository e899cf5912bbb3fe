import EarnedDomain

/// One reason a line of an imported file was refused: the line, the column, and why. `why` is
/// what pages translate; `reason` is its English wording (the command line's).
public struct ImportProblem: Hashable, Sendable, CustomStringConvertible {
    /// The kinds of record a line can repeat or collide with.
    public enum Record: String, Hashable, Sendable {
        case customer, order, contact, answer
    }

    public enum Reason: Hashable, Sendable {
        case required
        /// The external id is required: without it a second import would add the line again.
        case requiredToReimport
        /// A customer line with neither an external id nor a phone or an e-mail.
        case needsKey
        case tooLong(Int)
        case notAmount(String)
        case notWholeNumber(String)
        case notYesNo(String)
        /// A value that is not one of `allowed` (its English words, as written in the file).
        case notOneOf(String, allowed: [String])
        case date(LocaleDateParseError)
        case inFuture
        /// A survey line with no answer at all.
        case noAnswer
        case noCustomer(externalID: String)
        case noStaff(email: String)
        /// The user chose to create a staff member for a seller, but may not manage staff.
        case mayNotCreateStaff(String)
        case noLocation(String)
        case notYourLocation(String?)
        case noHomeLocation
        /// The line matches a record of a location the importer may not see.
        case otherLocation(Record)
        case sameAs(Record, line: Int)
        /// The customer's data was erased on request; it is not imported again.
        case erased
        case emptyFile
        /// A rule of the record itself (as the forms check it).
        case rule(FieldError)
        case csv(CSVError)
        case header(CSVHeaderError)
        /// The text of the line is wrong (bytes that are not UTF-8, NUL, a byte-order mark inside
        /// a field, too many fields, the header again): see ``ImportProblem/problems(in:header:)``.
        case text(CSVTextProblem)
        /// Anything else that stopped the line, in English (not expected from a file's contents).
        case refused(String)
    }

    public var line: Int
    /// The column's header (or its number when the file has no header); nil for the whole line.
    public var column: String?
    public var why: Reason

    public init(line: Int, column: String?, _ why: Reason) {
        self.line = line
        self.column = column
        self.why = why
    }

    /// The problem of a file the reader stopped on (a broken quote, a header that does not
    /// map, a header split by another separator than the lines), or nil for any other error.
    /// A problem in a field names the field's column in `header` (the file's header, when it
    /// was read), or "field N".
    public init?(file error: any Error, header: CSVHeader? = nil) {
        switch error {
        case let error as CSVError:
            let column = error.field.map { header?.columnName(at: $0 - 1) ?? "field \($0)" }
            self.init(line: error.line ?? 0, column: column, .csv(error))
        case let error as CSVHeaderError: self.init(line: 1, column: nil, .header(error))
        default: return nil
        }
    }

    /// The problem of the text of `record`, in the column `header` names for its field (or
    /// "field N"), or for the whole line.
    public init(_ problem: CSVFieldProblem, in record: CSVRecord, header: CSVHeader?) {
        let column = problem.fieldIndex.map { header?.columnName(at: $0) ?? "field \($0 + 1)" }
        self.init(line: record.line, column: column, .text(problem.problem))
    }

    /// Everything wrong with the text of `record`, found while reading it (``CSVRecord/problems``)
    /// and, with the file's `header`, too many fields and the header repeated
    /// (``CSVHeader/problems(in:)``); empty for a clean line. Call it for the header line too.
    public static func problems(in record: CSVRecord, header: CSVHeader?) -> [ImportProblem] {
        let found = header?.problems(in: record) ?? record.problems
        return found.map { ImportProblem($0, in: record, header: header) }
    }

    public var reason: String {
        switch why {
        case .required: "is required"
        case .requiredToReimport: "is required, so that importing the file again changes nothing"
        case .needsKey:
            "needs an external id, a phone or an e-mail, so that importing the file again updates this customer instead of adding another"
        case .tooLong(let limit): "must be at most \(limit) characters"
        case .notAmount(let text): "not an amount: '\(text)'"
        case .notWholeNumber(let text): "not a whole number: '\(text)'"
        case .notYesNo(let text): "expected yes or no, not '\(text)'"
        case .notOneOf(let text, let allowed):
            "expected one of \(allowed.joined(separator: ", "))" + (text.isEmpty ? "" : ", not '\(text)'")
        case .date(let error): error.description
        case .inFuture: "cannot be in the future"
        case .noAnswer: "has no answer: needs at least one of csat, nps, ces, share of wallet, fast enough, comment"
        case .noCustomer(let external): "no customer with external id '\(external)'"
        case .noStaff(let email): "no staff member with e-mail '\(email)'"
        case .mayNotCreateStaff(let name): "only someone who manages staff may create '\(name)' as a staff member"
        case .noLocation(let name): "no location named '\(name)'"
        case .notYourLocation(let name): (name.map { "'\($0)' is " } ?? "") + "not one of your locations"
        case .noHomeLocation: "is required: you have no home location"
        case .otherLocation(let record):
            "matches \(record == .order || record == .answer ? "an" : "a") \(record.rawValue) of another location"
        case .sameAs(let record, let line): "the same \(record.rawValue) as line \(line)"
        case .erased: "this customer's data was erased on request; it is not imported again"
        case .emptyFile: "the file is empty"
        case .rule(let error): error.reason
        case .csv(let error): error.reason
        case .header(let error): error.description
        case .text(let problem): problem.description
        case .refused(let text): text
        }
    }

    public var description: String {
        "line \(line)" + (column.map { ", column \"\($0)\"" } ?? "") + ": " + reason
    }
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
