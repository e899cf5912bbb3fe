import EarnedDomain
import EarnedFormats

/// Why an imported line was refused, in the page's language. The file's own words (a value,
/// a column, an e-mail) are quoted as they were written.
extension Strings {
    func importProblem(_ why: ImportProblem.Reason) -> String {
        switch why {
        case .required: return t("Не заполнено.", "Missing.")
        case .requiredToReimport:
            return t(
                "Нужен внешний код: без него повторная загрузка файла добавит эту строку ещё раз.",
                "Required, so that importing the file again changes nothing.")
        case .needsKey:
            return t(
                "Нужен внешний код, телефон или e-mail: иначе повторная загрузка добавит клиента ещё раз, а не обновит.",
                "Needs an external id, a phone or an e-mail, so that importing the file again updates this customer instead of adding another."
            )
        case .tooLong(let limit): return fieldError(FieldError(field: "", code: .tooLong, limit: limit))
        case .notAmount(let text): return t("Не сумма: «\(text)».", "Not an amount: '\(text)'.")
        case .notWholeNumber(let text): return t("Не целое число: «\(text)».", "Not a whole number: '\(text)'.")
        case .notYesNo(let text):
            return t("Ожидается «да» или «нет», а не «\(text)».", "Expected yes or no, not '\(text)'.")
        case .notOneOf(let text, let allowed):
            let list = allowed.joined(separator: ", ")
            return text.isEmpty
                ? t("Ожидается одно из: \(list).", "Expected one of \(list).")
                : t("Ожидается одно из: \(list), а не «\(text)».", "Expected one of \(list), not '\(text)'.")
        case .date(let error): return dateProblem(error)
        case .inFuture: return t("Не может быть в будущем.", "Cannot be in the future.")
        case .noAnswer:
            return t(
                "Нет ни одного ответа: нужен хотя бы один из CSAT, NPS, CES, доли покупок, «достаточно быстро», комментария.",
                "No answer: needs at least one of CSAT, NPS, CES, share of wallet, fast enough, comment.")
        case .noCustomer(let external):
            return t("Нет клиента с внешним кодом «\(external)».", "No customer with external id '\(external)'.")
        case .noStaff(let email):
            return t("Нет сотрудника с e-mail «\(email)».", "No staff member with e-mail '\(email)'.")
        case .mayNotCreateStaff(let name):
            return t(
                "Создать сотрудника «\(name)» может только тот, кто управляет сотрудниками.",
                "Only someone who manages staff may create '\(name)' as a staff member.")
        case .noLocation(let name): return t("Нет точки «\(name)».", "No location named '\(name)'.")
        case .notYourLocation(let name):
            return name.map { t("«\($0)» — не ваша точка.", "'\($0)' is not one of your locations.") }
                ?? t("Не ваша точка.", "Not one of your locations.")
        case .noHomeLocation:
            return t("Нужна точка: у вас нет основной точки.", "Required: you have no home location.")
        case .otherLocation(let record):
            return t(
                "Совпадает с \(recordRu(record, case: .instrumental)) другой точки.",
                "Matches \(recordEn(record)) of another location.")
        case .sameAs(let record, let line):
            return t(
                "\(sameRu(record)) \(recordRu(record, case: .nominative)), что в строке \(line).",
                "The same \(record.rawValue) as line \(line).")
        case .erased:
            return t(
                "Данные этого клиента удалены по его просьбе; заново они не загружаются.",
                "This customer's data was erased on request; it is not imported again.")
        case .emptyFile: return t("Файл пуст.", "The file is empty.")
        case .rule(let error): return fieldError(error)
        case .csv(let error): return csvProblem(error)
        case .header(let error): return headerProblem(error)
        case .text(let problem): return textProblem(problem)
        case .refused(let text): return text
        }
    }

    private enum Case { case nominative, instrumental }

    private func recordRu(_ record: ImportProblem.Record, case grammatical: Case) -> String {
        switch (record, grammatical) {
        case (.customer, .nominative): "клиент"
        case (.customer, .instrumental): "клиентом"
        case (.order, .nominative): "заказ"
        case (.order, .instrumental): "заказом"
        case (.contact, .nominative): "обращение"
        case (.contact, .instrumental): "обращением"
        case (.answer, .nominative): "ответ"
        case (.answer, .instrumental): "ответом"
        }
    }

    private func sameRu(_ record: ImportProblem.Record) -> String { record == .contact ? "То же" : "Тот же" }

    private func recordEn(_ record: ImportProblem.Record) -> String {
        record == .order || record == .answer ? "an \(record.rawValue)" : "a \(record.rawValue)"
    }

    private func dateProblem(_ error: LocaleDateParseError) -> String {
        switch error {
        case .empty: return t("Пусто, а нужна дата.", "Empty where a date was expected.")
        case .notADate(let text): return t("Не дата: «\(text)».", "Not a date: '\(text)'.")
        case .invalidDate(let text):
            return t("Такой даты или времени нет: «\(text)».", "No such date or time: '\(text)'.")
        case .ambiguous(let text):
            return t(
                "Дата «\(text)» читается двояко: день и месяц можно поменять местами. Выберите порядок — день первым или месяц первым.",
                "Ambiguous date '\(text)': day and month could be either way; choose day-first or month-first.")
        }
    }

    private func csvProblem(_ error: CSVError) -> String {
        switch error {
        case .unterminatedQuote(_, let field):
            return t(
                "Кавычка, открытая в поле \(field), не закрыта до конца файла.",
                "The quote opened in field \(field) is never closed.")
        case .unexpectedCharacterAfterQuote(_, let field):
            return t(
                "Лишний знак после закрывающей кавычки поля \(field).",
                "Unexpected character after the closing quote of field \(field).")
        case .separatorMismatch(_, let header, let rows):
            return t(
                "Заголовок разделён \(separatorRu(header)), а строки под ним — \(separatorRu(rows)). Сохраните файл с одним разделителем.",
                "The header is separated by \(header.symbol) but the lines below it by \(rows.symbol). Save the file with one separator."
            )
        case .recordTooLarge(_, let limit):
            return t(
                "Строка длиннее \(Format.integer(limit, lang)) байт: не осталась ли кавычка открытой?",
                "The line is longer than \(Format.integer(limit, lang)) bytes: is a quote left open?")
        case .unreadable(_, let reason): return t("Файл не читается: \(reason).", "The file cannot be read: \(reason).")
        }
    }

    private func separatorRu(_ separator: CSVDialect.Separator) -> String {
        switch separator {
        case .comma: "запятой «,»"
        case .semicolon: "точкой с запятой «;»"
        case .tab: "табуляцией"
        case .whitespace: "пробелами"
        }
    }

    private func textProblem(_ problem: CSVTextProblem) -> String {
        switch problem {
        case .invalidUTF8:
            return t(
                "Байты, которые не читаются как UTF-8 (на их месте был бы знак �). Сохраните файл в UTF-8 заново.",
                "Bytes that are not UTF-8 (they would show as �). Save the file as UTF-8 again.")
        case .nul:
            return t(
                "Нулевой символ (NUL): файл повреждён или это не текст.",
                "A NUL character: the file is damaged or not text.")
        case .byteOrderMark:
            return t(
                "Невидимый знак U+FEFF (метка порядка байтов) внутри поля.",
                "An invisible U+FEFF (byte-order mark) inside the field.")
        case .tooManyFields(let count, let header):
            let fields = self.count(count, ru: "поле", "поля", "полей", en: "field", "fields")
            let columns = self.count(header, ru: "колонка", "колонки", "колонок", en: "column", "columns")
            return t(
                "В строке \(fields), а в заголовке \(columns): лишний разделитель или кавычка?",
                "The line has \(fields), the header \(columns): a stray separator or quote?")
        case .repeatedHeader(let line):
            return t(
                "Заголовок ещё раз (как в строке \(line)): не склеены ли два файла?",
                "The header again (as on line \(line)): were two files joined?")
        }
    }

    private func headerProblem(_ error: CSVHeaderError) -> String {
        func quoted(_ names: [String]) -> String { names.map { t("«\($0)»", "'\($0)'") }.joined(separator: ", ") }
        switch error {
        case .invalidOverride(let text):
            return t(
                "Непонятное соответствие «\(text)»: нужно поле=Заголовок или поле=номер колонки.",
                "Invalid column mapping '\(text)': expected field=Header Name or field=column number.")
        case .unknownHeader(let field, let header, let available):
            return t(
                "Нет колонки «\(header)» для поля «\(field)». Колонки файла: \(quoted(available)).",
                "No column named '\(header)' for field '\(field)'. The file's columns: \(quoted(available)).")
        case .columnOutOfRange(let field, let column, let count):
            let columns = self.count(count, ru: "колонка", "колонки", "колонок", en: "column", "columns")
            return t(
                "Колонки \(column) для поля «\(field)» нет: в файле \(columns).",
                "Column \(column) for field '\(field)' is out of range: the file has \(columns).")
        case .missingFields(let fields, let available):
            return t(
                "Нет колонки для \(quoted(fields)). Колонки файла: \(quoted(available)).",
                "No column for \(quoted(fields)). The file's columns: \(quoted(available)).")
        }
    }
}
