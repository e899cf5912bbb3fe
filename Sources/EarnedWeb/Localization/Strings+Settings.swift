import EarnedDomain
import Foundation

/// The words of the outreach settings and webhook pages.
extension Strings {
    var navSettings: String { t("Настройки", "Settings") }
    var outreachTitle: String { t("Поздравления и частота контактов", "Greetings and contact frequency") }
    var outreachHint: String {
        t(
            "Поздравляем без скидок и акций — просто внимание. Один лимит контактов на клиента для поздравлений, звонков после покупки и опросов.",
            "Greetings without offers or discounts — just attention. One contact limit per customer, shared by greetings, follow-ups and surveys."
        )
    }
    var greetingsEnabled: String { t("Планировать поздравления", "Plan greetings") }
    var budgetTitle: String { t("Лимит контактов", "Contact limit") }
    var maxTouches: String { t("Не больше контактов", "At most this many contacts") }
    var windowDays: String { t("за столько дней", "within this many days") }
    var sendingHours: String { t("Когда можно писать (время клиента)", "When messages may go out (customer's time)") }
    var sendFrom: String { t("С", "From") }
    var sendUntil: String { t("До", "Until") }
    var templatesTitle: String { t("Шаблоны", "Templates") }
    var templatesHint: String {
        t(
            "Поля: {first_name}, {name}, {last_purchase}, {location}; {years} — в годовщину покупки, {holiday} — в праздник.",
            "Fields: {first_name}, {name}, {last_purchase}, {location}; {years} on purchase anniversaries, {holiday} on holidays."
        )
    }
    var holidaysTitle: String { t("Праздники", "Holidays") }
    var customHolidays: String { t("Свои праздники", "Your own holidays") }
    var customHolidaysHint: String {
        t(
            "По одному в строке: ММ-ДД; название по-русски; название по-английски — например 09-01; День знаний; Knowledge Day",
            "One a line: MM-DD; Russian name; English name — e.g. 09-01; День знаний; Knowledge Day")
    }

    func occasionName(_ kind: GreetingOccasion.Kind) -> String {
        switch kind {
        case .birthday: t("День рождения", "Birthday")
        case .anniversary: anniversaryOccasion
        case .otherDate: otherDateOccasion
        case .purchaseAnniversary: t("Годовщина первой покупки", "First purchase anniversary")
        case .holiday: t("Праздник", "Holiday")
        }
    }

    // MARK: Service rules
    var serviceRulesTitle: String { t("Правила сервиса", "Service rules") }
    var serviceRulesHint: String {
        t(
            "Напоминания об обещаниях, контакт после покупки и сроки ответа — для каждой точки свои. Сроки ответа считаются в рабочие часы точки, для обычного приоритета; срочные — в 4 раза короче, высокий — в 2, низкий — в 2 раза длиннее.",
            "Promise reminders, after-sale contact and reply targets — each location its own. Reply targets count the location's business hours, for normal priority; urgent is 4 times shorter, high 2 times, low 2 times longer."
        )
    }
    var reminderLeads: String { t("Напомнить об обещании заранее, минут", "Remind of a promise ahead, minutes") }
    var handoverContact: String { t("Контакт при выдаче", "Contact at handover") }
    var handoverVisit: String { t("Встреча лично", "In person") }
    var handoverCall: String { t("Звонок", "A call") }
    var followUpDays: String { t("Звонки после покупки, через сколько дней", "Follow-ups, days after handover") }
    var replyTargetsTitle: String { t("Сроки ответа", "Reply targets") }
    var minutesUnit: String { t("мин", "min") }
    var hoursUnit: String { t("ч", "h") }

    // MARK: Webhooks
    var navWebhooks: String { t("Вебхуки", "Webhooks") }
    var webhooksTitle: String { t("Вебхуки и шлюзы сообщений", "Webhooks and message gateways") }
    var webhooksHint: String {
        t(
            "События уходят POST-запросом с подписью Earned-Signature: t=<время>,v1=<HMAC-SHA256 от \"t.тело\">. Неудачные доставки повторяются: 30 с, 2 мин, 10 мин, 1 ч, 6 ч, затем раз в сутки.",
            "Events are POSTed with the header Earned-Signature: t=<time>,v1=<HMAC-SHA256 of \"t.body\">. Failed deliveries are retried after 30 s, 2 min, 10 min, 1 h, 6 h, then daily."
        )
    }
    var newWebhook: String { t("Новая подписка", "New subscription") }
    var url: String { "URL" }
    var events: String { t("События", "Events") }
    var description: String { t("Описание", "Description") }
    var pause: String { t("Приостановить", "Pause") }
    var resume: String { t("Возобновить", "Resume") }
    var secretOnce: String {
        t(
            "Секрет для проверки подписи — показываем один раз, сохраните его:",
            "The signing secret — shown only this once, keep it:")
    }
    var deliveries: String { t("Журнал доставки", "Delivery log") }
    var attempts: String { t("Попыток", "Attempts") }
    var noWebhooks: String { t("Подписок нет.", "No subscriptions.") }
    var noDeliveries: String { t("Доставок пока не было.", "Nothing delivered yet.") }

    func eventName(_ kind: WebhookEvent.Kind) -> String {
        switch kind {
        case .promiseDueSoon: t("Скоро срок обещания", "Promise due soon")
        case .promiseBroken: t("Обещание не выполнено", "Promise broken")
        case .caseOpened: t("Открыто обращение", "Case opened")
        case .targetBreached: t("Нарушен срок ответа", "Target breached")
        case .taskCreated: t("Новая задача", "Task created")
        case .greetingDue: t("Пора поздравить (для шлюза)", "Greeting due (for a gateway)")
        case .messageRequested: t("Отправить сообщение (для шлюза)", "Message requested (for a gateway)")
        case .surveyRequested: t("Отправить опрос (для шлюза)", "Survey requested (for a gateway)")
        case .surveyAnswered: t("Клиент ответил на опрос", "Survey answered")
        case .webhookTest: t("Проверка", "Test")
        }
    }

    func deliveryStatus(_ status: WebhookDelivery.Status) -> String {
        switch status {
        case .pending: t("ждёт", "pending")
        case .delivered: t("доставлено", "delivered")
        case .failed: t("не доставлено", "failed")
        }
    }
}
