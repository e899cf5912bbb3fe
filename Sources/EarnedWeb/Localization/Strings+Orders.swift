import EarnedDomain
import Foundation

/// The words of an order's page: its state, delivery, cancel and return, after-sale steps.
extension Strings {
    var orderTitle: String { t("Заказ", "Order") }
    var editOrder: String { t("Изменить заказ", "Edit order") }
    var orderState: String { t("Состояние", "State") }
    func orderState(_ state: Order.State) -> String {
        switch state {
        case .active: t("действует", "active")
        case .cancelled: t("отменён", "cancelled")
        case .returned: t("возвращён", "returned")
        }
    }
    var anyOrderState: String { t("Любое состояние", "Any state") }
    var markDelivered: String { t("Выдан клиенту", "Mark delivered") }
    var markDeliveredHint: String {
        t(
            "Для услуги — когда работа началась. После выдачи появятся звонки после покупки.",
            "For a service, when the work started. The after-sale steps start on delivery.")
    }
    var cancelOrder: String { t("Отменить заказ", "Cancel the order") }
    var cancelOrderHint: String {
        t(
            "Отменённый заказ не считается продажей: его нет в выручке и в моделях ценности клиента.",
            "A cancelled order is not a sale: it leaves revenue and the customer value models.")
    }
    var returnOrder: String { t("Оформить возврат", "Record a return") }
    var returnOrderHint: String {
        t(
            "Возврат убирает заказ из выручки и моделей ценности; выдача вовремя или с опозданием остаётся в счёте «никогда не опаздывать».",
            "A return takes the order out of revenue and the value models; whether it was delivered on time still counts."
        )
    }
    func endedAt(_ state: Order.State) -> String {
        state == .cancelled ? t("Отменён", "Cancelled at") : t("Возвращён", "Returned at")
    }
    var afterSaleSteps: String { t("После покупки", "After the sale") }
    var afterSaleNotStarted: String {
        t(
            "Звонки после покупки начнутся, когда заказ будет выдан.",
            "The after-sale steps start when the order is delivered.")
    }
    var afterSaleNone: String {
        t(
            "Шагов нет: заказ выдан больше 45 дней назад или настроек нет.",
            "No steps: delivered over 45 days ago, or none are set.")
    }
    var step: String { t("Шаг", "Step") }
    var handoverStep: String { t("при выдаче", "at handover") }
    func taskStatus(_ status: ServiceTask.Status) -> String {
        switch status {
        case .open: t("ждёт", "open")
        case .done: t("сделано", "done")
        case .skipped: t("пропущено", "skipped")
        }
    }
    /// An order's audit entry in the reader's language (`auditSummary`).
    func orderEvent(_ entry: AuditEntry) -> String { auditSummary(entry.summary) }
    var orderChangeConflict: String {
        t("Заказ уже изменили — страница обновлена.", "The order was changed meanwhile; the page shows it now.")
    }
}

extension Strings {
    /// A task's outcome in the reader's language where Earned wrote it; a person's own words
    /// as they are.
    func taskOutcome(_ text: String) -> String {
        switch text {
        case "order cancelled": t("заказ отменён", "order cancelled")
        case "order returned": t("заказ возвращён", "order returned")
        case "no consent to contact": t("нет согласия на контакт", "no consent to contact")
        case "contact limit reached": t("достигнут предел контактов", "contact limit reached")
        default: text
        }
    }
}
