import EarnedAnalytics
import EarnedDomain
import Foundation

/// The words of the program forecaster: its form, its verdict and its figures.
extension Strings {
    var navForecast: String { t("Прогноз", "Forecast") }
    var forecastTitle: String { t("Прогноз программы лояльности", "Program forecast") }
    var forecastIntro: String {
        t(
            "Прежде чем запускать скидки, баллы или кэшбэк, посчитайте последствия: программу нельзя отменить без ущерба для репутации. Прогноз строится на истории ваших клиентов и сравнивает программу с тем же бюджетом, потраченным на сервис.",
            "Before launching discounts, points or cashback, count the consequences: a program cannot be withdrawn without hurting your reputation. The forecast runs on your own customers' history and sets the program against spending the same money on service."
        )
    }
    var savedForecastsTitle: String { t("Сохранённые прогнозы", "Saved forecasts") }
    var noSavedForecasts: String { t("Сохранённых прогнозов пока нет.", "No saved forecasts yet.") }
    var noBaselineYet: String {
        t(
            "Прогноз появится после первого расчёта показателей: он идёт сам в течение 5 минут после запуска (или командой earned score).",
            "Forecasts become available after the first scoring run: it starts by itself within 5 minutes of starting Earned (or run earned score)."
        )
    }
    func baselineOf(_ when: String) -> String { t("Данные на \(when)", "Data as of \(when)") }

    // MARK: Form

    var programSection: String { t("Программа", "The program") }
    var kindLabel: String { t("Вид программы", "Kind of program") }
    func kindName(_ kind: ProgramScenario.Kind) -> String {
        switch kind {
        case .discount: t("скидка", "discount")
        case .points: t("баллы", "points")
        case .cashback: t("кэшбэк", "cashback")
        case .tiers: t("уровни", "tiers")
        }
    }
    var rewardRateLabel: String { t("Скидка или кэшбэк, % от покупки", "Discount or cashback, % of each purchase") }
    var pointsSection: String { t("Баллы (для программы с баллами)", "Points (for a points program)") }
    var pointsPerUnitLabel: String { t("Баллов за 1 потраченный рубль", "Points per currency unit spent") }
    var pointValueLabel: String { t("Стоимость балла при списании", "What a point is worth when redeemed") }
    var expiryLabel: String { t("Баллы сгорают через, месяцев", "Points expire after, months") }
    var breakageLabel: String { t("Доля баллов, которые не спишут, %", "Share of points never redeemed (breakage), %") }
    var lagLabel: String {
        t("Баллы списывают в среднем через, месяцев", "Points are redeemed after, months on average")
    }
    var tiersSection: String { t("Уровни (для программы с уровнями)", "Tiers (for a tiered program)") }
    func tierLabel(_ n: Int) -> String { t("Уровень \(n)", "Tier \(n)") }
    var tierThresholdLabel: String { t("от годовых покупок на сумму", "from yearly spend of") }
    var tierRateLabel: String { t("возврат, %", "reward, %") }
    var whoSection: String { t("Кто участвует", "Who takes part") }
    var eligibleLabel: String {
        t("Кому предлагаем (ничего не отмечено — всем)", "Offered to (none ticked means everyone)")
    }
    var participationLabel: String {
        t("Доля активных клиентов, которые вступят, %", "Share of active customers who join, %")
    }
    var effectsSection: String { t("Ожидаемый эффект на участников", "The expected effect on members") }
    var effectsGuess: String {
        t(
            "Это догадки, а не факты: укажите наименьшее правдоподобное, самое вероятное и наибольшее значение. По умолчанию — скромные цифры: исследования программ лояльности чаще всего находят небольшой эффект или никакого.",
            "These are guesses, not facts: enter the lowest plausible, the most likely and the highest value. The defaults are modest: studies of loyalty programs mostly find small effects or none."
        )
    }
    var retentionLabel: String { t("Насколько реже уходят, % от оттока", "How much less often they leave, % of churn") }
    var frequencyLabel: String { t("Насколько чаще покупают, %", "How much more often they buy, %") }
    var spendLabel: String { t("Насколько больше средний чек, %", "How much more they spend per purchase, %") }
    var low: String { t("от", "low") }
    var likely: String { t("вероятно", "likely") }
    var high: String { t("до", "high") }
    var moneySection: String { t("Деньги", "Money") }
    var marginLabel: String { t("Валовая маржа, %", "Gross margin, %") }
    var monthlyCostLabel: String { t("Расходы на программу в месяц", "Running cost a month") }
    var setupCostLabel: String { t("Запуск программы, разово", "Launch cost, once") }
    var horizonLabel: String { t("Горизонт, месяцев", "Horizon, months") }
    var discountRateLabel: String { t("Ставка дисконтирования, % в год", "Discount rate, % a year") }
    var acquisitionLabel: String {
        t(
            "Привлечь нового клиента дороже, чем удержать, во столько раз",
            "Winning a new customer costs this many times keeping one")
    }
    var acquisitionNote: String {
        t(
            "Эмпирическое правило (Котлер): привлечь нового клиента в пять раз дороже, чем удержать. Не входит в NPV.",
            "A rule of thumb (Kotler): winning a new customer costs five times keeping one. Not part of the NPV."
        )
    }
    var withdrawalSection: String { t("Если программу придётся отменить", "If the program has to be withdrawn") }
    var withdrawalOn: String { t("Посчитать отмену", "Count a withdrawal") }
    var withdrawalMonthLabel: String { t("Отменить после месяца", "Stop after month") }
    var spikeLabel: String {
        t("Доля участников, которые уйдут сразу после отмены, %", "Share of members who leave at once when it stops, %")
    }
    var serviceSection: String { t("Вместо программы — сервис", "Service instead of the program") }
    var serviceOn: String { t("Сравнить с улучшением сервиса", "Compare with a service improvement") }
    func onTimeTargetLabel(_ now: String) -> String {
        t(
            "Обещания и доставки вовремя, цель % (сейчас \(now))",
            "Promises and deliveries on time, target % (now \(now))")
    }
    func repliesTargetLabel(_ now: String) -> String {
        t("Первые ответы в срок, цель % (сейчас \(now))", "First replies within target, target % (now \(now))")
    }
    var serviceMonthlyLabel: String { t("Расходы на сервис в месяц", "Service cost a month") }
    var serviceSetupLabel: String { t("Вложения в сервис, разово", "Service investment, once") }
    var simulationSection: String { t("Расчёт", "Simulation") }
    var runsLabel: String { t("Прогонов Монте-Карло", "Monte Carlo runs") }
    var seedLabel: String {
        t("Начальное число (тот же — тот же результат)", "Seed (the same seed gives the same result)")
    }
    var runForecast: String { t("Рассчитать", "Run the forecast") }
    var saveAs: String { t("Сохранить как", "Save as") }
    var saveForecast: String { t("Сохранить", "Save") }
    var forecastName: String { t("Название", "Name") }
    var openInForm: String { t("Открыть в форме и пересчитать", "Open in the form and run again") }
    var deleteForecast: String { t("Удалить", "Delete") }

    // MARK: Results

    var resultSection: String { t("Что получится", "What it comes to") }
    var fanTitle: String { t("Накопленная прибыль по месяцам", "Cumulative profit month by month") }
    var fanBand: String { t("80 % прогонов (P10–P90)", "80 % of runs (P10–P90)") }
    var fanLine: String { t("медиана", "median") }
    var breakEvenLine: String { t("ноль", "zero") }
    var monthAxis: String { t("месяц", "month") }
    var histogramTitle: String { t("NPV по прогонам", "NPV over the runs") }
    var runsAxis: String { t("прогонов", "runs") }
    var figuresSection: String { t("Цифры", "Figures") }
    var figureColumnName: String { t("Показатель", "Figure") }
    var programColumn: String { t("Программа", "Program") }
    var serviceColumn: String { t("Сервис", "Service") }
    var npvRow: String { t("NPV", "NPV") }
    var lossRow: String { t("Вероятность убытка", "Probability of a loss") }
    var extraMarginRow: String { t("Маржа с дополнительных продаж", "Margin on extra sales") }
    var costsRow: String { t("Все расходы (вознаграждения, запуск, ведение)", "All costs (rewards, launch, running)") }
    var leakRow: String {
        t("Вознаграждения за покупки, которые были бы и так", "Rewards on purchases that would have happened anyway")
    }
    var membersRow: String { t("Участников", "Members") }
    var keptRow: String { t("Удержано клиентов к концу горизонта", "Customers kept at the horizon") }
    var retentionCostRow: String {
        t("Программа тратит на удержание участника в год", "The program spends a year to keep a member")
    }
    var acquisitionCostRow: String { t("Привлечь нового клиента (правило ×5)", "Winning a new customer (the ×5 rule)") }
    var replacementRow: String { t("Привлечь столько же новых клиентов", "Winning as many new customers") }
    var withdrawalNPVRow: String { t("NPV при отмене", "NPV if withdrawn") }
    var withdrawalCostRow: String {
        t("Потеря маржи из-за ушедших при отмене", "Margin lost with the members who leave")
    }
    var customersLostRow: String { t("Уйдут при отмене", "Leave at the withdrawal") }
    var leakBySegmentTitle: String {
        t(
            "Кому достаются вознаграждения за покупки, которые были бы и так",
            "Who gets rewards for purchases they would have made anyway")
    }
    var segmentColumnName: String { t("Сегмент", "Segment") }
    var meanColumn: String { t("В среднем", "Mean") }
    var liabilityTitle: String { t("Обязательства по баллам", "Points liability") }
    var liabilityNote: String {
        t(
            "Ожидаемая стоимость начисленных, но ещё не списанных баллов (за вычетом тех, что сгорят).",
            "The expected cost of points earned and not yet redeemed (less those that will expire)."
        )
    }
    var pointsSettledNote: String {
        t(
            "Баллы, не списанные к концу горизонта, считаются оплаченными в последний месяц: обязательство остаётся за вами.",
            "Points still owed at the end of the horizon are counted as paid in its last month: the liability stays yours."
        )
    }
    var baselineSection: String { t("На чём основан прогноз", "What the forecast stands on") }
    var baselineNote: String {
        t(
            "Покупки и отток по сегментам — из моделей BG/NBD на вашей истории; средний чек — за последние 12 месяцев; цена опоздания — из сравнения похожих клиентов. Новые клиенты в прогноз не входят.",
            "Purchases and churn per segment come from the BG/NBD models fitted on your history; the average order from the last 12 months; what a late promise costs from matching similar customers. New customers are left out."
        )
    }
    var activeColumn: String { t("Активных", "Active") }
    var purchasesColumn: String { t("Покупок в месяц на клиента", "Purchases a month per customer") }
    var churnColumn: String { t("Уходят за месяц", "Leave a month") }
    var orderColumn: String { t("Средний чек", "Average order") }
    var monthColumn: String { t("Месяц", "Month") }
    var quantilesColumns: [String] { ["P10", "P50", "P90"] }

    /// A share of runs that never reads 0 % or 100 % unless it is exactly that.
    func probability(_ p: Double) -> String {
        if p > 0.995 && p < 1 { return t("более 99\u{00A0}%", "over 99\u{00A0}%") }
        if p > 0 && p < 0.005 { return t("менее 1\u{00A0}%", "under 1\u{00A0}%") }
        return percent(p)
    }

    /// "in 78 % of 10,000 runs", "in every one of 10,000 runs", "in none of 10,000 runs".
    func lossIn(_ p: Double, of n: Int) -> String {
        if p >= 1 { return t("в каждом из \(ofRuns(n))", "in every one of \(ofRuns(n))") }
        if p <= 0 { return t("ни в одном из \(ofRuns(n))", "in none of \(ofRuns(n))") }
        return t("в \(probability(p)) из \(ofRuns(n))", "in \(probability(p)) of \(ofRuns(n))")
    }

    func runs(_ n: Int) -> String { count(n, ru: "прогон", "прогона", "прогонов", en: "run", "runs") }
    func months(_ n: Int) -> String { count(n, ru: "месяц", "месяца", "месяцев", en: "month", "months") }
    /// After "из" (of): the genitive, "из 10 001 прогона", "из 10 000 прогонов".
    func ofRuns(_ n: Int) -> String { count(n, ru: "прогона", "прогонов", "прогонов", en: "run", "runs") }
    /// After "около" (about): the genitive, "около 21 клиента", "около 53 клиентов".
    func aboutCustomers(_ n: Int) -> String {
        count(n, ru: "клиента", "клиентов", "клиентов", en: "customer", "customers")
    }

    /// The plain-language verdict: what the program comes to, what leaks, what it needs to pay
    /// for itself, what withdrawing it costs, and how the service alternative compares.
    func forecastVerdict(_ r: ForecastResult, _ s: ProgramScenario, money: (Double) -> String) -> [String] {
        var out: [String] = []
        let kind = kindName(s.kind)
        let span = months(r.horizonMonths)
        let range = t(
            "NPV: медиана \(money(r.program.npv.p50)), от \(money(r.program.npv.p10)) до \(money(r.program.npv.p90)) (P10–P90)",
            "NPV: median \(money(r.program.npv.p50)), \(money(r.program.npv.p10)) to \(money(r.program.npv.p90)) (P10–P90)"
        )
        let loss = lossIn(r.program.probabilityOfLoss, of: r.runs)
        switch r.verdict {
        case .pays:
            out.append(
                t(
                    "Программа «\(kind)» за \(span) скорее всего окупится: убыток лишь \(loss). \(range).",
                    "The \(kind) program pays for itself over \(span) in all likelihood: a loss \(loss). \(range)."
                ))
        case .risky:
            out.append(
                t(
                    "Программа «\(kind)» за \(span) — риск: убыток \(loss). \(range).",
                    "The \(kind) program is a gamble over \(span): a loss \(loss). \(range)."))
        case .loses:
            out.append(
                t(
                    "Программа «\(kind)» за \(span) скорее всего убыточна: убыток \(loss). \(range).",
                    "The \(kind) program most likely loses money over \(span): a loss \(loss). \(range)."
                ))
        }
        out.append(
            t(
                "\(money(r.subsidyLeak.p50)) вознаграждений уйдёт на покупки, которые клиенты сделали бы и так.",
                "\(money(r.subsidyLeak.p50)) of rewards go to purchases customers would have made anyway."))
        switch (r.breakEven.retentionUplift, r.breakEven.frequencyUplift) {
        case (let retention?, let frequency?):
            out.append(
                t(
                    "Чтобы окупиться, программа должна сократить отток участников на \(percent(retention)) или участить их покупки на \(percent(frequency)) (при прочих вероятных значениях).",
                    "To break even it must cut members' churn by \(percent(retention)) or make them buy \(percent(frequency)) more often (other inputs at their likely values)."
                ))
        case (let retention?, nil):
            out.append(
                t(
                    "Чтобы окупиться, программа должна сократить отток участников на \(percent(retention)).",
                    "To break even it must cut members' churn by \(percent(retention))."))
        case (nil, let frequency?):
            out.append(
                t(
                    "Удержание её не окупит; окупит только рост частоты покупок на \(percent(frequency)).",
                    "No cut in churn makes it pay; only members buying \(percent(frequency)) more often would."))
        case (nil, nil):
            out.append(
                t(
                    "Никакой правдоподобный рост удержания или частоты покупок её не окупит: вознаграждение съедает маржу.",
                    "No plausible rise in retention or frequency makes it pay: the reward eats the margin."))
        }
        if let w = r.withdrawal {
            let lost = Int(w.customersLost.p50.rounded())
            out.append(
                t(
                    "Отмена после \(w.month)-го месяца: сразу уйдут около \(aboutCustomers(lost)), потеря маржи \(money(w.cost.p50)); NPV тогда \(money(w.npv.p50)).",
                    "Withdrawing it after month \(w.month): about \(aboutCustomers(lost)) leave at once, losing \(money(w.cost.p50)) of margin; the NPV is then \(money(w.npv.p50))."
                ))
        }
        if let service = r.service {
            var change: [String] = []
            if let from = service.onTimeFrom, let to = service.onTimeTo {
                change.append(
                    t("вовремя \(percent(from)) → \(percent(to))", "on time \(percent(from)) → \(percent(to))"))
            }
            if let from = service.repliesFrom, let to = service.repliesTo {
                change.append(
                    t(
                        "ответы в срок \(percent(from)) → \(percent(to))",
                        "replies in time \(percent(from)) → \(percent(to))"))
            }
            let what = change.isEmpty ? "" : " (" + change.joined(separator: ", ") + ")"
            let npv = t(
                "NPV: медиана \(money(service.outcome.npv.p50)), убыток в \(probability(service.outcome.probabilityOfLoss)) прогонов",
                "NPV: median \(money(service.outcome.npv.p50)), a loss in \(probability(service.outcome.probabilityOfLoss)) of runs"
            )
            let better = percent(service.probabilityBetter)
            switch r.comparison {
            case .serviceBetter:
                out.append(
                    t(
                        "Те же деньги на сервис\(what) выгоднее: \(npv); сервис впереди программы в \(better) прогонов.",
                        "The same money spent on service\(what) does better: \(npv); service ends ahead of the program in \(better) of runs."
                    ))
            case .programBetter:
                out.append(
                    t(
                        "Улучшение сервиса\(what) проигрывает программе: \(npv); сервис впереди лишь в \(better) прогонов.",
                        "The service improvement\(what) does worse than the program: \(npv); service ends ahead in only \(better) of runs."
                    ))
            case .unclear, nil:
                out.append(
                    t(
                        "Улучшение сервиса\(what): \(npv); какой вариант лучше, сказать нельзя — сервис впереди в \(better) прогонов.",
                        "The service improvement\(what): \(npv); neither is clearly better — service ends ahead in \(better) of runs."
                    ))
            }
        } else if let gap = r.serviceGap {
            out.append(serviceGap(gap))
        }
        return out
    }

    func serviceGap(_ gap: ForecastResult.ServiceGap) -> String {
        switch gap {
        case .noOnTimeData:
            t(
                "Сервис не с чем сравнить: за 90 дней нет выполненных обещаний и доставок.",
                "Service cannot be compared: no promises or deliveries were decided in the last 90 days.")
        case .noPromiseEffect:
            t(
                "Сколько стоит нарушенное обещание, пока оценить нельзя: слишком мало клиентов с нарушенным обещанием.",
                "What a broken promise costs cannot be estimated yet: too few customers had one.")
        case .noReplyData:
            t(
                "Сервис не с чем сравнить: за 90 дней не было ответов на обращения.",
                "Service cannot be compared: no contacts were answered in the last 90 days.")
        case .noReplyEffect:
            t(
                "Сколько стоит поздний ответ, пока оценить нельзя: слишком мало клиентов с поздним ответом.",
                "What a late reply costs cannot be estimated yet: too few customers had one.")
        }
    }
}
