import EarnedServices

/// The words of the export page.
extension Strings {
    var navExport: String { t("Экспорт", "Export") }
    var exportTitle: String { t("Экспорт в CSV", "Export to CSV") }
    var exportHint: String {
        t(
            "Файл с записями, которые вам видны. Клиентов, заказы, обращения и ответы на опросы можно загрузить обратно через «Импорт» — ничего не изменится.",
            "A file of the records you may see. Customers, orders, contacts and survey answers load back through Import and change nothing."
        )
    }
    var exportWhat: String { t("Что выгружаем", "What to export") }
    func exportKind(_ kind: ExportKind) -> String {
        switch kind {
        case .customers: t("Клиенты", "Customers")
        case .orders: t("Заказы", "Orders")
        case .promises: t("Обещания", "Promises")
        case .cases: t("Обращения-кейсы", "Cases")
        case .contacts: t("Входящие обращения", "Inbound contacts")
        case .surveyAnswers: t("Ответы на опросы", "Survey answers")
        }
    }
    var exportDialect: String { t("Формат файла", "File format") }
    func exportDialectName(_ dialect: ExportDialect) -> String {
        switch dialect {
        case .excel: t("Excel на русском (точка с запятой)", "Excel in Russian (semicolons)")
        case .comma: t("CSV с запятыми (UTF-8)", "CSV with commas (UTF-8)")
        }
    }
    var exportPeriodHint: String {
        t(
            "Период необязателен. Он отбирает заказы по дате заказа, обещания — по сроку, кейсы — по дате открытия, обращения — по дате поступления, ответы — по дате ответа; клиентов выгружаем всех.",
            "The period is optional. It picks orders by the day ordered, promises by when they are due, cases by the day opened, contacts by the day received and answers by the day answered; customers are all exported."
        )
    }
    var exportButton: String { t("Скачать файл", "Download the file") }
    var exportFormHint: String {
        t(
            "Времена в файле — в UTC (ISO 8601), люди — по эл. почте, точки — по названию.",
            "Times in the file are in UTC (ISO 8601), people are named by e-mail, locations by name.")
    }
}
