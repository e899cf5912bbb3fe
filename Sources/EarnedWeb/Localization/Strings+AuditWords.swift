import EarnedDomain
import Foundation

/// The audit log in the reader's language: the log stores English keys (kinds of record, fixed
/// summaries) so it reads the same whoever wrote it; pages translate the ones Earned writes and
/// leave what people typed, and figures, as they are.
extension Strings {
    func auditEntity(_ entity: String) -> String {
        switch entity {
        case "absence": t("отсутствие", "absence")
        case "api_token": t("API-токен", "API token")
        case "case": t("обращение", "case")
        case "contact": t("входящее", "contact")
        case "customer": t("клиент", "customer")
        case "forecast": t("прогноз", "forecast")
        case "incident": t("инцидент", "incident")
        case "location": t("точка", "location")
        case "order": t("заказ", "order")
        case "promise": t("обещание", "promise")
        case "referral": t("рекомендация", "referral")
        case "settings": t("настройки", "settings")
        case "staff": t("сотрудник", "staff member")
        case "survey": t("опрос", "survey")
        case "survey_import": t("загрузка ответов", "survey answers import")
        case "survey_invitation": t("приглашение в опрос", "survey invitation")
        case "task": t("задача", "task")
        case "webhook": t("вебхук", "webhook")
        case "webhook_delivery": t("доставка вебхука", "webhook delivery")
        default: entity
        }
    }

    /// A summary Earned writes, in the reader's language; anything else as it is.
    func auditSummary(_ summary: String) -> String { knownAuditSummary(summary) ?? summary }

    /// A summary Earned writes, in the reader's language; nil for any other.
    func knownAuditSummary(_ summary: String) -> String? {
        switch summary {
        case "API token created": t("API-токен создан", "API token created")
        case "API token revoked": t("API-токен отозван", "API token revoked")
        case "order recorded": t("заказ записан", "order recorded")
        case "order changed": t("заказ изменён", "order changed")
        case "delivered": t("выдан", "delivered")
        case "cancelled": t("отменён", "cancelled")
        case "returned": t("возвращён", "returned")
        case "reassigned": t("передано", "handed on")
        case "assigned": t("назначено", "assigned")
        case "handoff": t("передано", "handed off")
        case "snoozed": t("отложено", "snoozed")
        case "task made by hand": t("задача создана", "task made")
        case "absence recorded": t("отсутствие отмечено", "absence recorded")
        case "handed over": t("дела переданы замене", "work handed to the cover")
        case "handed back": t("дела возвращены", "work handed back")
        case "ended early": t("вернулся раньше", "ended early")
        case "order deleted": t("заказ удалён", "order deleted")
        case "customer created": t("клиент создан", "customer created")
        case "location created": t("точка создана", "location created")
        case "location changed": t("точка изменена", "location changed")
        case "account changed": t("учётная запись изменена", "account changed")
        case "own password changed": t("свой пароль изменён", "own password changed")
        case "password set from a reset link": t("пароль задан по ссылке", "password set from a reset link")
        case "wrong second-factor code": t("неверный код второго фактора", "wrong second-factor code")
        case "signed out": t("выход", "signed out")
        case "personal data erased on request": t("данные стёрты по просьбе клиента", "personal data erased on request")
        case "the customer's data, on their request":
            t("данные клиента, по его запросу", "the customer's data, on their request")
        case "survey settings": t("настройки опроса", "survey settings")
        case "new link": t("новая ссылка", "new link")
        case "resent": t("отправлено ещё раз", "sent again")
        case "deleted": t("удалено", "deleted")
        case "closed": t("закрыто", "closed")
        case "paused": t("приостановлено", "paused")
        case "resumed": t("возобновлено", "resumed")
        case "outcome, due_at": t("итог, срок", "outcome, due time")
        case "url, events": t("адрес, события", "address, events")
        case "url, events, description": t("адрес, события, описание", "address, events, description")
        case "referrer, referred": t("кто привёл, кого привёл", "referrer, referred")
        default: nil
        }
    }
}
