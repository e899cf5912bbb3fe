import EarnedDomain
import Foundation

/// Reads the lines of a file of past survey answers (an export from another survey tool or a
/// spreadsheet) into rows, collecting every problem with its line and column, like
/// `ContactImportParser`. No I/O: the caller feeds records, then resolves the customer's external
/// id, the location's name and the staff e-mail.
///
/// ```swift
/// let mapping = try CSVHeader(document.records[0]).mapping(aliases: SurveyImportParser.aliases)
/// try mapping.require(SurveyImportParser.requiredFields)
/// let parser = SurveyImportParser(mapping: mapping, timeZone: zone, now: now)
/// for record in document.records.dropFirst() { switch parser.answer(record) { … } }
/// ```
public struct SurveyImportParser: Sendable {
    /// One good line: the answer's values and the references the caller resolves.
    public struct Row: Sendable, Hashable {
        public var line: Int
        /// The answer's id in the system it came from; importing the file again updates it.
        public var externalID: String
        public var customerExternalID: String?
        public var answeredAt: Date
        public var values: SurveyAnswerValues
        /// The location's name (or id) as written in the file.
        public var location: String?
        /// The e-mail of the staff member who served the customer.
        public var staffEmail: String?
        /// The channel the answer came through.
        public var channel: ContactChannel?
    }

    public let mapping: CSVColumnMapping
    /// The zone of times written without an offset.
    public let timeZone: TimeZone
    public let now: Date

    public static let fields = [
        "external_id", "customer_id", "answered_at", "csat", "nps", "ces", "share_of_wallet", "fast_enough",
        "comment", "location", "staff", "channel",
    ]

    /// The fields a file must have a column for.
    public static let requiredFields = ["external_id", "answered_at"]

    /// The fields holding answers; a line needs at least one of them.
    static let valueFields = ["csat", "nps", "ces", "share_of_wallet", "fast_enough", "comment"]

    /// Header spellings from Russian and English survey tools and spreadsheets.
    public static let aliases = CSVFieldAliases([
        ["external_id", "id", "номер ответа", "id ответа", "номер анкеты", "response id", "answer id"],
        ["customer_id", "код клиента", "id клиента", "клиент", "покупатель", "customer", "customer id", "client id"],
        [
            "answered_at", "дата", "дата ответа", "дата опроса", "время ответа", "ответил", "date", "answered",
            "submitted at", "response date",
        ],
        ["csat", "удовлетворенность", "оценка", "оценка обслуживания", "satisfaction", "csat score"],
        [
            "nps", "готовность рекомендовать", "порекомендуете", "рекомендация", "nps score", "recommend",
            "likelihood to recommend",
        ],
        ["ces", "усилия", "легкость", "сложность", "effort", "customer effort", "ces score"],
        [
            "share_of_wallet", "покупаете в других местах", "доля кошелька", "где еще покупаете", "share of wallet",
            "buy elsewhere",
        ],
        ["fast_enough", "достаточно быстро", "быстро", "скорость", "fast", "fast enough", "speed ok"],
        ["comment", "комментарий", "отзыв", "текст", "пожелания", "comments", "feedback", "text"],
        ["location", "точка", "магазин", "филиал", "store", "branch"],
        ["staff", "сотрудник", "продавец", "менеджер", "email сотрудника", "staff email", "employee", "seller"],
        ["channel", "канал", "источник", "source", "via"],
    ])

    public init(mapping: CSVColumnMapping, timeZone: TimeZone, now: Date) {
        self.mapping = mapping
        self.timeZone = timeZone
        self.now = now
    }

    /// Reads a share-of-wallet answer in Russian or English ("только у вас", "only here",
    /// "в основном у вас", "mostly here", "поровну", "about half", "в основном в других местах",
    /// "mostly elsewhere", the raw values and a few more).
    public static func shareOfWallet(_ text: String) -> ShareOfWallet? {
        shareSpellings[CSVHeader.normalize(text)]
    }

    /// Reads the channel an answer came through ("sms", "смс", "email", "почта", "telegram",
    /// "мессенджер", "звонок", "call", "визит", "visit" and a few more).
    public static func channel(_ text: String) -> ContactChannel? {
        channelSpellings[CSVHeader.normalize(text)]
    }

    static let shareSpellings: [String: ShareOfWallet] = ContactImportParser.spellings([
        .onlyHere: ["only_here", "only here", "только у вас", "только здесь", "только тут", "100%", "нигде больше"],
        .mostlyHere: ["mostly_here", "mostly here", "в основном у вас", "в основном здесь", "чаще у вас", "75%"],
        .aboutHalf: ["about_half", "about half", "half", "примерно половина", "половина", "поровну", "пополам", "50%"],
        .mostlyElsewhere: [
            "mostly_elsewhere", "mostly elsewhere", "в основном в других местах", "в основном в другом месте",
            "чаще в других местах", "в основном не у вас", "25%",
        ],
    ])

    static let channelSpellings: [String: ContactChannel] = ContactImportParser.spellings([
        .phone: ["phone", "call", "звонок", "телефон"],
        .sms: ["sms", "смс", "text message"],
        .email: ["email", "e-mail", "mail", "почта", "письмо", "электронная почта"],
        .messenger: ["messenger", "мессенджер", "telegram", "телеграм", "whatsapp", "вотсап", "viber", "max"],
        .chat: ["chat", "чат", "web chat"],
        .social: ["social", "соцсети", "вконтакте", "vk"],
        .visit: ["visit", "визит", "лично", "в магазине", "qr", "in person"],
        .post: ["post", "бумажная почта", "letter"],
    ])

    func value(_ field: String, _ record: CSVRecord) -> String? {
        guard let raw = mapping.value(for: field, in: record) else { return nil }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The file's header for a field (or its column number, or the field name when unmapped).
    public func columnName(_ field: String) -> String { mapping.columnName(for: field) }

    /// One record as a row, or every problem of the line.
    public func answer(_ record: CSVRecord) -> Result<Row, ImportProblems> {
        var problems: [ImportProblem] = []
        func problem(_ field: String?, _ why: ImportProblem.Reason) {
            problems.append(ImportProblem(line: record.line, column: field.map(columnName), why))
        }
        let externalID = value("external_id", record)
        if externalID == nil {
            problem("external_id", .requiredToReimport)
        } else if let externalID, externalID.count > 100 {
            problem("external_id", .tooLong(100))
        }
        var answeredAt: Date?
        if let text = value("answered_at", record) {
            do {
                let date = try LocaleDateParser(timeZone: timeZone).date(from: text)
                if date > now.addingTimeInterval(86_400) {
                    problem("answered_at", .inFuture)
                } else {
                    answeredAt = date
                }
            } catch { problem("answered_at", .date(error)) }
        } else {
            problem("answered_at", .required)
        }
        var draft = SurveyAnswerDraft()
        func score(_ field: String) -> Int? {
            guard let text = value(field, record) else { return nil }
            guard let number = Int(text) else {
                problem(field, .notWholeNumber(text))
                return nil
            }
            return number
        }
        draft.csat = score("csat")
        draft.nps = score("nps")
        draft.ces = score("ces")
        if let text = value("share_of_wallet", record) {
            if let share = Self.shareOfWallet(text) {
                draft.shareOfWallet = share.rawValue
            } else {
                problem(
                    "share_of_wallet",
                    .notOneOf(text, allowed: ["only here", "mostly here", "about half", "mostly elsewhere"]))
            }
        }
        if let text = value("fast_enough", record) {
            draft.fastEnough = ImportRowParser.yesNo(text)
            if draft.fastEnough == nil { problem("fast_enough", .notYesNo(text)) }
        }
        draft.comment = value("comment", record)
        var channel: ContactChannel?
        if let text = value("channel", record) {
            channel = Self.channel(text)
            if channel == nil {
                problem("channel", .notOneOf(text, allowed: ContactChannel.allCases.map(\.rawValue)))
            }
        }
        var values = SurveyAnswerValues()
        let reported = Set(problems.compactMap(\.column))
        let hasValue = Self.valueFields.contains { value($0, record) != nil }
        if !hasValue {
            problem(nil, .noAnswer)
        } else {
            do {
                values = try draft.validated(asking: SurveyQuestion.Kind.allCases)
            } catch {
                if case .invalid(let errors) = error {
                    for error in errors {
                        let field = error.field == SurveyQuestion.Kind.freeText.rawValue ? "comment" : error.field
                        guard Self.fields.contains(field) else { continue }
                        guard !reported.contains(columnName(field)) else { continue }
                        problem(field, .rule(error))
                    }
                }
            }
        }
        guard problems.isEmpty, let externalID, let answeredAt else { return .failure(ImportProblems(list: problems)) }
        return .success(
            Row(
                line: record.line, externalID: externalID, customerExternalID: value("customer_id", record),
                answeredAt: answeredAt, values: values, location: value("location", record),
                staffEmail: value("staff", record)?.lowercased(), channel: channel))
    }
}
