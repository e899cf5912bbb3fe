import EarnedDomain
import EarnedServices
import Foundation

/// The words of the e-mail settings page and of messages' delivery states.
extension Strings {
    var mailTitle: String { t("Электронная почта", "E-mail") }
    var mailHint: String {
        t(
            "Поздравления, ссылки на опросы и ответы клиентам, согласным на письма, уходят прямо с вашего почтового ящика. Нужны данные для отправки (SMTP) от вашего почтового сервиса: сервер, порт, логин и пароль приложения.",
            "Greetings, survey links and replies go straight from your own mailbox to customers who agreed to e-mail. You need the sending (SMTP) details from your mail provider: server, port, login and an app password."
        )
    }
    var mailScope: String { t("Для кого", "For") }
    var mailWholeBusiness: String { t("Вся компания", "The whole business") }
    var mailInherited: String {
        t(
            "У этой точки своего ящика нет: письма уходят с ящика компании.",
            "This location has no mailbox of its own: its mail goes from the business's.")
    }
    var mailNotSetUp: String {
        t(
            "Почта не настроена: сообщения уходят через шлюз или становятся задачами.",
            "E-mail is not set up: messages go through a gateway or become tasks.")
    }
    var mailOutgoingTitle: String { t("Отправка (SMTP)", "Sending (SMTP)") }
    var mailHost: String { t("Сервер", "Server") }
    var mailHostHint: String { t("Например, smtp.yandex.ru или smtp.mail.ru", "For example smtp.gmail.com") }
    var mailPort: String { t("Порт", "Port") }
    var mailSecurity: String { t("Шифрование", "Encryption") }
    func mailSecurityName(_ security: MailSecurity) -> String {
        switch security {
        case .tls: t("TLS сразу (порт 465)", "TLS from the start (port 465)")
        case .startTLS: t("STARTTLS (порт 587)", "STARTTLS (port 587)")
        case .none: t("Без шифрования (только свой сервер)", "None (own server only)")
        }
    }
    var mailUsername: String { t("Логин", "Login") }
    var mailPassword: String { t("Пароль", "Password") }
    var mailPasswordKept: String {
        t(
            "Пароль сохранён и зашифрован. Оставьте поле пустым, чтобы не менять.",
            "A password is stored, encrypted. Leave empty to keep it.")
    }
    var mailPasswordRemove: String { t("Удалить сохранённый пароль", "Remove the stored password") }
    var mailFromAddress: String { t("Адрес отправителя", "From address") }
    var mailFromName: String { t("Имя отправителя", "From name") }
    var mailFromNameHint: String {
        t("Как вас видят клиенты: «Кофейня Зерно»", "How customers see you: “Zerno Coffee”")
    }
    var mailSaveAndCheck: String { t("Сохранить и проверить", "Save and check") }
    var mailRemove: String { t("Отключить отправку", "Turn sending off") }
    var mailChecked: String {
        t("Сохранено. Earned подключился к серверу и вошёл.", "Saved. Earned connected to the server and signed in.")
    }
    func mailCheckFailed(_ reason: String) -> String {
        t("Сохранено, но подключиться не удалось: \(reason)", "Saved, but Earned could not connect: \(reason)")
    }
    var mailRemoved: String { t("Отправка отключена.", "Sending is off.") }
    var mailTestTitle: String { t("Проверочное письмо", "Test message") }
    var mailTestTo: String { t("Кому", "To") }
    var mailTestSend: String { t("Отправить", "Send") }
    func mailTestResult(_ message: OutboundMessage) -> String {
        switch message.status {
        case .sent: t("Сервер принял письмо: ", "The server accepted it: ") + (message.lastResult ?? "")
        case .refused: t("Сервер отказал: ", "The server refused it: ") + (message.lastResult ?? "")
        case .failed, .pending: t("Не отправлено: ", "Not sent: ") + (message.lastResult ?? "")
        }
    }
    var mailLogTitle: String { t("Последние письма", "Recent messages") }
    var mailLogEmpty: String { t("Писем ещё не было.", "No messages yet.") }
    var mailResult: String { t("Ответ сервера", "Server's answer") }
    func messageKindName(_ kind: OutboundMessage.Kind) -> String {
        switch kind {
        case .greeting: t("Поздравление", "Greeting")
        case .survey: t("Опрос", "Survey")
        case .followUp: t("После покупки", "Follow-up")
        case .outreach: t("Предупреждение", "Outreach")
        case .reply: t("Ответ", "Reply")
        case .notification: t("Уведомление", "Notification")
        case .test: t("Проверка", "Test")
        case .bot: t("Ответ бота", "Bot's answer")
        case .passwordReset: t("Сброс пароля", "Password reset")
        case .caseConfirmation: t("Проблема решена?", "Solved?")
        }
    }
    func messageStatusName(_ status: OutboundMessage.Status) -> String {
        switch status {
        case .pending: t("ждёт отправки", "waiting")
        case .sent: t("отправлено", "sent")
        case .refused: t("отказ сервера", "refused")
        case .failed: t("не доставлено", "failed")
        }
    }
    func messageStatusTone(_ status: OutboundMessage.Status) -> String {
        switch status {
        case .pending: "neutral"
        case .sent: "good"
        case .refused, .failed: "bad"
        }
    }
    func storyMessage(_ message: OutboundMessage) -> String {
        (message.channel == .messenger ? "Telegram" : t("Письмо", "E-mail")) + " · "
            + messageKindName(message.kind).lowercased()
    }
    var mailIncomingTitle: String { t("Входящие (IMAP)", "Incoming (IMAP)") }
    var mailIncomingHint: String {
        t(
            "Earned читает ваш ящик раз в минуту и ничего в нём не меняет. Новое письмо становится обращением, ответ клиента на наше письмо — продолжением того же обращения. Письма, пришедшие до подключения, не читаются.",
            "Earned reads your mailbox once a minute and changes nothing in it. A new mail becomes a contact; a customer's answer to our mail joins the same contact. Mail that arrived before you connected is not read."
        )
    }
    var mailIncomingHostHint: String { t("Например, imap.yandex.ru или imap.mail.ru", "For example imap.gmail.com") }
    func mailIncomingSecurityName(_ security: MailSecurity) -> String {
        switch security {
        case .tls: t("TLS сразу (порт 993)", "TLS from the start (port 993)")
        case .startTLS: t("STARTTLS (порт 143)", "STARTTLS (port 143)")
        case .none: t("Без шифрования (только свой сервер)", "None (own server only)")
        }
    }
    var mailFolder: String { t("Папка", "Folder") }
    var mailNewCustomers: String {
        t(
            "Письмо с незнакомого адреса — новый клиент (для всех ящиков; автоответы и рассылки не в счёт)",
            "Mail from an unknown address makes a new customer (every mailbox; auto-replies and lists never do)")
    }
    var mailboxChecked: String {
        t(
            "Сохранено. Earned вошёл в ящик и открыл папку.",
            "Saved. Earned signed in to the mailbox and opened the folder.")
    }
    var mailStopReading: String { t("Перестать читать ящик", "Stop reading the mailbox") }
    var mailReadingStopped: String { t("Ящик больше не читается.", "The mailbox is no longer read.") }
    var mailboxNotReadYet: String { t("Ящик ещё не читался.", "The mailbox has not been read yet.") }
    func mailboxRead(_ when: String) -> String { t("Последнее чтение: \(when).", "Last read: \(when).") }
    func mailboxProblem(_ reason: String) -> String { t("Не удалось: \(reason)", "It failed: \(reason)") }
    var conversationTitle: String { t("Переписка", "Conversation") }
    var mailFrom: String { t("От", "From") }
    var mailReplyBy: String { t("Ответ:", "Reply by") }
    var fileNotKept: String { t("больше допустимого размера, не сохранён", "over the size limit, not kept") }
    func replyTo(_ route: MailReply.Route) -> String {
        switch route {
        case .email(let address): t("Ответ по почте на \(address)", "Reply by e-mail to \(address)")
        case .telegram(let chat): t("Ответ в Telegram: \(chat.label)", "Reply in Telegram to \(chat.label)")
        }
    }
    var sendReply: String { t("Отправить ответ", "Send the reply") }
    var replyQueued: String {
        t("Ответ поставлен в очередь и уйдёт в течение минуты.", "The reply is queued and goes out within a minute.")
    }
    /// A file's size: bytes, kilobytes or megabytes, one decimal where it helps.
    func fileSize(_ bytes: Int) -> String {
        if bytes < 1024 { return t("\(bytes) Б", "\(bytes) B") }
        if bytes < 1024 * 1024 { return t("\(bytes / 1024) КБ", "\(bytes / 1024) KB") }
        let tenths = Int((Double(bytes) / 104_857.6).rounded())
        let text = "\(tenths / 10)" + (tenths % 10 == 0 ? "" : t(",", ".") + "\(tenths % 10)")
        return t("\(text) МБ", "\(text) MB")
    }
    var unsubscribeTitle: String { t("Отписаться от писем", "Unsubscribe") }
    func unsubscribeAsk(_ address: String) -> String {
        t(
            "Больше не присылать поздравления, опросы и другие письма на \(address)? Ответы на ваши обращения всё равно придут.",
            "Stop greetings, surveys and other messages to \(address)? Answers to what you write to us still come.")
    }
    var unsubscribeButton: String { t("Отписаться", "Unsubscribe") }
    var unsubscribeDone: String {
        t("Готово: писем от нас больше не будет.", "Done: you will get no more of these e-mails from us.")
    }
    var unsubscribeInvalid: String {
        t(
            "Эта ссылка больше не работает. Чтобы отписаться, ответьте на письмо — мы прочитаем и отпишем вас.",
            "This link no longer works. To unsubscribe, answer the e-mail: a person will read it and take you off.")
    }
    var notificationsTitle: String { t("Уведомления", "Notifications") }
    func notificationsHint(_ email: String) -> String {
        t(
            "Что присылать на \(email), как только это случится. Всё это есть и в «Сегодня».",
            "What to send to \(email) as soon as it happens. All of it is on Today as well.")
    }
    var notificationsNoMail: String {
        t(
            "Почта компании ещё не настроена: уведомления начнут приходить, когда владелец её подключит.",
            "The business's e-mail is not set up yet: notices start once the owner connects it.")
    }
    var notifyByEmail: String { t("Присылать на почту", "Send by e-mail") }
    func notificationKindName(_ kind: NotificationKind) -> String {
        switch kind {
        case .lowScore: t("Низкая оценка клиента (мне перезвонить)", "A customer's low score (my call-back)")
        case .escalation: t("Обращение просрочено и передано мне", "A contact overdue and passed to me")
        case .promiseDueSoon: t("Моё обещание скоро просрочится", "A promise of mine is about to be late")
        case .caseHanded: t("Мне передали случай", "A case was handed to me")
        case .chartJump:
            t(
                "Скачок на контрольной карте (для владельцев)",
                "A jump on a control chart (for owners)")
        }
    }
    var notifyDigest: String {
        t(
            "Одним письмом в день (в начале моих часов) вместо отдельных",
            "One message a day (when my hours begin) instead of one each")
    }
    var notifyFrom: String { t("Не раньше", "Not before") }
    var notifyUntil: String { t("Не позже", "Not after") }
    var mailNoKey: String {
        t(
            "На этом сервере нет ключа шифрования (EARNED_SECRET_KEY): пароль почты сохранить нельзя.",
            "This server has no encryption key (EARNED_SECRET_KEY): a mail password cannot be stored.")
    }
}
