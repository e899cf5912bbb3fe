import EarnedDomain
import Foundation

/// Every word a page shows, Russian and English side by side.
struct Strings: Sendable {
    let lang: Lang

    func t(_ ru: String, _ en: String) -> String { lang == .ru ? ru : en }

    /// "5 customers" / "5 клиентов" with the right Russian form.
    func count(_ n: Int, ru one: String, _ few: String, _ many: String, en singular: String, _ plural: String)
        -> String
    {
        let number = Format.integer(n, lang)
        return lang == .ru
            ? "\(number) \(RussianPlural.form(n, one: one, few: few, many: many))"
            : "\(number) \(n == 1 ? singular : plural)"
    }

    // MARK: Chrome
    var appName: String { "Earned" }
    var navCustomers: String { t("Клиенты", "Customers") }
    var navOrders: String { t("Заказы", "Orders") }
    var navImport: String { t("Импорт", "Import") }
    var navLocations: String { t("Точки", "Locations") }
    var navStaff: String { t("Сотрудники", "Staff") }
    var navTokens: String { t("API-токены", "API tokens") }
    var navAudit: String { t("Журнал", "Audit log") }
    var signOut: String { t("Выйти", "Sign out") }
    var otherLanguage: String { t("English", "Русский") }
    /// A customer's or a template's language, named in the reader's.
    func languageName(_ code: String) -> String {
        switch code {
        case "ru": t("русский", "Russian")
        case "en": t("английский", "English")
        default: code
        }
    }
    var skipToContent: String { t("К содержимому", "Skip to content") }
    var menu: String { t("Меню", "Menu") }
    var save: String { t("Сохранить", "Save") }
    var cancel: String { t("Отмена", "Cancel") }
    var edit: String { t("Изменить", "Edit") }
    var create: String { t("Создать", "Create") }
    var search: String { t("Найти", "Search") }
    var nextPage: String { t("Дальше →", "Next →") }
    var firstPage: String { t("← В начало", "← First page") }
    var pages: String { t("Страницы", "Pages") }
    var allLocations: String { t("Все точки", "All locations") }
    var location: String { t("Точка", "Location") }
    var none: String { t("—", "—") }
    var yes: String { t("да", "yes") }
    var no: String { t("нет", "no") }
    var formHasErrors: String { t("Проверьте поля, отмеченные ниже.", "Please check the fields marked below.") }
    var saved: String { t("Сохранено.", "Saved.") }
    var more: String { t("Ещё поля", "More fields") }

    // MARK: Sign-in
    var signInTitle: String { t("Вход", "Sign in") }
    var email: String { t("Эл. почта", "E-mail") }
    var password: String { t("Пароль", "Password") }
    var signInButton: String { t("Войти", "Sign in") }
    var wrongCredentials: String {
        t("Неверная почта или пароль.", "The e-mail or password is not right.")
    }
    func throttled(minutes: Int) -> String {
        lang == .ru
            ? "Слишком много неудачных попыток. Попробуйте снова через \(count(minutes, ru: "минуту", "минуты", "минут", en: "", ""))."
            : "Too many failed attempts. Try again in \(minutes) minute\(minutes == 1 ? "" : "s")."
    }
    var tagline: String {
        t(
            "Лояльность зарабатывают сервисом, а не скидками.",
            "Loyalty is earned with service, not bought with discounts.")
    }

    // MARK: Customers
    var customersTitle: String { t("Клиенты", "Customers") }
    var newCustomer: String { t("Новый клиент", "New customer") }
    var searchCustomers: String { t("Имя, телефон или почта", "Name, phone or e-mail") }
    func customersCount(_ n: Int) -> String {
        count(n, ru: "клиент", "клиента", "клиентов", en: "customer", "customers")
    }
    var noCustomers: String {
        t(
            "Клиентов пока нет — добавьте первого кнопкой «Новый клиент» или загрузите файл в «Импорте».",
            "No customers yet — add one with “New customer” or load a file under Import.")
    }
    var noMatches: String {
        t("Никого не нашли. Попробуйте часть имени или номера.", "Nobody matches. Try part of a name or number.")
    }
    var name: String { t("Имя", "Name") }
    var phone: String { t("Телефон", "Phone") }
    var phones: String { t("Телефоны", "Phones") }
    var emails: String { t("Эл. почта", "E-mails") }
    var messengers: String { t("Мессенджеры", "Messengers") }
    var onePerLine: String { t("по одному в строке", "one per line") }
    var kind: String { t("Тип", "Kind") }
    func kindName(_ kind: Customer.Kind) -> String {
        switch kind {
        case .person: t("Человек", "Person")
        case .company: t("Компания", "Company")
        }
    }
    var birthday: String { t("День рождения", "Birthday") }
    var birthdayHint: String {
        t("ГГГГ-ММ-ДД или --ММ-ДД, если год неизвестен", "YYYY-MM-DD, or --MM-DD when the year is unknown")
    }
    var ownDates: String { t("Годовщины и другие даты", "Anniversaries and other dates") }
    var ownDatesHint: String {
        t(
            "по одной в строке: «годовщина 2015-06-12 свадьба» или «другое 12.06 именины»; год можно не указывать",
            "one a line: \"anniversary 2015-06-12 wedding\" or \"other 12.06 name day\"; the year may be left out")
    }
    var owner: String { t("Ответственный", "Relationship owner") }
    var homeLocation: String { t("Точка клиента", "Home location") }
    var language: String { t("Язык", "Language") }
    var preferredChannel: String { t("Предпочтительный канал", "Preferred channel") }
    var tags: String { t("Метки", "Tags") }
    var tagsHint: String { t("через запятую", "separated by commas") }
    var externalID: String { t("Внешний код", "External id") }
    var city: String { t("Город", "City") }
    var address: String { t("Адрес", "Address") }
    var contacts: String { t("Контакты", "Contacts") }
    var dates: String { t("Даты", "Dates") }
    var consent: String { t("Согласие на связь", "Consent to contact") }
    var consentGiven: String { t("согласие дано", "consent given") }
    var consentWithdrawn: String { t("согласие отозвано", "consent withdrawn") }
    var consentNone: String { t("не спрашивали", "not asked") }
    var consentHow: String { t("Как получено", "How it was given") }
    var consentHowDefault: String { t("со слов клиента", "told by the customer") }
    var notes: String { t("Заметки", "Notes") }
    var addNote: String { t("Добавить заметку", "Add note") }
    var noNotes: String { t("Заметок нет.", "No notes yet.") }
    var merge: String { t("Объединить", "Merge") }
    var mergeTitle: String { t("Объединить с дублем", "Merge a duplicate into this customer") }
    var customerDataExport: String { t("Все данные клиента (JSON)", "All of the customer's data (JSON)") }
    var customerDataExportHint: String {
        t(
            "по запросу клиента о его персональных данных (152-ФЗ, GDPR); выгрузка записывается в журнал",
            "for the customer's request for their personal data (152-FZ, GDPR); the download is logged")
    }
    var mergeHint: String {
        t(
            "Заказы, заметки, контакты и даты дубля перейдут к этому клиенту. Вставьте код дубля из адреса его страницы.",
            "The duplicate's orders, notes, contacts and dates move to this customer. Paste the duplicate's id from its page address."
        )
    }
    var duplicateID: String { t("Код дубля", "Duplicate's id") }
    var erase: String { t("Стереть персональные данные", "Erase personal data") }
    var eraseHint: String {
        t(
            "По запросу клиента: имя, контакты, даты, согласия и заметки удаляются везде; обезличенные заказы остаются в отчётах. Отменить нельзя.",
            "On the customer's request: name, contacts, dates, consents and notes are removed everywhere; anonymous orders stay in the figures. This cannot be undone."
        )
    }
    var eraseConfirm: String { t("Введите «СТЕРЕТЬ» для подтверждения", "Type ERASE to confirm") }
    var eraseWord: String { t("СТЕРЕТЬ", "ERASE") }
    var erasedCustomer: String { t("Данные стёрты", "Erased customer") }
    var customerOrders: String { t("Заказы", "Orders") }
    var noOrdersYet: String { t("Заказов пока нет.", "No orders yet.") }
    var editCustomer: String { t("Изменить клиента", "Edit customer") }
    var history: String { t("История изменений", "Change history") }

    // MARK: Orders
    var ordersTitle: String { t("Заказы", "Orders") }
    var newOrder: String { t("Новый заказ", "New order") }
    var noOrders: String {
        t(
            "Заказов пока нет — запишите первый кнопкой «Новый заказ» или загрузите файл в «Импорте».",
            "No orders yet — record one with “New order” or load a file under Import.")
    }
    var customer: String { t("Клиент", "Customer") }
    var placedAt: String { t("Оформлен", "Placed") }
    var amount: String { t("Сумма", "Amount") }
    var currency: String { t("Валюта", "Currency") }
    var discount: String { t("Скидка", "Discount") }
    var quantity: String { t("Количество", "Quantity") }
    var items: String { t("Что куплено", "Items") }
    var seller: String { t("Продавец", "Seller") }
    var channel: String { t("Канал", "Channel") }
    var promisedAt: String { t("Обещано к", "Promised for") }
    var deliveredAt: String { t("Выдано", "Delivered") }
    var onTime: String { t("вовремя", "on time") }
    var late: String { t("с опозданием", "late") }
    var waiting: String { t("ждёт выдачи", "waiting") }
    func salesChannel(_ c: Order.SalesChannel) -> String {
        switch c {
        case .store: t("магазин", "store")
        case .web: t("сайт", "web")
        case .phone: t("телефон", "phone")
        case .field: t("выезд", "field")
        case .other: t("другое", "other")
        }
    }
    func contactChannel(_ c: ContactChannel) -> String {
        switch c {
        case .phone: t("звонок", "phone call")
        case .sms: "SMS"
        case .email: t("эл. почта", "e-mail")
        case .messenger: t("мессенджер", "messenger")
        case .chat: t("чат", "chat")
        case .social: t("соцсети", "social media")
        case .visit: t("визит", "visit")
        case .post: t("почта (бумажная)", "post")
        }
    }
    func ordersCount(_ n: Int) -> String { count(n, ru: "заказ", "заказа", "заказов", en: "order", "orders") }

    // MARK: Admin
    var locationsTitle: String { t("Точки", "Locations") }
    var newLocation: String { t("Новая точка", "New location") }
    var timeZone: String { t("Часовой пояс", "Time zone") }
    var hours: String { t("Часы работы", "Business hours") }
    var hoursHint: String {
        t("например 09:00-13:00, 14:00-20:00; пусто — выходной", "e.g. 09:00-13:00, 14:00-20:00; empty means closed")
    }
    var shifts: String { t("Смены", "Shifts") }
    var shiftsHint: String { t("по одной в строке: Утро 09:00-15:00", "one per line: Morning 09:00-15:00") }
    var specialDays: String { t("Особые дни", "Special days") }
    var specialDaysHint: String {
        t(
            "по одному в строке: дата, вид (праздник, сокращённый, инвентаризация, другое), название, часы — например 2026-12-31 праздник Новый год, или 2026-03-31 инвентаризация Учёт 10:00-16:00",
            "one per line: date, kind (holiday, shortened, inventory, other), label, hours — for example 2026-12-31 holiday New Year's Eve, or 2026-03-31 inventory Stock-take 10:00-16:00"
        )
    }
    /// The word a special day's kind is written with in the location form, in the reader's language.
    func specialDayKeyword(_ kind: SpecialDay.Kind) -> String {
        switch kind {
        case .holiday: t("праздник", "holiday")
        case .shortened: t("сокращённый", "shortened")
        case .inventory: t("инвентаризация", "inventory")
        case .other: t("другое", "other")
        }
    }
    /// A special day's kind from the word typed in either language ("праздник" or "holiday").
    static func specialDayKind(_ word: String) -> SpecialDay.Kind? {
        let folded = word.lowercased().replacingOccurrences(of: "ё", with: "е")
        return SpecialDay.Kind.allCases.first { kind in
            [Strings(lang: .ru).specialDayKeyword(kind), kind.rawValue].contains {
                $0.replacingOccurrences(of: "ё", with: "е") == folded
            }
        }
    }
    func weekday(_ iso: Int) -> String {
        let ru = ["Пн", "Вт", "Ср", "Чт", "Пт", "Сб", "Вс"]
        let en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        return lang == .ru ? ru[iso - 1] : en[iso - 1]
    }
    var closed: String { t("выходной", "closed") }
    var noLocations: String {
        t("Точек пока нет — добавьте первую кнопкой «Новая точка».", "No locations yet — add one with “New location”.")
    }
    var staffTitle: String { t("Сотрудники", "Staff") }
    var newStaff: String { t("Новый сотрудник", "New staff member") }
    var role: String { t("Роль", "Role") }
    func roleName(_ role: Role) -> String {
        switch role {
        case .owner: t("владелец", "owner")
        case .manager: t("управляющий", "manager")
        case .staff: t("сотрудник", "staff")
        }
    }
    var department: String { t("Отдел", "Department") }
    var active: String { t("Работает", "Active") }
    var inactive: String { t("не работает", "inactive") }
    var extraLocations: String { t("Другие точки (для управляющего)", "Further locations (for a manager)") }
    var newPassword: String { t("Новый пароль (не меньше 10 символов)", "New password (at least 10 characters)") }
    var passwordTooShort: String {
        t("Пароль должен быть не короче 10 символов.", "The password must be at least 10 characters.")
    }
    var tokensTitle: String { t("API-токены", "API tokens") }
    var tokenName: String { t("Название (для чего токен)", "Name (what it is for)") }
    var createToken: String { t("Создать токен", "Create token") }
    var revoke: String { t("Отозвать", "Revoke") }
    var revoked: String { t("отозван", "revoked") }
    var lastUsed: String { t("Использован", "Last used") }
    var created: String { t("Создан", "Created") }
    var never: String { t("ни разу", "never") }
    var tokenShownOnce: String {
        t(
            "Скопируйте токен сейчас — больше он показан не будет. Передавайте его в заголовке Authorization: Bearer …",
            "Copy the token now — it will not be shown again. Send it as Authorization: Bearer …")
    }
    var noTokens: String {
        t(
            "Токенов нет. Токен даёт программе те же права, что у вас.",
            "No tokens. A token gives a program the same rights as you.")
    }
    var auditTitle: String { t("Журнал изменений", "Audit log") }
    var when: String { t("Когда", "When") }
    var who: String { t("Кто", "Who") }
    var action: String { t("Действие", "Action") }
    var what: String { t("Что", "What") }
    var system: String { t("система", "system") }
    var noAudit: String { t("Записей пока нет.", "Nothing recorded yet.") }

    // MARK: Import
    var importTitle: String { t("Импорт из CSV", "Import from CSV") }
    var importWhat: String { t("Что загружаем", "What to import") }
    var importCustomers: String { t("Клиенты", "Customers") }
    var importOrders: String { t("Заказы", "Orders") }
    var importTransactions: String {
        t("Журнал покупок (код клиента, дата, кол-во, сумма)", "Transaction log (customer id, date, quantity, amount)")
    }
    var file: String { t("Файл", "File") }
    var mapping: String { t("Соответствие колонок (необязательно)", "Column mapping (optional)") }
    var mappingHint: String {
        t(
            "по одному в строке: поле=Заголовок или поле=номер колонки, например phone=Телефон клиента",
            "one per line: field=Header or field=column number, e.g. phone=Customer phone")
    }
    var partialImport: String {
        t("Загрузить хорошие строки, даже если есть ошибки", "Load the good lines even if some have errors")
    }
    var importButton: String { t("Проверить и загрузить", "Check and import") }
    var importHint: String {
        t(
            "UTF-8 или Windows-1251, разделитель запятая, точка с запятой или табуляция, десятичная запятая допускается. Повторная загрузка того же файла ничего не меняет.",
            "UTF-8 or Windows-1251; comma, semicolon or tab separated; decimal commas are fine. Loading the same file again changes nothing."
        )
    }
    var importFailed: String {
        t("Ничего не загружено: в файле есть ошибки.", "Nothing was imported: the file has errors.")
    }
    var line: String { t("Строка", "Line") }
    var column: String { t("Колонка", "Column") }
    var problem: String { t("Проблема", "Problem") }
    func importDone(created: Int, updated: Int, unchanged: Int, skipped: Int) -> String {
        lang == .ru
            ? "Готово: добавлено \(created), обновлено \(updated), без изменений \(unchanged), пропущено с ошибками \(skipped)."
            : "Done: \(created) added, \(updated) updated, \(unchanged) unchanged, \(skipped) skipped with errors."
    }

    // MARK: Errors
    var notFoundTitle: String { t("Не найдено", "Not found") }
    var notFoundText: String {
        t(
            "Такой страницы нет, или у вас нет к ней доступа.",
            "This page does not exist, or you do not have access to it.")
    }
    var forbiddenTitle: String { t("Нет доступа", "Not allowed") }
    var forbiddenText: String { t("Вашей роли это недоступно.", "Your role cannot do this.") }
    var errorTitle: String { t("Что-то пошло не так", "Something went wrong") }
    var errorText: String {
        t("Мы записали ошибку. Попробуйте ещё раз чуть позже.", "We logged the error. Please try again in a moment.")
    }
    var badRequestTitle: String { t("Запрос не понят", "Request not understood") }
    var csrfText: String {
        t(
            "Форма устарела. Откройте страницу заново и повторите.",
            "The form has expired. Open the page again and retry.")
    }
    var backHome: String { t("На главную", "Back to start") }

    func fieldError(_ error: FieldError) -> String {
        switch error.code {
        case .required: return t("Заполните это поле.", "This is required.")
        case .tooLong: return t("Не длиннее \(error.limit ?? 0) символов.", "At most \(error.limit ?? 0) characters.")
        case .tooShort: return t("Не короче \(error.limit ?? 0) символов.", "At least \(error.limit ?? 0) characters.")
        case .invalidFormat:
            return t("Неверный формат", "Invalid format")
                + (error.detail.map { t(": ожидается ", ": expected ") + fieldDetail($0) } ?? ".")
        case .invalidChoice: return t("Такого варианта нет.", "Not one of the choices.")
        case .outOfRange:
            return t("Значение вне допустимого диапазона.", "The value is out of range.")
                + (error.detail.map { " (\(fieldDetail($0)))" } ?? "")
        case .unknownReference: return t("Такой записи нет.", "No such record.")
        case .duplicate: return t("Уже используется.", "Already in use.")
        case .inconsistent:
            return t("Не согласуется с другими полями", "Does not agree with the other fields")
                + (error.detail.map { " (\(fieldDetail($0)))" } ?? ".")
        }
    }
}
