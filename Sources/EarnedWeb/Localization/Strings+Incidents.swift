import EarnedDomain
import Foundation

/// The words of call-first incidents.
extension Strings {
    var navIncidents: String { t("Инциденты", "Incidents") }
    var incidentsTitle: String { t("Сначала позвонить: инциденты", "Call first: incidents") }
    var incidentsHint: String {
        t(
            "Нашли проблему у себя — запишите один раз: каждый затронутый клиент получит звонок раньше, чем обнаружит её сам.",
            "Found a problem inside the business? Record it once: every affected customer gets a call before they find out on their own."
        )
    }
    var newIncident: String { t("Записать инцидент", "Record an incident") }
    var noIncidents: String { t("Инцидентов не было.", "No incidents recorded.") }
    var whatHappened: String { t("Что случилось", "What happened") }
    var foundAt: String { t("Когда обнаружили (местное время)", "When it was found (local time)") }
    var whoIsAffected: String { t("Кого затронуло", "Who is affected") }
    var scopeProduct: String { t("Покупатели товара", "Buyers of a product") }
    var scopeDates: String { t("Заказы за период", "Orders in a date range") }
    var scopeLocation: String { t("Заказы точки", "Orders of a location") }
    var scopeCustomers: String { t("Список клиентов", "A list of customers") }
    var productText: String { t("Товар (часть названия в составе заказа)", "Product (part of the order's items)") }
    var dateFrom: String { t("С (дата заказа)", "From (order date)") }
    var dateTo: String { t("По (дата заказа)", "To (order date)") }
    var customerList: String {
        t("Клиенты: коды или id, по одному в строке", "Customers: external ids or ids, one a line")
    }
    var affected: String { t("Затронуто", "Affected") }
    var toldFirst: String { t("Предупредили первыми", "Told first") }
    var theyContactedFirst: String { t("Клиент узнал сам", "They contacted us first") }
    var pendingOutreach: String { t("Ещё не связались", "Not reached yet") }
    var toldAt: String { t("Предупредили", "Told") }
    var firstContactAt: String { t("Клиент обратился", "Customer got in touch") }
    var closeIncident: String { t("Закрыть инцидент", "Close the incident") }
    var incidentClosed: String { t("Закрыт", "Closed") }
    var notEnoughData: String { t("мало данных", "not enough data") }

    func toldFirstOutcome(_ outcome: ToldFirst) -> String {
        switch outcome {
        case .toldFirst: toldFirst
        case .theyContactedFirst: theyContactedFirst
        case .pending: pendingOutreach
        }
    }

    /// "12 of 15 (80 %; 95 % interval 55–93 %)", or the counts alone while fewer than 10 are decided.
    func toldFirstShare(_ figure: IncidentFigure, interval: (Double, Double)?) -> String {
        let counts = t("\(figure.toldFirst) из \(figure.decided)", "\(figure.toldFirst) of \(figure.decided)")
        guard figure.decided >= 10, let share = figure.toldFirstShare, let interval else {
            return figure.decided == 0 ? notEnoughData : counts + " (" + notEnoughData + ")"
        }
        func pct(_ x: Double) -> String { "\(Int((x * 100).rounded()))" }
        return counts
            + t(
                " (\(pct(share)) %; 95 % интервал \(pct(interval.0))–\(pct(interval.1)) %)",
                " (\(pct(share)) %; 95 % interval \(pct(interval.0))–\(pct(interval.1)) %)")
    }
    var incidentMessage: String { t("Сообщение клиентам (необязательно)", "Message to the customers (optional)") }
    var incidentMessageHint: String {
        t(
            "Уйдёт по почте или в Telegram тем, кому Earned может написать сам, в часы отправки; их задача предупредить закроется сама. Остальным позвонит или напишет сотрудник.",
            "Goes by e-mail or Telegram to those Earned can write to itself, within the sending hours; their outreach task closes itself. The rest are called or written to by a person."
        )
    }
}
