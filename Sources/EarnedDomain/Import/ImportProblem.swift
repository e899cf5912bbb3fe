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
    /// map), or nil for any other error.
    public init?(file error: any Error) {
        switch error {
        case let error as CSVError: self.init(line: error.line ?? 0, column: error.column.map(String.init), .csv(error))
        case let error as CSVHeaderError: self.init(line: 1, column: nil, .header(error))
        default: return nil
        }
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
        case .csv(let error): error.description
        case .header(let error): error.description
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
