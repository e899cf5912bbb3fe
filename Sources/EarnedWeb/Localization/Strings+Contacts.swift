import EarnedDomain
import Foundation

/// The words of inbound contacts and their reply targets.
extension Strings {
    var navContacts: String { t("Входящие", "Inbox") }
    var contactsTitle: String { t("Входящие обращения", "Inbound contacts") }
    var contactsHint: String {
        t(
            "Сначала те, у кого меньше всего времени до срока ответа (в рабочие часы точки).",
            "Those with the least time left to their reply target come first (in the location's business hours).")
    }
    var newContact: String { t("Записать обращение", "Log a contact") }
    var noContacts: String { t("Неотвеченных обращений нет.", "No contacts waiting.") }
    var subject: String { t("Тема", "Subject") }
    var message: String { t("Текст", "Message") }
    var fromAddress: String { t("От кого (телефон, e-mail, ник)", "From (phone, e-mail, handle)") }
    var receivedAt: String { t("Когда поступило (местное время)", "Received (local time)") }
    var status: String { t("Состояние", "Status") }
    var paused: String { t("пауза: ждём клиента", "paused: waiting on customer") }
    var takeContact: String { t("Взять себе", "Take it") }
    var replied: String { t("Ответили", "Replied") }
    var waitForCustomer: String { t("Ждём клиента", "Waiting on customer") }
    var customerAnswered: String { t("Клиент ответил", "Customer answered") }
    var resolved: String { t("Решено", "Resolved") }
    var reopenContact: String { t("Открыть снова", "Reopen") }
    var openCaseFromContact: String { t("Открыть обращение-кейс", "Open a case") }
    var linkedCase: String { t("Кейс", "Case") }
    var importContacts: String {
        t("Входящие обращения (звонки, письма, чаты, отзывы)", "Inbound contacts (calls, e-mails, chats, reviews)")
    }

    func inboundChannel(_ channel: InboundContact.Channel) -> String {
        switch channel {
        case .call: t("Звонок", "Call")
        case .email: t("E-mail", "E-mail")
        case .chat: t("Чат", "Chat")
        case .messenger: t("Мессенджер", "Messenger")
        case .review: t("Отзыв в соцсетях", "Social-media review")
        case .visit: t("Визит", "Visit")
        }
    }

    func contactStatus(_ status: InboundContact.Status) -> String {
        switch status {
        case .new: t("Новое", "New")
        case .inProgress: t("В работе", "In progress")
        case .waitingOnCustomer: t("Ждём клиента", "Waiting on customer")
        case .resolved: t("Решено", "Resolved")
        }
    }
}
