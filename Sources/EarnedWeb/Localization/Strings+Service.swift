import EarnedDomain
import EarnedServices
import EarnedStore
import Foundation

/// The words of Today, promises, cases and contacts.
extension Strings {
    var navToday: String { t("Сегодня", "Today") }
    var navCases: String { t("Обращения", "Cases") }
    var todayTitle: String { t("Сегодня", "Today") }
    var teamTitle: String { t("Команда", "Team") }
    var myAgenda: String { t("Мои дела", "My agenda") }
    var teamAgenda: String { t("Дела команды", "Team agenda") }
    var overdue: String { t("Просрочено", "Overdue") }
    var upcoming: String { t("Дальше", "Coming up") }
    var nothingToDo: String { t("Дел нет — всё сделано вовремя.", "Nothing to do — everything is on time.") }
    var done: String { t("Сделано", "Done") }
    var skip: String { t("Пропустить", "Skip") }
    var due: String { t("Срок", "Due") }
    var assignee: String { t("Кто", "Who") }
    var outcome: String { t("Итог", "Outcome") }
    var reached: String { t("Дозвонились / встретились", "Reached the customer") }
    var reachedTold: String {
        t("Дозвонились / сообщили клиенту", "Reached the customer and told them")
    }
    var reachedAt: String { t("Когда (если не сейчас)", "When (if not just now)") }
    var satisfied: String { t("Клиент доволен", "Customer satisfied") }
    var problemFound: String { t("Проблема (откроет обращение)", "Problem found (opens a case)") }
    var referralAsked: String { t("Попросили рекомендовать нас", "Asked for a referral") }
    /// A follow-up's summary in the reader's language (the rule is `FollowUpOutcome.summary`).
    var followUpSummaryWords: FollowUpOutcome.SummaryWords {
        FollowUpOutcome.SummaryWords(
            reached: reached, satisfied: satisfied, referralAsked: referralAsked, problemFound: problemFound)
    }
    var note: String { t("Заметка", "Note") }
    var recordOutcome: String { t("Записать итог", "Record outcome") }
    var overdueCount: String { t("Просрочено у команды", "Overdue in the team") }

    func taskKind(_ kind: ServiceTask.Kind) -> String {
        switch kind {
        case .handover: t("Контакт при выдаче", "Handover contact")
        case .followUp: t("Звонок после покупки", "After-sale follow-up")
        case .promiseReminder: t("Скоро срок обещания", "Promise due soon")
        case .replyWarning: t("Скоро срок ответа", "Reply due soon")
        case .replyEscalation: t("Срок ответа нарушен", "Reply target missed")
        case .outreach: t("Предупредить клиента", "Tell the customer first")
        case .greeting: t("Поздравление", "Greeting")
        case .referralAsk: t("Попросить рекомендацию", "Ask for a referral")
        case .surveySend: t("Отправить ссылку на опрос", "Send the survey link")
        case .surveyFollowUp: t("Связаться после низкой оценки", "Call back after a low score")
        case .manual: t("Задача", "Task")
        }
    }

    func followUpStep(_ key: String?) -> String {
        guard let key, key.hasPrefix("d"), let days = Int(key.dropFirst()) else { return "" }
        return t(
            "через \(count(days, ru: "день", "дня", "дней", en: "day", "days")) после выдачи",
            "\(count(days, ru: "день", "дня", "дней", en: "day", "days")) after handover")
    }

    func channelName(_ channel: ContactChannel?) -> String {
        switch channel {
        case .phone: t("телефон", "phone")
        case .sms: "SMS"
        case .email: t("e-mail", "e-mail")
        case .messenger: t("мессенджер", "messenger")
        case .post: t("почта", "post")
        case .visit: t("лично", "in person")
        case nil: t("нет согласия на контакт", "no consent to contact")
        default: channel?.rawValue ?? ""
        }
    }

    // MARK: Referrals
    var referralsTitle: String { t("Рекомендации", "Referrals") }
    var broughtBy: String { t("Пришёл по рекомендации", "Referred by") }
    var referred: String { t("Привёл", "Referred") }
    var noReferrals: String { t("Рекомендаций пока нет.", "No referrals yet.") }
    var recordReferral: String {
        t("Привёл нового клиента (имя, телефон или e-mail)", "Brought a new customer (name, phone or e-mail)")
    }

    // MARK: Promises
    var promisesTitle: String { t("Обещания", "Promises") }
    var newPromise: String { t("Новое обещание", "New promise") }
    var promiseText: String { t("Что обещали", "What was promised") }
    var promiseKindLabel: String { t("Вид", "Kind") }
    var dueAtLabel: String { t("Срок (местное время)", "Due (local time)") }
    var ownerLabel: String { t("Ответственный", "Owner") }
    var kept: String { t("Выполнено", "Kept") }
    var broken: String { t("Не выполнено", "Broken") }
    var brokenReason: String { t("Почему не выполнено", "Why it was not kept") }
    var renegotiate: String { t("Перенести срок", "Move the due time") }
    var newDueAt: String { t("Новый срок", "New due time") }
    var toldVia: String { t("Как предупредили клиента", "How the customer was told") }
    var notTold: String { t("Клиента не предупредили", "The customer was not told") }
    var onTimeRate: String { t("Вовремя", "On time") }
    var severalCustomers: String {
        t(
            "подходят несколько клиентов, уточните (например, телефоном)",
            "several customers match; add a detail such as a phone")
    }
    var onTimeTitle: String { t("Обещания вовремя", "Promises kept on time") }
    var onTimeHint: String {
        t(
            "Вовремя — выполнено в срок или срок перенесли заранее и предупредили клиента. В скобках — 95 % интервал; меньше 10 закрытых обещаний — мало данных. Срок:",
            "On time: kept by the due time, or moved in time with the customer told. In brackets, the 95 % interval; fewer than 10 closed promises is not enough data. Due:"
        )
    }
    var decided: String { t("Закрыто", "Closed") }
    var lateColumn: String { t("С опозданием", "Late") }

    func onTimeGrouping(_ key: String) -> String {
        switch key {
        case "owner": t("Кто", "Person")
        case "team": t("Отдел", "Team")
        case "location": t("Точка", "Location")
        case "kind": t("Вид", "Kind")
        case "month": t("Месяц", "Month")
        default: t("Неделя", "Week")
        }
    }
    var noPromises: String { t("Таких обещаний нет.", "No such promises.") }
    var customerLabel: String { t("Клиент (имя, телефон, e-mail или код)", "Customer (name, phone, e-mail or id)") }

    func promiseFilter(_ f: PromiseRepository.Filter) -> String {
        switch f {
        case .open: t("В работе", "Open")
        case .overdue: t("Просрочены", "Overdue")
        case .broken: t("Не выполнены", "Broken")
        case .kept: t("Выполнены", "Kept")
        case .all: t("Все", "All")
        }
    }

    /// The on-time report's labels in the reader's language.
    var onTimeNames: OnTimeBreakdown.Names {
        let s = self
        return OnTimeBreakdown.Names(none: none, kind: { s.promiseKind($0) })
    }

    func promiseKind(_ kind: Promise.Kind) -> String {
        switch kind {
        case .delivery: t("Доставка", "Delivery")
        case .callback: t("Перезвонить", "Callback")
        case .meeting: t("Встреча", "Meeting")
        case .quote: t("Расчёт / КП", "Quote")
        case .repairReady: t("Ремонт готов", "Repair ready")
        case .other: t("Другое", "Other")
        }
    }

    func promiseOutcome(_ outcome: PromiseOutcome) -> String {
        switch outcome {
        case .open: t("В работе", "Open")
        case .overdue: t("Просрочено", "Overdue")
        case .keptOnTime: t("Выполнено вовремя", "Kept on time")
        case .renegotiated: t("Перенесено и выполнено", "Renegotiated, kept")
        case .late: t("Выполнено с опозданием", "Kept late")
        case .broken: t("Не выполнено", "Broken")
        }
    }

    // MARK: Cases
    var newCase: String { t("Новое обращение", "New case") }
    var caseTitle: String { t("Суть", "Title") }
    var caseDetail: String { t("Подробности", "Details") }
    var caseSource: String { t("Источник", "Source") }
    var priorityLabel: String { t("Приоритет", "Priority") }
    var acceptedOnWord: String { t("Приняли со слов клиента", "Accepted on the customer's word") }
    var accountableOwner: String { t("Отвечает за результат", "Accountable owner") }
    var holderLabel: String { t("Сейчас у", "Now with") }
    var handOff: String { t("Передать в отдел", "Hand off") }
    var transfer: String { t("Передать ответственность", "Transfer ownership") }
    var reason: String { t("Причина", "Reason") }
    var respond: String { t("Ответили клиенту", "Responded") }
    var resolve: String { t("Решено", "Resolved") }
    var confirm: String { t("Клиент подтвердил", "Customer confirmed") }
    var reopen: String { t("Клиент говорит: не решено", "Customer says not fixed") }
    var addAction: String { t("Исправление", "Corrective action") }
    var actionKind: String { t("Что сделали", "What was done") }
    var cost: String { t("Стоимость", "Cost") }
    var timeSpent: String { t("Сколько времени", "Time spent") }
    var timeInDepartments: String { t("Время по отделам", "Time in each department") }
    var targets: String { t("Сроки", "Targets") }
    var firstResponse: String { t("Первый ответ", "First response") }
    var resolution: String { t("Решение", "Resolution") }
    var noCases: String { t("Открытых обращений нет.", "No open cases.") }

    func caseStatus(_ status: ServiceCase.Status) -> String {
        switch status {
        case .open: t("Открыто", "Open")
        case .waitingOnCustomer: t("Ждём клиента", "Waiting on customer")
        case .resolved: t("Решено, ждём подтверждения", "Resolved, awaiting confirmation")
        case .closed: t("Закрыто", "Closed")
        }
    }

    func caseSourceName(_ source: ServiceCase.Source) -> String {
        switch source {
        case .complaint: t("Жалоба", "Complaint")
        case .problem: t("Проблема", "Problem")
        case .followUp: t("Звонок после покупки", "After-sale follow-up")
        case .survey: t("Опрос", "Survey")
        case .incident: t("Инцидент", "Incident")
        case .contact: t("Обращение клиента", "Inbound contact")
        case .other: t("Другое", "Other")
        }
    }

    func priorityName(_ priority: Priority) -> String {
        switch priority {
        case .low: t("Низкий", "Low")
        case .normal: t("Обычный", "Normal")
        case .high: t("Высокий", "High")
        case .urgent: t("Срочно", "Urgent")
        }
    }

    func actionName(_ kind: CorrectiveAction.Kind) -> String {
        switch kind {
        case .replace: t("Замена", "Replace")
        case .repair: t("Ремонт", "Repair")
        case .refund: t("Возврат денег", "Refund")
        case .explain: t("Объяснили", "Explain")
        case .apologise: t("Извинились", "Apologise")
        case .other: t("Другое", "Other")
        }
    }

    func targetState(_ state: TargetStatus.State) -> String {
        switch state {
        case .onTrack: t("в срок", "on track")
        case .dueSoon: t("скоро срок", "due soon")
        case .breached: t("срок нарушен", "breached")
        case .met: t("выполнено в срок", "met")
        case .missed: t("выполнено с опозданием", "missed")
        }
    }
}
