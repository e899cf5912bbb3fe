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
        // "… from 203.0.113.5": the address a sign-in or sign-out came from.
        if let range = summary.range(of: " from ", options: .backwards),
            summary[range.upperBound...].allSatisfy({ $0.isHexDigit || $0 == "." || $0 == ":" }),
            let head = knownAuditSummary(String(summary[..<range.lowerBound]))
        {
            return head + t(" с адреса ", " from ") + summary[range.upperBound...]
        }
        return knownFixedSummary(summary) ?? knownCountedSummary(summary)
    }

    /// The summaries Earned writes with a role, an id or a number in them.
    func knownCountedSummary(_ summary: String) -> String? {
        func between(_ prefix: String, _ suffix: String) -> String? {
            guard summary.hasPrefix(prefix), summary.hasSuffix(suffix), summary.count >= prefix.count + suffix.count
            else { return nil }
            return String(summary.dropFirst(prefix.count).dropLast(suffix.count))
        }
        func role(_ raw: String) -> String { Role(rawValue: raw).map(roleName) ?? raw }
        if let r = between("account created from an import, without sign-in (", ")") {
            return t(
                "учётная запись создана загрузкой, без входа (", "account created from an import, without sign-in (")
                + role(r) + ")"
        }
        if let r = between("account created (", ")") {
            return t("учётная запись создана (", "account created (") + role(r) + ")"
        }
        if let id = between("merged customer ", " into this one") {
            return t("клиент \(id) объединён с этим", "merged customer \(id) into this one")
        }
        if let id = between("not the same person as customer ", ": not proposed for merging again") {
            return t(
                "не тот же человек, что клиент \(id): больше не предлагается к объединению",
                "not the same person as customer \(id): not proposed for merging again")
        }
        if let hours = between("password reset link made, valid ", " h") {
            return t("ссылка для сброса пароля, действует \(hours) ч", "password reset link made, valid \(hours) h")
        }
        if let left = between("recovery code used, ", " left") {
            return t("использован код восстановления, осталось \(left)", "recovery code used, \(left) left")
        }
        if let n = between("two-factor sign-in on, ", " recovery codes") {
            return t(
                "двухфакторный вход включён, кодов восстановления: \(n)", "two-factor sign-in on, \(n) recovery codes")
        }
        if let n = between("title, scope, ", " customers") {
            return t("название, охват, клиентов: \(n)", "title, scope, \(n) customers")
        }
        if let fields = between("changed: ", "") { return t("изменено: ", "changed: ") + fields }
        return nil
    }

    /// A fixed summary Earned writes, in the reader's language; nil for any other.
    func knownFixedSummary(_ summary: String) -> String? {
        switch summary {
        case "signed in with password": t("вход по паролю", "signed in with password")
        case "signed in with password and code": t("вход по паролю и коду", "signed in with password and code")
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
        case "case": t("обращение", "case")
        case "channel, priority, subject": t("канал, приоритет, тема", "channel, priority, subject")
        case "kind, due_at, owner": t("вид, срок, ответственный", "kind, due time, owner")
        case "name, inputs, results": t("название, исходные данные, результаты", "name, inputs, results")
        case "title, owner, source": t("название, ответственный, источник", "title, owner, source")
        default: nil
        }
    }
}
