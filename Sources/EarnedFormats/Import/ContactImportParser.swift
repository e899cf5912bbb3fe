import EarnedDomain
import Foundation

/// Reads the lines of an inbound-contacts file (a help-desk or telephony export, a spreadsheet)
/// into drafts, collecting every problem with its line and column. No I/O: the caller feeds
/// records, then resolves the customer's external id and the location's name.
///
/// ```swift
/// let mapping = try CSVHeader(document.records[0]).mapping(aliases: ContactImportParser.aliases)
/// let parser = ContactImportParser(mapping: mapping, timeZone: zone, now: now)
/// for record in document.records.dropFirst() { switch parser.contact(record) { … } }
/// ```
public struct ContactImportParser: Sendable {
    /// One good line: the draft, and the references the caller resolves.
    public struct Row: Sendable, Hashable {
        public var line: Int
        /// Everything but `customerID` and `locationID`, which the caller fills in.
        public var draft: InboundContactDraft
        /// The customer's external id as written in the file.
        public var customerExternalID: String?
        /// The location's name (or id) as written in the file.
        public var location: String?
    }

    /// Fixed ids for checking a line's rules before its references are resolved.
    static let ruleCheckContact = ContactID(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3)))
    static let ruleCheckLocation = LocationID(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4)))

    public let mapping: CSVColumnMapping
    /// The zone of times written without an offset.
    public let timeZone: TimeZone
    public let now: Date

    public static let fields = [
        "external_id", "customer_id", "location", "channel", "priority", "received_at", "subject", "body", "from",
        "first_response_at", "resolved_at",
    ]

    /// The fields a file must have a column for.
    public static let requiredFields = ["channel", "received_at", "subject"]

    /// Header spellings from Russian and English help desks, telephony and spreadsheets.
    public static let aliases = CSVFieldAliases([
        ["external_id", "id", "номер обращения", "№ обращения", "номер", "id обращения", "ticket id", "ticket"],
        ["customer_id", "код клиента", "id клиента", "клиент", "покупатель", "customer", "customer id", "client id"],
        ["location", "точка", "магазин", "филиал", "store", "branch"],
        ["channel", "канал", "источник", "тип обращения", "source", "type"],
        ["priority", "приоритет", "срочность", "важность", "urgency"],
        [
            "received_at", "дата", "дата обращения", "получено", "поступило", "создано", "received", "date",
            "created at",
        ],
        ["subject", "тема", "заголовок", "суть", "title", "topic"],
        ["body", "текст", "сообщение", "описание", "содержание", "message", "text", "description"],
        ["from", "от", "отправитель", "контакт", "телефон", "email", "from address", "sender", "phone"],
        ["first_response_at", "первый ответ", "дата ответа", "ответ", "first response", "responded at"],
        ["resolved_at", "решено", "дата решения", "закрыто", "resolved", "closed at"],
    ])

    public init(mapping: CSVColumnMapping, timeZone: TimeZone, now: Date) {
        self.mapping = mapping
        self.timeZone = timeZone
        self.now = now
    }

    /// Reads a channel written in Russian or English ("звонок", "call", "почта", "e-mail", "чат",
    /// "мессенджер", "telegram", "whatsapp", "отзыв", "review", "визит", "visit" and a few more).
    public static func channel(_ text: String) -> InboundContact.Channel? {
        channelSpellings[CSVHeader.normalize(text)]
    }

    /// Reads a priority written in Russian or English ("низкий", "low", "обычный", "normal",
    /// "высокий", "high", "срочный", "urgent" and a few more).
    public static func priority(_ text: String) -> Priority? {
        prioritySpellings[CSVHeader.normalize(text)]
    }

    static let channelWords = ["call", "email", "chat", "messenger", "review", "visit"]

    static let channelSpellings: [String: InboundContact.Channel] = spellings([
        .call: ["call", "phone", "phone call", "звонок", "телефон", "вызов", "входящий звонок"],
        .email: ["email", "e-mail", "mail", "почта", "письмо", "электронная почта", "эл. почта"],
        .chat: ["chat", "чат", "онлайн-чат", "live chat", "web chat"],
        .messenger: [
            "messenger", "мессенджер", "telegram", "телеграм", "telegramm", "whatsapp", "вотсап", "ватсап", "viber",
            "вайбер", "vk", "вконтакте", "max", "sms", "смс",
        ],
        .review: ["review", "отзыв", "отзывы", "рецензия", "google review", "яндекс карты", "2гис"],
        .visit: ["visit", "визит", "посещение", "лично", "в магазине", "walk-in", "in person"],
    ])

    static let prioritySpellings: [String: Priority] = spellings([
        .low: ["low", "низкий", "низкая", "низ"],
        .normal: ["normal", "medium", "обычный", "обычная", "средний", "средняя", "нормальный"],
        .high: ["high", "высокий", "высокая", "важно", "важный"],
        .urgent: ["urgent", "critical", "срочный", "срочная", "срочно", "критический", "критичный"],
    ])

    static func spellings<T>(_ table: [T: [String]]) -> [String: T] {
        var result: [String: T] = [:]
        for (value, words) in table {
            for word in words { result[CSVHeader.normalize(word)] = value }
        }
        return result
    }

    func value(_ field: String, _ record: CSVRecord) -> String? {
        guard let raw = mapping.value(for: field, in: record) else { return nil }
        let trimmed = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The file's header for a field (or its column number, or the field name when unmapped).
    public func columnName(_ field: String) -> String { mapping.columnName(for: field) }

    /// The draft's field names (as `Validator` reports them) to the file's fields.
    static let fileField = [
        "location_id": "location", "from_address": "from", "customer_id": "customer_id",
    ]

    /// One record as a row, or every problem of the line.
    public func contact(_ record: CSVRecord) -> Result<Row, ImportProblems> {
        var problems: [ImportProblem] = []
        func problem(_ field: String, _ why: ImportProblem.Reason) {
            problems.append(ImportProblem(line: record.line, column: columnName(field), why))
        }
        var draft = InboundContactDraft()
        if let text = value("channel", record) {
            draft.channel = Self.channel(text)
            if draft.channel == nil {
                problem("channel", .notOneOf(text, allowed: Self.channelWords))
            }
        } else {
            problem("channel", .required)
        }
        if let text = value("priority", record) {
            draft.priority = Self.priority(text)
            if draft.priority == nil {
                problem("priority", .notOneOf(text, allowed: ["low", "normal", "high", "urgent"]))
            }
        }
        let dates = LocaleDateParser(timeZone: timeZone)
        func time(_ field: String) -> Date? {
            guard let text = value(field, record) else { return nil }
            do { return try dates.date(from: text) } catch { problem(field, .date(error)) }
            return nil
        }
        draft.receivedAt = time("received_at")
        if value("received_at", record) == nil { problem("received_at", .required) }
        draft.firstResponseAt = time("first_response_at")
        draft.resolvedAt = time("resolved_at")
        draft.subject = value("subject", record)
        draft.body = value("body", record)
        draft.fromAddress = value("from", record)
        draft.externalID = value("external_id", record)
        // The location is resolved later; the other rules are checked here.
        var check = draft
        check.locationID = Self.ruleCheckLocation
        if check.receivedAt == nil {
            // Without the received time (reported above) the other times cannot be checked against it.
            check.firstResponseAt = nil
            check.resolvedAt = nil
        }
        do {
            _ = try check.validated(id: Self.ruleCheckContact, now: now)
        } catch {
            if case .invalid(let errors) = error {
                let reported = Set(problems.map(\.column))
                for error in errors {
                    let column = columnName(Self.fileField[error.field] ?? error.field)
                    guard !reported.contains(column) else { continue }
                    problems.append(ImportProblem(line: record.line, column: column, .rule(error)))
                }
            }
        }
        if !problems.isEmpty { return .failure(ImportProblems(list: problems)) }
        return .success(
            Row(
                line: record.line, draft: draft, customerExternalID: value("customer_id", record),
                location: value("location", record)))
    }
}
