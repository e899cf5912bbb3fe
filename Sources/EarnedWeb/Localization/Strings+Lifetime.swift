import EarnedAnalytics
import Foundation

/// The words of the lifetime model: intervals, the holdout validation and its verdict, and what
/// the service customers received does to their buying.
extension Strings {
    /// "62 % (90 %: 55–68 %)": a figure with its interval; the figure alone when the interval
    /// rounds to it (a "99 % (99–99 %)" says nothing more).
    func withInterval(_ point: String, _ lower: String, _ upper: String) -> String {
        lower == point && upper == point ? point : "\(point) (90\u{00A0}%: \(lower)\u{2013}\(upper))"
    }

    var lifetimeModelTitle: String { t("Модель покупок и её проверка", "The purchase model and its check") }

    func lifetimeModelUsed(_ name: String, customers: Int) -> String {
        t(
            "Модель \(name) подобрана по покупкам \(count(customers, ru: "клиента", "клиентов", "клиентов", en: "customer", "customers")).",
            "\(name) fitted on the purchases of \(count(customers, ru: "клиента", "клиентов", "клиентов", en: "customer", "customers"))."
        )
    }

    func lifetimeTotals(active: String, purchases: String) -> String {
        t(
            "Сейчас активны примерно \(active) клиентов; в ближайший год они сделают \(purchases) покупок.",
            "About \(active) customers are active now; they will make \(purchases) purchases in the coming year.")
    }

    func lifetimeValueTotal(_ value: String) -> String {
        t("Ценность клиентов за 12 месяцев: \(value).", "Customers' value over 12 months: \(value).")
    }

    var intervalExplained: String {
        t(
            "В скобках — 90-процентный интервал: он учитывает, насколько точно модель подобрана по этим данным.",
            "In brackets, the 90 % interval: it carries how precisely the model is fitted on these data.")
    }

    func holdoutChoice(_ v: HoldoutValidation) -> String {
        let others = v.models.filter { $0.name != v.chosen }
        let compared = others.map { m in
            t(
                "\(m.name) ошибается на \(decimal(m.errors.rootMeanSquared)) покупки",
                "\(m.name) is off by \(decimal(m.errors.rootMeanSquared)) purchases")
        }.joined(separator: "; ")
        let chosen = v.chosenResult.map { decimal($0.errors.rootMeanSquared) } ?? "–"
        let weeks = count(v.holdoutWeeks, ru: "неделю", "недели", "недель", en: "week", "weeks")
        return t(
            "Последние \(weeks) модели не видели: по ним выбрана \(v.chosen) — её прогноз ошибается в среднем на \(chosen) покупки на клиента"
                + (compared.isEmpty ? "." : " (\(compared))."),
            "The last \(weeks) were held out from the models: \(v.chosen) was chosen on them — its forecast is off by \(chosen) purchases per customer (root mean square)"
                + (compared.isEmpty ? "." : " (\(compared)).")
        )
    }

    /// The verdict in words, with what to do about it.
    func holdoutVerdict(_ v: HoldoutValidation) -> String {
        guard let r = v.chosenResult else { return "" }
        let predicted = Format.integer(Int(r.errors.totalPredicted.rounded()), lang)
        let actual = Format.integer(Int(r.errors.totalActual), lang)
        let off = percent(abs(r.errors.totalRelative))
        switch v.verdict {
        case .fits:
            return t(
                "Модель подходит: она ждала \(predicted) повторных покупок за отложенные недели, клиенты сделали \(actual). Её прогнозам можно доверять.",
                "The model fits: it expected \(predicted) repeat purchases in the held-out weeks, and customers made \(actual). Its forecasts can be relied on."
            )
        case .overPredicts:
            return t(
                "Модель не подходит: она ждала \(predicted) покупок, а клиенты сделали \(actual) — на \(off) меньше. Клиенты уходят быстрее, чем она предполагает (закончился сезон или что-то изменилось в работе). Считайте её прогнозы покупок и ценности завышенными и проверьте снова через несколько недель.",
                "The model does not fit: it expected \(predicted) purchases, and customers made \(actual) — \(off) fewer. Customers leave faster than it assumes (a season ended, or something changed in the business). Treat its forecasts of purchases and value as too high, and check again in a few weeks."
            )
        case .underPredicts:
            return t(
                "Модель не подходит: она ждала \(predicted) покупок, а клиенты сделали \(actual) — на \(off) больше (сезон, акция или клиенты стали покупать чаще). Считайте её прогнозы осторожными.",
                "The model does not fit: it expected \(predicted) purchases, and customers made \(actual) — \(off) more (a season, a campaign, or customers buying more often than before). Treat its forecasts as cautious."
            )
        case .missesGroup:
            let group =
                v.worstRow.map { count($0, ru: "покупкой", "покупками", "покупками", en: "purchase", "purchases") }
                ?? "–"
            return t(
                "Итог сходится (\(predicted) против \(actual)), но для клиентов с \(group) в начале модель ошибается сильно: для них доверяйте итогам, а не прогнозу по каждому.",
                "The total agrees (\(predicted) against \(actual)), but for customers with \(group) before the holdout the model is far off: for them, trust the totals, not each customer's forecast."
            )
        case .notEnoughData:
            return t(
                "За отложенные недели слишком мало повторных покупок (\(Format.integer(v.holdoutPurchases, lang))), чтобы проверить модель. Нужно больше истории.",
                "Too few repeat purchases in the held-out weeks (\(Format.integer(v.holdoutPurchases, lang))) to check the model. It needs more history."
            )
        }
    }

    var holdoutTableCaption: String {
        t(
            "Повторные покупки за отложенные недели на клиента: факт и прогноз, по числу покупок до них",
            "Repeat purchases per customer in the held-out weeks, actual and forecast, by purchases before them")
    }
    var calibrationPurchasesColumn: String { t("Покупок до", "Purchases before") }
    var actualColumn: String { t("Факт", "Actual") }
    var forecastColumn: String { t("Прогноз", "Forecast") }
    func orMore(_ n: Int) -> String { "\(n)+" }

    var trackingTitle: String {
        t("Повторные покупки нарастающим итогом: факт и модель", "Cumulative repeat purchases: actual and model")
    }
    func trackingSummary(_ v: HoldoutValidation, held: String) -> String {
        t(
            "Точки — сколько повторных покупок сделано к концу каждой недели, линия — сколько ждала модель. Недели с \(held) модель не видела.",
            "Dots: repeat purchases made by the end of each week; line: what the model expected. The weeks from \(held) were held out from it."
        )
    }
    var trackingActual: String { t("Факт", "Actual") }
    var trackingModel: String { t("Модель", "Model") }

    var serviceEffectsTitle: String { t("Как сервис меняет покупки", "How service changes buying") }

    /// Who a covariate describes at its full value: "Customers whose promises were all broken".
    func covariateSubject(_ name: String) -> String {
        switch name {
        case "broken_promises":
            t(
                "Клиенты, которым нарушили все обещания (против тех, кому обещали и не нарушили ни одного),",
                "Customers whose promises were all broken (against those promised something and never let down)")
        case "late_replies":
            t(
                "Клиенты, которым на все обращения ответили с опозданием (против тех, кто обращался и получил ответ в срок),",
                "Customers whose contacts were all answered late (against those who wrote and were answered in time)")
        default: name
        }
    }

    /// "Customers whose promises were broken leave 2.1 times as fast (95 %: 1.4–3.2) and buy 0.7
    /// times as often (0.5–0.9)", or "no clear difference" where an interval holds 1.
    func serviceEffect(_ e: ServiceEffects.Effect) -> String {
        func ratio(_ r: IntervalEstimate) -> String {
            "\(decimal(r.estimate, digits: 2)) (95\u{00A0}%: \(decimal(r.lower, digits: 2))\u{2013}\(decimal(r.upper, digits: 2)))"
        }
        let dropoutClear = e.dropoutRatio.lower > 1 || e.dropoutRatio.upper < 1
        let purchaseClear = e.purchaseRatio.lower > 1 || e.purchaseRatio.upper < 1
        let leave =
            dropoutClear
            ? t("уходят в \(ratio(e.dropoutRatio)) раза быстрее", "leave \(ratio(e.dropoutRatio)) times as fast")
            : t(
                "уходят не заметно быстрее (в \(ratio(e.dropoutRatio)) раза)",
                "do not clearly leave faster (\(ratio(e.dropoutRatio)) times as fast)")
        let buy =
            purchaseClear
            ? t("покупают в \(ratio(e.purchaseRatio)) раза чаще", "buy \(ratio(e.purchaseRatio)) times as often")
            : t(
                "покупают не заметно реже (в \(ratio(e.purchaseRatio)) раза)",
                "do not clearly buy less often (\(ratio(e.purchaseRatio)) times as often)")
        return "\(covariateSubject(e.name)) " + t("\(leave) и \(buy).", "\(leave) and \(buy).")
    }

    func serviceEffectsTest(_ effects: ServiceEffects) -> String {
        let p = effects.pValue < 0.001 ? "< 0,001" : decimal(effects.pValue, digits: 3)
        let pEn = effects.pValue < 0.001 ? "< 0.001" : decimal(effects.pValue, digits: 3)
        return effects.pValue < 0.05
            ? t(
                "Сервис объясняет покупки и уходы лучше случайности (тест отношения правдоподобия, p \(p.hasPrefix("<") ? p : "= " + p)).",
                "The service explains buying and leaving better than chance would (likelihood-ratio test, p \(pEn.hasPrefix("<") ? pEn : "= " + pEn))."
            )
            : t(
                "Сервис объясняет покупки и уходы не лучше случайности (p = \(p)): эти различия могут быть шумом.",
                "The service explains buying and leaving no better than chance would (p = \(pEn)): these differences may be noise."
            )
    }

    var serviceEffectsExplained: String {
        t(
            "Модель Парето/NBD с характеристиками сервиса (Fader & Hardie 2007): для каждого клиента — доля его обещаний, которые нарушили, и доля обращений, на которые ответили позже срока. Клиентов, которым что-то обещали или которые обращались, модель сравнивает между собой: сами по себе обещания и обращения бывают у самых активных клиентов.",
            "The Pareto/NBD model with the service as covariates (Fader & Hardie 2007): for each customer, the share of their promises broken and the share of their contacts answered after the target. Customers who were promised something, or who wrote, are compared with each other: promises and contacts as such come with the most active customers."
        )
    }
}

extension Strings {
    var weekEndingColumn: String { t("Неделя до", "Week ending") }
    var serviceByModelColumn: String {
        t(
            "Сервис, если цена сбоя — по модели покупок с сервисом",
            "Service, with a failure's cost from the purchase model with service")
    }
}
