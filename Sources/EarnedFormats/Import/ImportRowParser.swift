import EarnedDomain
import Foundation

/// Reads the lines of a customers, orders or transactions file into drafts, collecting every
/// problem with its line and column. No I/O: the caller feeds records and resolves references.
public struct ImportRowParser: Sendable {
    public struct CustomerRow: Sendable, Hashable {
        public var line: Int
        public var draft: CustomerDraft
        /// Location named in the file (a name or an id), resolved by the caller.
        public var location: String?
        /// Relationship owner's e-mail, resolved by the caller.
        public var ownerEmail: String?
    }

    public struct OrderRow: Sendable, Hashable {
        public var line: Int
        public var draft: OrderDraft
        public var customerExternalID: String
        public var location: String?
        /// The seller as the file writes them: an e-mail or a name («Белова Т.Н.»).
        public var seller: String?
        /// The times as written, read again in the store's zone once the store is known.
        public var times: [String: String] = [:]
    }

    /// Fixed ids for checking a line's rules before its records exist (no new id is drawn per line).
    static let ruleCheckCustomer = CustomerID(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)))
    static let ruleCheckOrder = OrderID(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2)))

    public let kind: ImportKind
    public let mapping: CSVColumnMapping
    public let timeZone: TimeZone
    public let currency: String
    public let now: Date

    public static let customerFields = [
        "external_id", "name", "kind", "phone", "email", "birthday", "city", "address", "location", "owner", "language",
        "tags", "consent_phone", "consent_sms", "consent_email", "consent_messenger", "consent_post",
    ]
    public static let orderFields = [
        "external_id", "customer_id", "ordered_at", "amount", "discount", "currency", "quantity", "items", "location",
        "seller", "channel", "promised_at", "delivered_at",
    ]
    /// The fields holding a time of day, read in the order's store's time zone.
    public static let timeFields = ["ordered_at", "promised_at", "delivered_at"]
    /// The documented mapping of a transaction log: customer id in column 1, the date
    /// (YYYYMMDD or any supported format) in column 3, quantity in 4, amount in 5.
    public static let transactionColumns = ["customer_id": 1, "ordered_at": 3, "quantity": 4, "amount": 5]

    public init(kind: ImportKind, mapping: CSVColumnMapping, timeZone: TimeZone, currency: String, now: Date) {
        self.kind = kind
        self.mapping = mapping
        self.timeZone = timeZone
        self.currency = currency
        self.now = now
    }

    /// Header spellings for each kind, extending the CSV reader's standard ones: what 1C,
    /// МойСклад, Bitrix24 and Excel users write, in Russian and English (docs/import.md lists
    /// them all).
    public static func aliases(for kind: ImportKind) -> CSVFieldAliases {
        switch kind {
        case .customers:
            return CSVFieldAliases.customers.merging(
                CSVFieldAliases([
                    [
                        "external_id", "код контрагента", "код покупателя", "номер карты", "карта",
                        "дисконтная карта", "номер дисконтной карты", "card number", "contact id", "record id",
                    ],
                    [
                        "name", "контрагент", "наименование контрагента", "полное наименование", "фио покупателя",
                        "фио клиента", "контакт", "contact", "contact name",
                    ],
                    [
                        "phone", "телефон клиента", "телефон покупателя", "рабочий телефон", "мобильный тел",
                        "контактный телефон", "phone 1", "mobile phone", "work phone",
                    ],
                    ["email", "e mail", "эл почта", "эл. почта", "адрес электронной почты", "work email"],
                    ["birthday", "дата рождения клиента", "birthday date"],
                    ["kind", "тип", "вид контрагента", "юр/физ лицо", "type", "customer type"],
                    ["city", "город", "населенный пункт", "нас. пункт", "город доставки", "city", "town", "locality"],
                    [
                        "address", "адрес", "адрес доставки", "фактический адрес", "почтовый адрес", "адрес клиента",
                        "улица, дом", "address", "street address", "shipping address", "street",
                    ],
                    [
                        "location", "точка", "магазин", "филиал", "склад", "подразделение", "торговая точка",
                        "магазин регистрации", "store", "branch", "shop",
                    ],
                    ["owner", "ответственный", "менеджер", "основной менеджер", "manager", "owner email", "owner"],
                    ["language", "язык", "lang"], ["tags", "метки", "теги", "группа", "категория", "tag", "segment"],
                    ["consent_phone", "согласие на звонки", "звонки", "calls ok", "consent phone"],
                    [
                        "consent_sms", "согласие на sms", "согласие на смс", "sms", "смс рассылка", "sms рассылка",
                        "consent sms",
                    ],
                    [
                        "consent_email", "согласие на рассылку", "согласие на email", "согласие на e-mail",
                        "email рассылка", "email ok", "consent email",
                    ],
                    ["consent_messenger", "согласие на мессенджер", "согласие на мессенджеры", "consent messenger"],
                    ["consent_post", "согласие на почту", "почтовая рассылка", "consent post"],
                ]))
        case .contacts:
            return ContactImportParser.aliases
        case .surveyAnswers:
            return SurveyImportParser.aliases
        case .orders, .transactions:
            return CSVFieldAliases.orders.merging(
                CSVFieldAliases([
                    [
                        "external_id", "номер", "номер документа", "№", "№ документа", "номер заказа покупателя",
                        "документ", "номер продажи", "deal id", "invoice number",
                    ],
                    [
                        "customer_id", "код контрагента", "код покупателя", "номер карты", "карта", "дисконтная карта",
                        "customer code", "contact id",
                    ],
                    [
                        "ordered_at", "дата документа", "дата продажи", "дата и время", "дата оформления", "created",
                        "close date", "order time",
                    ],
                    [
                        "amount", "сумма документа", "сумма продажи", "сумма с ндс", "сумма к оплате", "оплачено",
                        "amount", "deal amount",
                    ],
                    ["discount", "скидка", "сумма скидки", "скидка руб", "discount amount"],
                    ["currency", "валюта", "валюта документа"],
                    [
                        "items", "товары", "состав", "что куплено", "номенклатура", "товар", "состав заказа",
                        "items summary", "products", "product",
                    ],
                    [
                        "location", "точка", "магазин", "филиал", "склад", "подразделение", "торговая точка",
                        "store", "branch", "shop", "warehouse",
                    ],
                    [
                        "seller", "продавец", "кассир", "менеджер", "ответственный", "сотрудник", "автор",
                        "seller email", "sales rep", "salesperson", "deal owner", "employee",
                    ],
                    ["channel", "канал", "канал продаж", "sales channel"],
                    [
                        "promised_at", "обещано", "срок", "дата доставки обещанная", "дата доставки (обещанная)",
                        "обещанная дата доставки", "дата доставки план", "дата доставки (план)",
                        "плановая дата доставки", "срок доставки", "дата отгрузки план", "promised",
                        "promised date", "promised delivery date", "due date",
                    ],
                    [
                        "delivered_at", "выдано", "доставлено", "дата доставки", "дата доставки фактическая",
                        "дата доставки (фактическая)", "фактическая дата доставки", "дата доставки факт",
                        "дата доставки (факт)", "дата выдачи", "дата отгрузки", "дата отгрузки факт", "delivered",
                        "delivered date", "delivery date", "actual delivery date", "delivered at",
                    ],
                ]))
        }
    }

    func value(_ field: String, _ record: CSVRecord) -> String? {
        guard let raw = mapping.value(for: field, in: record) else { return nil }
        return Self.undefused(raw.trimmedOrNil)
    }

    /// A cell written with a leading `'` so that a spreadsheet would not run it as a formula
    /// (as Earned's exports write them) is read without it.
    static func undefused(_ text: String?) -> String? {
        guard let text, text.hasPrefix("'"), let second = text.dropFirst().unicodeScalars.first,
            "=+-@\t\r".unicodeScalars.contains(second)
        else { return text }
        return String(text.dropFirst())
    }

    func columnName(_ field: String) -> String { mapping.columnName(for: field) }

    /// Field names of the domain (e.g. "phones.0") to the file's column.
    func column(forDomainField field: String) -> String {
        let base = field.split(separator: ".").first.map(String.init) ?? field
        let map = [
            "phones": "phone", "emails": "email", "dates": "birthday", "home_location_id": "location",
            "owner_id": "owner", "consents": "consent_email", "amount_minor_units": "amount",
            "discount_minor_units": "discount", "placed_at": "ordered_at", "customer_id": "customer_id",
            "items_summary": "items", "seller_id": "seller", "location_id": "location",
        ]
        return columnName(map[base] ?? base)
    }

    static func yesNo(_ text: String) -> Bool? {
        switch text.lowercased() {
        case "1", "y", "yes", "true", "да", "д", "+", "согласен", "согласна": true
        case "0", "n", "no", "false", "нет", "н", "-", "отказ": false
        default: nil
        }
    }

    public func customer(_ record: CSVRecord) -> Result<CustomerRow, ImportProblems> {
        var problems: [ImportProblem] = []
        func problem(_ field: String, _ why: ImportProblem.Reason) {
            problems.append(ImportProblem(line: record.line, column: columnName(field), why))
        }
        var draft = CustomerDraft()
        draft.externalID = value("external_id", record)
        draft.name = value("name", record)
        if let kind = value("kind", record) {
            switch kind.lowercased() {
            case "person", "человек", "физлицо", "физ. лицо", "фл": draft.kind = .person
            case "company", "компания", "юрлицо", "юр. лицо", "юл", "организация": draft.kind = .company
            default: problem("kind", .notOneOf(kind, allowed: ["person", "company"]))
            }
        }
        let split: (String?) -> [String] = { text in
            (text ?? "").split(whereSeparator: { $0 == "," || $0 == ";" }).map {
                $0.trimmingCharacters(in: .whitespaces)
            }.filter { !$0.isEmpty }
        }
        draft.phones = split(value("phone", record))
        draft.emails = split(value("email", record))
        if let birthday = value("birthday", record) {
            do {
                let day = try LocaleDateParser(timeZone: timeZone).calendarDay(from: birthday)
                draft.dates = [
                    CustomerDate(kind: .birthday, date: LocalDate(year: day.year, month: day.month, day: day.day))
                ]
            } catch {
                problem("birthday", .date(error))
            }
        }
        draft.city = value("city", record)
        draft.address = value("address", record)
        if let language = value("language", record)?.lowercased() {
            draft.language = language.hasPrefix("en") || language == "английский" ? "en" : "ru"
        }
        if let tags = value("tags", record) { draft.tags = split(tags) }
        var consents: [Consent] = []
        for channel in ContactChannel.consentable {
            let field = "consent_\(channel.rawValue)"
            guard let text = value(field, record) else { continue }
            guard let given = Self.yesNo(text) else {
                problem(field, .notYesNo(text))
                continue
            }
            consents.append(Consent(channel: channel, given: given, at: now, source: "import"))
        }
        if !consents.isEmpty { draft.consents = consents }
        if draft.externalID == nil, draft.phones?.isEmpty != false, draft.emails?.isEmpty != false {
            problems.append(ImportProblem(line: record.line, column: nil, .needsKey))
        }
        do {
            _ = try draft.validated(id: Self.ruleCheckCustomer, now: now)
        } catch {
            if case .invalid(let errors) = error {
                for error in errors {
                    problems.append(
                        ImportProblem(line: record.line, column: column(forDomainField: error.field), .rule(error)))
                }
            }
        }
        if !problems.isEmpty { return .failure(ImportProblems(list: problems)) }
        return .success(
            CustomerRow(
                line: record.line, draft: draft, location: value("location", record), ownerEmail: value("owner", record)
            ))
    }

    public func order(_ record: CSVRecord) -> Result<OrderRow, ImportProblems> {
        var problems: [ImportProblem] = []
        func problem(_ field: String, _ why: ImportProblem.Reason) {
            problems.append(ImportProblem(line: record.line, column: columnName(field), why))
        }
        var draft = OrderDraft()
        let customer = value("customer_id", record)
        if customer == nil { problem("customer_id", .required) }
        let money = LocaleNumberParser()
        if let amount = value("amount", record) {
            do { draft.amountMinorUnits = try money.minorUnits(from: amount) } catch {
                problem("amount", .notAmount(amount))
            }
        } else {
            problem("amount", .required)
        }
        if let discount = value("discount", record) {
            do { draft.discountMinorUnits = try money.minorUnits(from: discount) } catch {
                problem("discount", .notAmount(discount))
            }
        }
        if let quantity = value("quantity", record) {
            if let n = Int(quantity) {
                draft.quantity = n
            } else if let units = try? LocaleNumberParser(fractionDigits: 0).minorUnits(from: quantity) {
                draft.quantity = Int(units)
            } else {
                problem("quantity", .notWholeNumber(quantity))
            }
        }
        let dates = LocaleDateParser(timeZone: timeZone)
        func time(_ field: String) -> Date? {
            guard let text = value(field, record) else { return nil }
            do { return try dates.date(from: text) } catch {
                problem(field, .date(error))
                return nil
            }
        }
        draft.placedAt = time("ordered_at")
        if value("ordered_at", record) == nil { problem("ordered_at", .required) }
        draft.promisedAt = time("promised_at")
        draft.deliveredAt = time("delivered_at")
        draft.currency = value("currency", record)?.uppercased() ?? currency
        draft.itemsSummary = value("items", record)
        if let channel = value("channel", record) {
            if let c = Order.SalesChannel(rawValue: channel.lowercased()) {
                draft.channel = c
            } else {
                problem("channel", .notOneOf(channel, allowed: Order.SalesChannel.allCases.map(\.rawValue)))
            }
        }
        draft.externalID = value("external_id", record)
        if kind == .orders, draft.externalID == nil {
            problem("external_id", .requiredToReimport)
        }
        if problems.isEmpty {
            // The customer is resolved later; the other rules are checked here.
            draft.customerID = Self.ruleCheckCustomer
            do {
                _ = try draft.validated(id: Self.ruleCheckOrder, now: now, defaultCurrency: currency)
            } catch {
                if case .invalid(let errors) = error {
                    for error in errors {
                        problems.append(
                            ImportProblem(line: record.line, column: column(forDomainField: error.field), .rule(error)))
                    }
                }
            }
            draft.customerID = nil
        }
        if !problems.isEmpty { return .failure(ImportProblems(list: problems)) }
        return .success(
            OrderRow(
                line: record.line, draft: draft, customerExternalID: customer ?? "",
                location: value("location", record),
                seller: value("seller", record),
                times: Self.timeFields.reduce(into: [:]) { times, field in times[field] = value(field, record) }))
    }
}
