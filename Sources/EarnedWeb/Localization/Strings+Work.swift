import EarnedDomain
import EarnedStore
import Foundation

/// The words of work that moves: handing work on, snoozing, tasks made by hand, absences.
extension Strings {
    var handTo: String { t("Передать", "Hand to") }
    var handToHint: String {
        t(
            "Тому, кто работает в этой точке. Срок и история остаются.",
            "Someone who works at this location. The due time and history stay.")
    }
    var snooze: String { t("Отложить", "Snooze") }
    var snoozeUntil: String { t("До", "Until") }
    var newTask: String { t("Новая задача", "New task") }
    var taskText: String { t("Что сделать", "What to do") }
    var taskFor: String { t("Для кого", "For") }
    var taskCustomer: String {
        t("Клиент, если задача о нём (имя, телефон, e-mail)", "Customer, if it is about one (name, phone, e-mail)")
    }
    var aboutLabel: String { t("О чём", "About") }
    var taskTitle: String { t("Задача", "Task") }
    var openTask: String { t("Подробнее", "Details") }
    var taskClosed: String { t("Задача закрыта", "The task is closed") }
    var workChangedMeanwhile: String {
        t("Это уже изменили — страница обновлена.", "This was changed meanwhile; the page shows it now.")
    }

    // MARK: Absences
    var absencesTitle: String { t("Отсутствия", "Absences") }
    var absencesHint: String {
        t(
            "Пока человека нет, его задачи, обещания, входящие и обращения у того, кто его заменяет, и новые дела для него идут туда же. Когда он вернётся, незакрытое вернётся к нему.",
            "While someone is away, their tasks, promises, contacts and cases are with their cover, and new work for them goes there too. When they are back, what is still open comes back to them."
        )
    }
    var recordAbsence: String { t("Отметить отсутствие", "Mark someone away") }
    var awayPerson: String { t("Кого нет", "Who is away") }
    var cover: String { t("Кто заменяет", "Who covers") }
    var awayFrom: String { t("С", "From") }
    var awayUntil: String { t("По (включительно)", "Until (inclusive)") }
    var absenceReason: String { t("Причина (отпуск, больничный…)", "Reason (holiday, sick day…)") }
    var noAbsences: String { t("Сейчас все на месте, отсутствий впереди нет.", "Everyone is in; no absences ahead.") }
    var awayNow: String { t("отсутствует", "away now") }
    var awayAhead: String { t("впереди", "ahead") }
    var endAbsence: String { t("Вернулся", "Back now") }
    func handedCount(_ n: Int) -> String {
        t(
            "передано \(count(n, ru: "дело", "дела", "дел", en: "item", "items"))",
            "\(count(n, ru: "дело", "дела", "дел", en: "item", "items")) handed over")
    }
    var absenceState: String { t("Состояние", "State") }
}

extension Strings {
    /// A change of a piece of work in the reader's language: a summary Earned writes
    /// (`auditSummary`), else the kind of change and the summary as written.
    func workEvent(_ entry: AuditEntry) -> String {
        knownAuditSummary(entry.summary)
            ?? auditAction(entry.action) + (entry.summary.isEmpty ? "" : ": " + entry.summary)
    }
}

/// The words of filtered lists.
extension Strings {
    var periodFrom: String { t("С дня", "From") }
    var periodTo: String { t("По день", "To") }
    var showList: String { t("Показать", "Show") }
    var resetFilters: String { t("Сбросить", "Reset") }
    var anyPerson: String { t("Все сотрудники", "Everyone") }
    var anyKind: String { t("Любой вид", "Any kind") }
    var personLabel: String { t("Сотрудник", "Person") }
    var searchCustomer: String { t("Клиент (имя, телефон, e-mail)", "Customer (name, phone, e-mail)") }
    func foundCount(_ n: Int) -> String {
        t(
            "Найдено: \(Format.integer(n, .ru))",
            "\(Format.integer(n, .en)) found")
    }
    func foundMoreThan(_ n: Int) -> String {
        t(
            "Найдено больше \(Format.integer(n, .ru)); уточните фильтры",
            "More than \(Format.integer(n, .en)) found; narrow the filters")
    }
    var csvExcel: String { t("Скачать CSV для Excel", "Download CSV for Excel") }
    var csvComma: String { t("CSV с запятыми", "CSV with commas") }
    var tasksTitle: String { t("Задачи", "Tasks") }
    /// A task's title: its kind, and a follow-up's step.
    func taskTitle(_ task: ServiceTask) -> String {
        taskKind(task.kind) + (task.kind == .followUp ? " " + followUpStep(task.text) : "")
    }
    var agendaKindLabel: String { t("Что", "What") }
    func agendaKind(_ source: AgendaItem.Source) -> String {
        switch source {
        case .task: t("Задачи", "Tasks")
        case .promise: t("Обещания", "Promises")
        case .serviceCase: t("Обращения", "Cases")
        case .contact: t("Входящие", "Inbox")
        }
    }
    func agendaShown(from: Int, to: Int, of total: Int) -> String {
        total == 0
            ? t("Ничего не найдено", "Nothing found")
            : t(
                "Показаны \(Format.integer(from, .ru))–\(Format.integer(to, .ru)) из \(Format.integer(total, .ru))",
                "Showing \(Format.integer(from, .en))–\(Format.integer(to, .en)) of \(Format.integer(total, .en))")
    }
    var allTasksLink: String { t("Все задачи", "All tasks") }
    var noTasksFound: String { t("Таких задач нет.", "No tasks like these.") }
    func taskFilter(_ f: TaskRepository.Filter) -> String {
        switch f {
        case .open: t("Открытые", "Open")
        case .overdue: t("Просроченные", "Overdue")
        case .done: t("Сделанные", "Done")
        case .skipped: t("Пропущенные", "Skipped")
        case .all: t("Все", "All")
        }
    }
}

extension Strings {
    var caseSourceLabel: String { t("Откуда", "Source") }
    func caseListStatus(_ status: String) -> String {
        switch status {
        case "active": t("в работе", "active")
        case "overdue": t("просрочены", "overdue")
        case "open": t("открыты", "open")
        case "waiting": t("ждём клиента", "waiting on customer")
        case "resolved": t("решены, ждут подтверждения", "resolved")
        case "closed": t("закрыты", "closed")
        default: t("все", "all")
        }
    }
}

extension Strings {
    var openedAt: String { t("Открыто", "Opened") }
}

extension Strings {
    var contactQueue: String { t("Очередь: все нерешённые", "The queue: all unresolved") }
    var allContacts: String { t("все, и решённые", "all, resolved too") }
    var noContactsFound: String { t("Таких обращений нет.", "No contacts like that.") }
}

/// The words of reply and case targets on the service settings page.
extension Strings {
    var priorityShareTitle: String { t("Сроки по приоритету", "Targets by priority") }
    var priorityShareHint: String {
        t(
            "Доля обычного срока для каждого приоритета: 25 — вчетверо быстрее, 200 — вдвое дольше.",
            "The share of the normal target for each priority: 25 is four times faster, 200 twice as long.")
    }
    var warningLeadTitle: String { t("Предупреждение до срока", "Warning before the target") }
    var warningLeadHint: String {
        t(
            "Ответственный получает задачу, когда до срока остаётся эта доля, но не меньше этих минут.",
            "Whoever holds it gets a task when this share of the target is left, but no fewer minutes than this.")
    }
    var warningShare: String { t("Доля срока, %", "Share of the target, %") }
    var warningMinimum: String { t("Не меньше, минут", "At least, minutes") }
    var caseTargetsTitle: String { t("Сроки по обращениям", "Case targets") }
    var caseTargetsHint: String {
        t(
            "В рабочих часах точки, паузы на ожидание клиента не считаются.",
            "In the location's business hours; time waiting on the customer does not count.")
    }
}

/// The words of a webhook's edit page and its log.
extension Strings {
    var sendTest: String { t("Проверить", "Send a test") }
    var sendAgain: String { t("Отправить ещё раз", "Send again") }
    var deleteWebhook: String { t("Удалить подписку", "Delete the subscription") }
    var deleteWebhookHint: String {
        t(
            "Подписка и её журнал доставок удаляются; получатель больше ничего не получит.",
            "The subscription and its delivery log are deleted; the receiver gets nothing more.")
    }
}
