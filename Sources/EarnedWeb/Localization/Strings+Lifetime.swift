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
        guard let chosen = v.chosenResult else { return "" }
        let weeks = count(v.holdoutWeeks, ru: "неделю", "недели", "недель", en: "week", "weeks")
        let others = v.models.filter { $0.name != v.chosen }
        let compared = others.map { m in
            t(
                ", у \(m.name) — \(decimal(m.errors.rootMeanSquared))",
                ", \(m.name)'s by \(decimal(m.errors.rootMeanSquared))")
        }.joined()
        // A tie within 0.5 % keeps BG/NBD even when the other is a hair better.
        let tie = others.contains { $0.errors.rootMeanSquared < chosen.errors.rootMeanSquared }
        return t(
            "Последние \(weeks) модели не видели, и по ним выбрана \(v.chosen): её прогноз ошибается в среднем на \(decimal(chosen.errors.rootMeanSquared)) покупки на клиента (среднеквадратично)\(compared)."
                + (tie ? " Разница меньше 0,5 %, поэтому остаётся BG/NBD." : ""),
            "The last \(weeks) were held out from the models, and \(v.chosen) was chosen on them: its forecast is off by \(decimal(chosen.errors.rootMeanSquared)) purchases per customer (root mean square)\(compared)."
                + (tie ? " The difference is under 0.5 %, so BG/NBD stays." : "")
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
            let direction =
                r.errors.totalRelative < 0
                ? t("на \(off) больше, чем она ждала", "\(off) more than it expected")
                : t("на \(off) меньше, чем она ждала", "\(off) fewer than it expected")
            return t(
                "Модель проходит проверку: она ждала \(predicted) повторных покупок за отложенные недели, клиенты сделали \(actual) — \(direction). Пользуйтесь её прогнозами, помня, что они могут ошибаться примерно на столько же.",
                "The model passes the check: it expected \(predicted) repeat purchases in the held-out weeks, and customers made \(actual), \(direction). Use its forecasts, knowing they can be off by about as much."
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

    /// Who a tested covariate describes: "Customers whose first promise was broken or kept late".
    func covariateSubject(_ name: String) -> String {
        switch name {
        case "broken_promises":
            t(
                "Клиенты, чьё первое обещание нарушили или выполнили с опозданием (против тех, кому первое обещание выполнили в срок), после этого",
                "Customers whose first promise was broken or kept late (against those whose first promise was kept on time) then"
            )
        case "late_replies":
            t(
                "Клиенты, которым на первое обращение ответили с опозданием (против тех, кому ответили в срок), после этого",
                "Customers whose first contact was answered late (against those answered in time) then")
        default: name
        }
    }

    /// "Customers whose first promise was broken or kept late (…) then leave 2.1 times as fast
    /// (95 %: 1.4–3.2) and buy 0.7 times as often (0.5–0.9)", or "no clear difference" where an
    /// interval holds 1.
    func serviceEffect(_ e: ServiceEffects.Effect) -> String {
        func limits(_ lower: Double, _ upper: Double, clear: Bool) -> String {
            guard lower.isFinite, upper.isFinite else { return t("интервал не оценить", "no interval can be given") }
            let range = "95\u{00A0}%: \(decimal(lower, digits: 2))\u{2013}\(decimal(upper, digits: 2))"
            return clear ? range : range + t("; разница не доказана", "; no clear difference")
        }
        /// English says "0.75 times as often"; Russian says "в 1,33 раза реже" — a ratio below 1
        /// turned over, its limits with it.
        func ratio(_ r: IntervalEstimate, more: String, less: String, english: String) -> String {
            let clear = r.lower > 1 || r.upper < 1
            let en = "\(decimal(r.estimate, digits: 2)) \(english) (\(limits(r.lower, r.upper, clear: clear)))"
            guard r.estimate < 1, r.estimate > 0 else {
                return t(
                    "в \(decimal(r.estimate, digits: 2)) раза \(more) (\(limits(r.lower, r.upper, clear: clear)))", en)
            }
            return t(
                "в \(decimal(1 / r.estimate, digits: 2)) раза \(less) (\(limits(1 / r.upper, 1 / r.lower, clear: clear)))",
                en)
        }
        let leave =
            t("уходят ", "leave ")
            + ratio(e.dropoutRatio, more: "быстрее", less: "медленнее", english: "times as fast")
        let buy =
            t("покупают ", "buy ")
            + ratio(e.purchaseRatio, more: "чаще", less: "реже", english: "times as often")
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
            "Модель Парето/NBD с характеристиками сервиса (Fader & Hardie 2007), отсчитанная от первого случая сервиса у каждого клиента — первого обещания ему или его первого обращения, что было раньше: подвели ли его тогда и что он купил после. Клиентов сравнивают с теми, у кого первый случай был того же рода и кто до него покупал столько же, так же часто и так же недавно.",
            "The Pareto/NBD model with the service as covariates (Fader & Hardie 2007), counted from each customer's first service moment — the first promise made to them or their first contact, whichever came first: whether it let them down, and what they bought after it. Customers are compared with those whose first moment was of the same kind and who had bought as much, as often and as recently before it."
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
