import EarnedDomain
import EarnedFormats

/// The import's preview: what the reader made of the file, and the choices it asks for.
extension Strings {
    var previewTitle: String { t("Проверка файла перед загрузкой", "Check the file before importing") }
    var previewHint: String {
        t(
            "Ничего ещё не записано. Проверьте, куда попадёт каждый столбец, выберите, что делать с незнакомыми продавцами и точками, и загрузите.",
            "Nothing has been written yet. Check where each column goes, choose what to do with unknown sellers and stores, then import."
        )
    }
    var previewButton: String { t("Проверить файл", "Check the file") }
    var checkAgain: String { t("Проверить снова", "Check again") }
    var importNow: String { t("Загрузить", "Import") }
    var encodingLabel: String { t("Кодировка", "Encoding") }
    var separatorLabel: String { t("Разделитель", "Separator") }
    /// A separator as the reader names it (`CSVDialect.Separator`'s raw value), in words.
    func separatorName(_ raw: String) -> String {
        switch CSVDialect.Separator(rawValue: raw) {
        case .comma: t("запятая", "comma")
        case .semicolon: t("точка с запятой", "semicolon")
        case .tab: t("табуляция", "tab")
        case .whitespace: t("пробелы", "spaces")
        case nil: raw
        }
    }

    var fileLabel: String { t("Файл", "File") }
    var columnsCaption: String { t("Столбцы файла", "The file's columns") }
    var columnInFile: String { t("Столбец в файле", "Column in the file") }
    var goesTo: String { t("Куда попадёт", "Goes to") }
    var ignoredColumn: String { t("— не загружать —", "— do not import —") }
    var notRecognised: String { t("не распознан: не загружается", "not recognised: not imported") }
    var sampleCaption: String { t("Первые строки, как они будут сохранены", "The first lines as they will be stored") }
    var unmatchedSellersTitle: String {
        t("Продавцы, которых нет среди сотрудников", "Sellers who are not staff members")
    }
    var unmatchedStoresTitle: String { t("Точки, которых нет в Earned", "Stores Earned does not have") }
    var chooseOne: String { t("Выберите…", "Choose…") }
    var createStaffChoice: String {
        t("Создать сотрудника (без входа в систему)", "Create a staff member (no sign-in)")
    }
    var leaveEmptyChoice: String { t("Оставить пустым", "Leave empty") }
    var nameInFile: String { t("Как написано в файле", "As written in the file") }
    var whatToDo: String { t("Что сделать", "What to do") }
    var twoColumnsOneField: String {
        t("Два столбца выбраны для одного поля: оставьте один.", "Two columns are chosen for one field: keep one.")
    }
    var chooseForUnmatched: String {
        t(
            "Выберите, что делать с каждым незнакомым именем, — тогда файл можно будет загрузить.",
            "Choose what to do with each unknown name; then the file can be imported.")
    }
    var uploadGone: String {
        t(
            "Файл больше недоступен (его хранят сутки после загрузки). Загрузите его ещё раз.",
            "The file is no longer available (it is kept for a day after upload). Upload it again.")
    }
    var importWaiting: String { t("Файл читается…", "Reading the file…") }
    var importProgressLabel: String { t("Ход проверки", "Progress") }

    func importProgress(rows: Int, percent: Int, perSecond: Int) -> String {
        let r = count(rows, ru: "строка", "строки", "строк", en: "row", "rows")
        return t(
            "Прочитано \(r) · \(percent) % · \(perSecond) строк/с", "\(r) read · \(percent) % · \(perSecond) rows/s")
    }

    func duplicatesToReview(_ n: Int) -> String {
        let pairs = count(n, ru: "пара", "пары", "пар", en: "pair", "pairs")
        return t(
            "Похожие карточки, предложенные к объединению: \(pairs).", "Similar cards proposed for merging: \(pairs).")
    }

    var reviewDuplicates: String { t("Посмотреть возможные дубли", "Review possible duplicates") }

    func secondCards(_ n: Int) -> String {
        let cards = count(n, ru: "новая карточка", "новые карточки", "новых карточек", en: "new card", "new cards")
        return t(
            "\(cards) с тем же телефоном или e-mail, что у другой карточки: они будут загружены и предложены к объединению.",
            "\(cards) share a phone or an e-mail with another card: they will be imported and proposed for merging.")
    }

    var readyToImport: String { t("Файл готов к загрузке.", "The file is ready to import.") }

    func onLines(_ n: Int) -> String {
        count(n, ru: "строка", "строки", "строк", en: "line", "lines")
    }

    func firstOnLine(_ line: Int) -> String { t("впервые в строке \(line)", "first on line \(line)") }

    func wouldImport(created: Int, updated: Int, unchanged: Int) -> String {
        t(
            "Будет добавлено: \(created), обновлено: \(updated), без изменений: \(unchanged).",
            "Would add \(created), update \(updated), leave \(unchanged) unchanged.")
    }

    func staffWillBeCreated(_ n: Int) -> String {
        t("Будут созданы сотрудники без входа: \(n).", "Staff members to be created without sign-in: \(n).")
    }

    func staffCreated(_ n: Int) -> String {
        t("Созданы сотрудники без входа: \(n).", "Staff members created without sign-in: \(n).")
    }

    func problemsFound(_ n: Int) -> String {
        count(n, ru: "ошибка", "ошибки", "ошибок", en: "problem", "problems")
    }

    func zoneUse(_ use: ZoneUse) -> String {
        let lines = onLines(use.lines)
        switch use.source {
        case .store:
            return t(
                "Время заказов прочитано в часовом поясе их точки (\(use.zone)): \(lines).",
                "Order times read in their store's zone (\(use.zone)): \(lines).")
        case .importer:
            return t(
                "Точка не указана — время прочитано в вашем часовом поясе (\(use.zone)): \(lines).",
                "No store — times read in your zone (\(use.zone)): \(lines).")
        case .business:
            return t(
                "Ни точки, ни вашей точки — время прочитано в поясе компании по умолчанию (\(use.zone)): \(lines).",
                "Neither a store nor a home location — times read in the business's default zone (\(use.zone)): \(lines)."
            )
        }
    }

    /// A field of Earned as the preview names it.
    func importField(_ field: String) -> String {
        switch field {
        case "external_id": t("Внешний код", "External id")
        case "name": t("Имя", "Name")
        case "kind": t("Тип (физлицо/компания)", "Kind (person/company)")
        case "phone": t("Телефон", "Phone")
        case "email": t("E-mail", "E-mail")
        case "birthday": t("Дата рождения", "Birthday")
        case "city": t("Город", "City")
        case "address": t("Адрес", "Address")
        case "location": t("Точка", "Store")
        case "owner": t("Ответственный", "Relationship owner")
        case "language": t("Язык", "Language")
        case "tags": t("Метки", "Tags")
        case "consent_phone": t("Согласие на звонки", "Consent to calls")
        case "consent_sms": t("Согласие на SMS", "Consent to SMS")
        case "consent_email": t("Согласие на e-mail", "Consent to e-mail")
        case "consent_messenger": t("Согласие на мессенджеры", "Consent to messengers")
        case "consent_post": t("Согласие на почту", "Consent to post")
        case "customer_id": t("Код клиента", "Customer's id")
        case "ordered_at": t("Дата заказа", "Order date")
        case "amount": t("Сумма", "Amount")
        case "discount": t("Скидка", "Discount")
        case "currency": t("Валюта", "Currency")
        case "quantity": t("Количество", "Quantity")
        case "items": t("Товары", "Items")
        case "seller": t("Продавец", "Seller")
        case "channel": t("Канал продаж", "Sales channel")
        case "promised_at": t("Доставка обещана", "Delivery promised")
        case "delivered_at": t("Доставлено", "Delivered")
        default: field
        }
    }
}
