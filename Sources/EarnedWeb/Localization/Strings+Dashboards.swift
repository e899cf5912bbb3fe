import EarnedAnalytics
import EarnedDomain
import EarnedServices
import Foundation

/// The words of the scorecard, consistency and loyalty pages.
extension Strings {
    // MARK: Common

    var scorecardTitle: String { t("Показатели", "Scorecard") }
    var consistencyTitle: String { t("Стабильность", "Consistency") }
    var loyaltyTitle: String { t("Лояльность", "Loyalty") }
    var noScoresYet: String {
        t(
            "Цифры появятся после первого расчёта: он идёт сам в течение 5 минут после запуска (или командой earned score).",
            "The figures appear after the first scoring run: it starts by itself within 5 minutes of starting Earned (or run earned score)."
        )
    }
    func computedWhen(_ relative: String) -> String { t("посчитано \(relative)", "computed \(relative)") }
    var downloadCSV: String { t("Скачать CSV", "Download CSV") }
    var showNumbers: String { t("Цифры таблицей", "The numbers as a table") }
    var allFiguresAsTable: String { t("Все показатели таблицей", "All figures as a table") }
    var show: String { t("Показать", "Show") }
    var previousPage: String { t("← Назад", "← Previous") }
    func pageOf(_ page: Int, _ pages: Int) -> String {
        t("страница \(page) из \(pages)", "page \(page) of \(pages)")
    }
    func percent(_ x: Double) -> String {
        guard x.isFinite else { return "–" }
        return "\(Int((x * 100).rounded()))\u{00A0}%"
    }
    func decimal(_ x: Double, digits: Int = 2) -> String {
        guard x.isFinite else { return "–" }
        let text = String(format: "%.\(digits)f", x)
        return lang == .ru ? text.replacingOccurrences(of: ".", with: ",") : text
    }
    /// A signed difference in percentage points: "+3 п. п.", "−12 pp".
    func points(_ x: Double) -> String {
        let n = Int((x * 100).rounded())
        let sign = n > 0 ? "+" : n < 0 ? "−" : "±"
        return "\(sign)\(abs(n))\u{00A0}" + t("п.\u{00A0}п.", "pp")
    }
    func signed(_ x: Double, digits: Int = 2) -> String {
        (x > 0 ? "+" : x < 0 ? "−" : "±") + decimal(abs(x), digits: digits)
    }

    // MARK: Scorecard

    var wholeBusiness: String { t("Весь бизнес", "Whole business") }
    func teamLabel(_ name: String) -> String { t("Команда «\(name)»", "Team “\(name)”") }
    var whoseFigures: String { t("Чьи показатели", "Whose figures") }
    var periodLabel: String { t("Период", "Period") }
    var tenSteps: String { t("Десять шагов", "The ten steps") }
    var stepColumn: String { t("Шаг", "Step") }
    var figureColumn: String { t("Значение", "Figure") }
    var intervalColumn: String { t("95 % интервал", "95 % interval") }
    var sampleColumn: String { t("Записей", "Records") }
    var changeColumn: String { t("К прошлому периоду", "Against the previous period") }
    var trendColumn: String { t("Прошлые периоды", "Earlier periods") }
    var teamColumn: String { t("Команда", "Team") }
    var comparisonColumn: String { t("Сравнение", "Comparison") }
    var scopeColumn: String { t("Где", "Where") }
    var rankColumn: String { t("Место", "Rank") }
    var personColumn: String { t("Сотрудник", "Person") }
    var rankBy: String { t("Упорядочить по", "Rank by") }
    var notRanked: String { t("без места", "not ranked") }
    var besideTeam: String { t("Рядом с командой", "Beside the team") }
    func peopleRankedBy(_ step: String) -> String { t("Люди команды: \(step)", "The team's people: \(step)") }
    func rankingRule(_ minimum: Int) -> String {
        t(
            "Место получает только тот, у кого не меньше \(minimum) записей: на меньшей выборке разница между людьми — случайность.",
            "Only people with at least \(minimum) records get a rank: on fewer, a difference between people is chance.")
    }
    var better: String { t("лучше", "better") }
    var worse: String { t("хуже", "worse") }
    var noClearChange: String { t("без явной перемены", "no clear change") }
    var noComparison: String { t("сравнить не с чем", "nothing to compare with") }
    var seeMissedRecords: String { t("Что не получилось →", "What was missed →") }
    var seeRecords: String { t("Записи →", "The records →") }
    func trendTitle(_ step: String) -> String { t("\(step): прошлые периоды", "\(step): earlier periods") }
    var serviceAndReliability: String {
        t("Хороший сервис + надёжность = потенциальная лояльность", "Good service + reliability = potential loyalty")
    }
    var notEnoughDataForPicture: String {
        t(
            "Для картинки нужны оценки клиентов и сроки — пока данных мало.",
            "The picture needs both satisfaction answers and on-time records; there is not enough data yet.")
    }
    var quadrantCaptions: [String] {
        [
            t("нравится, но подводим", "liked, but unreliable"),
            t("нравится и надёжно: потенциальная лояльность", "liked and reliable: potential loyalty"),
            t("ни то ни другое", "neither"),
            t("надёжно, но не нравится", "reliable, not liked"),
        ]
    }
    func serviceReliabilitySummary(
        quality: ScorecardFigure.Estimate?, reliability: ScorecardFigure.Estimate?
    ) -> String {
        guard let q = quality, let r = reliability else {
            return t(
                "Пока мало данных, чтобы сказать, хорош ли сервис и надёжен ли он.",
                "Not enough data yet to say whether the service is good and reliable.")
        }
        let both = q.value >= 0.8 && r.value >= 0.9
        return t(
            "Довольны \(percent(q.value)) клиентов (оценка 4–5), вовремя — \(percent(r.value)) обещаний и доставок. "
                + (both
                    ? "Это основа лояльности: клиенты получают хорошее и одинаковое обслуживание."
                    : "Лояльность растёт, когда оба числа высоки; ниже видно, где слабее."),
            "\(percent(q.value)) of customers are satisfied (4–5) and \(percent(r.value)) of promises and deliveries are on time. "
                + (both
                    ? "That is the ground loyalty grows on: good service, the same every time."
                    : "Loyalty grows when both are high; the picture shows where either is weaker."))
    }

    func stepName(_ step: ScorecardStep) -> String {
        switch step {
        case .qualityService: t("Качественный сервис", "Quality service")
        case .keepPromises: t("Делайте, что обещали", "Do what you promised")
        case .neverLate: t("Никогда не опаздывайте", "Never be late")
        case .takeResponsibility: t("Берите ответственность", "Take responsibility")
        case .solveProblems: t("Решайте проблемы клиента", "Solve their problems")
        case .callFirst: t("Звоните первыми", "Call first")
        case .trustThem: t("Доверяйте клиентам", "Trust them")
        case .beReachable: t("Будьте на связи", "Be reachable")
        case .answerFast: t("Отвечайте быстро", "Answer fast")
        case .buildTrust: t("Стройте доверие", "Build trust")
        }
    }

    func stepMeasure(_ step: ScorecardStep) -> String {
        switch step {
        case .qualityService: t("Доля оценок 4–5 из 5", "Share of satisfaction answers of 4–5")
        case .keepPromises: t("Обещания не нарушены, из решённых", "Promises not broken, of those decided")
        case .neverLate: t("Обещания и доставки в срок", "Promises and deliveries on time")
        case .takeResponsibility:
            t("Обращения, закрытые тем, кто их принял", "Cases closed by the person who took them")
        case .solveProblems: t("Клиент подтвердил, что решено", "Cases the customer confirmed fixed")
        case .callFirst: t("Клиенту сообщили раньше, чем он сам узнал", "Customers told before they found out")
        case .trustThem: t("Претензии приняты на слово клиента", "Claims accepted on the customer's word")
        case .beReachable: t("Входящие, на которые ответили", "Inbound contacts answered")
        case .answerFast: t("Первый ответ в пределах срока", "First replies within the target")
        case .buildTrust:
            t(
                "Индекс одинаковости сроков по сменам и точкам (1 — везде одинаково)",
                "How alike on-time service is across shifts and locations (1 = the same everywhere)")
        }
    }

    func value(_ x: Double, kind: ScorecardFigure.Kind) -> String {
        kind == .share ? percent(x) : decimal(x)
    }
    func figureValue(_ f: ScorecardFigure) -> String {
        f.estimate.map { value($0.value, kind: f.kind) } ?? notEnoughData
    }
    func figureInterval(_ f: ScorecardFigure) -> String {
        guard let e = f.estimate else { return "–" }
        return value(e.lower, kind: f.kind) + " – " + value(e.upper, kind: f.kind)
    }
    func sampleText(_ f: ScorecardFigure) -> String {
        let n = "n\u{00A0}=\u{00A0}" + Format.integer(f.sampleSize, lang)
        if f.hasEnoughData { return n }
        return n + t(", нужно от \(f.minimumSample)", ", needs \(f.minimumSample)")
    }
    func figureWithSample(_ f: ScorecardFigure) -> String {
        f.hasEnoughData
            ? figureValue(f) + " (" + figureInterval(f) + "; n\u{00A0}=\u{00A0}" + Format.integer(f.sampleSize, lang)
                + ")"
            : notEnoughData + " (n\u{00A0}=\u{00A0}" + Format.integer(f.sampleSize, lang) + ")"
    }
    func changeText(_ f: ScorecardFigure) -> String {
        guard let c = f.change else { return "–" }
        return withRange(f.kind == .share ? points : { signed($0) }, c.value, c.lower, c.upper)
    }
    /// "value (lower … upper)", each written by `format`.
    func withRange(_ format: (Double) -> String, _ value: Double, _ lower: Double, _ upper: Double) -> String {
        format(value) + " (" + format(lower) + " … " + format(upper) + ")"
    }
    func comparedWithTeam(_ f: ScorecardFigure, _ team: ScorecardFigure?) -> String {
        switch team.flatMap(f.compared) {
        case nil: t("сравнить нельзя: мало данных", "cannot compare: not enough data")
        case .above: t("выше команды", "above the team")
        case .below: t("ниже команды", "below the team")
        case .alike:
            t("как у команды (разница в пределах случайности)", "like the team (the difference is within chance)")
        }
    }

    /// The figures that go with the main one (CSAT mean, time to fix, reply times).
    func detailLines(_ f: ScorecardFigure) -> [String] {
        var out: [String] = []
        let d = f.details
        if let m = d["csat_mean"], let lo = d["csat_mean_lower"], let hi = d["csat_mean_upper"] {
            out.append(
                t("Средняя оценка ", "Mean score ") + decimal(m) + " (" + decimal(lo) + " – " + decimal(hi) + ")")
        }
        if let m = d["fix_hours_median"], let lo = d["fix_hours_median_lower"], let hi = d["fix_hours_median_upper"] {
            out.append(
                t("Медиана решения ", "Median time to fix ") + Format.duration(m * 3600, lang) + " ("
                    + Format.duration(lo * 3600, lang) + " – " + Format.duration(hi * 3600, lang) + ")")
        }
        if let m = d["first_reply_median_seconds"] {
            out.append(t("Медиана первого ответа ", "Median first reply ") + Format.duration(m, lang))
        }
        if let p = d["first_reply_p90_seconds"] {
            out.append(t("90 % ответов быстрее ", "90 % of replies within ") + Format.duration(p, lang))
        }
        if let slots = d["slots"], f.kind == .index {
            out.append(
                count(
                    Int(slots), ru: "смена учтена", "смены учтены", "смен учтено", en: "slot counted", "slots counted"))
        }
        return out
    }

    // MARK: Records behind a figure

    func recordsOf(_ step: String) -> String { t("\(step): записи", "\(step): the records") }
    var whenColumn: String { t("Когда", "When") }
    var whatColumn: String { t("Что", "What") }
    var customerColumn: String { t("Клиент", "Customer") }
    var resultColumn: String { t("Итог", "Result") }
    var measuredColumn: String { t("Измерено", "Measured") }
    var noRecordsHere: String { t("Здесь нет записей.", "No records here.") }
    func resultFilter(_ key: String) -> String {
        switch key {
        case "missed": t("Не получилось", "Missed")
        case "met": t("Получилось", "Met")
        default: t("Все", "All")
        }
    }
    func recordKind(_ kind: String?) -> String {
        switch kind {
        case "promise": t("Обещание", "Promise")
        case "order": t("Доставка", "Delivery")
        case "contact": t("Обращение", "Contact")
        case "case": t("Дело", "Case")
        case "answer": t("Ответ на опрос", "Survey answer")
        case "customer": t("Затронутый клиент", "Affected customer")
        default: none
        }
    }
    func recordResult(_ step: ScorecardStep, success: Bool) -> String {
        switch step {
        case .qualityService: success ? t("доволен", "satisfied") : t("не доволен", "not satisfied")
        case .keepPromises: success ? t("выполнено", "kept") : t("нарушено", "broken")
        case .neverLate, .buildTrust: success ? t("в срок", "on time") : t("опоздание", "late")
        case .takeResponsibility: success ? t("закрыл сам", "closed by its owner") : t("передано", "handed on")
        case .solveProblems: success ? t("подтверждено", "confirmed") : t("не подтверждено", "not confirmed")
        case .callFirst: success ? t("сообщили первыми", "told first") : t("узнал сам", "found out first")
        case .trustThem: success ? t("на слово", "on their word") : t("с проверкой", "escalated")
        case .beReachable: success ? t("ответили", "answered") : t("без ответа", "unanswered")
        case .answerFast: success ? t("в срок", "within target") : t("поздно", "late")
        }
    }
    func measured(_ step: ScorecardStep, _ value: Double) -> String {
        switch step {
        case .qualityService: t("оценка \(Int(value))", "score \(Int(value))")
        case .solveProblems, .answerFast: Format.duration(value, lang)
        default: decimal(value)
        }
    }
    func recordsSummary(_ step: ScorecardStep, total: Int, successes: Int, figure: ScorecardFigure) -> String {
        let all = count(total, ru: "запись", "записи", "записей", en: "record", "records")
        let met = Format.integer(successes, lang)
        let missed = Format.integer(total - successes, lang)
        return t(
            "За период \(all): получилось \(met), не получилось \(missed). Показатель: \(figureValue(figure)).",
            "In the period, \(all): \(met) met, \(missed) missed. The figure: \(figureValue(figure)).")
    }

    // MARK: Consistency

    var consistencyWindow: String { t("За", "Over") }
    var weakestSlots: String { t("Самые слабые места", "The weakest slots") }
    func noWeakSlots(_ tests: Int) -> String {
        t(
            "Ни одно место не хуже остальных сверх случайности (проверено сравнений: \(Format.integer(tests, lang))).",
            "No slot is worse than the rest beyond chance (\(Format.integer(tests, lang)) comparisons tested).")
    }
    func weakSlotsRule(_ tests: Int, _ rate: Double) -> String {
        t(
            "Места, которые хуже остальных не случайно: проверено \(Format.integer(tests, lang)) сравнений, доля ложных находок не выше \(percent(rate)).",
            "Slots worse than the rest beyond chance: \(Format.integer(tests, lang)) comparisons tested, at most \(percent(rate)) false findings expected."
        )
    }
    var measureColumn: String { t("Показатель", "Measure") }
    var slotColumn: String { t("Где и когда", "Slot") }
    var slotValueColumn: String { t("Значение", "Value") }
    var restValueColumn: String { t("У остальных", "The rest") }
    var gapColumn: String { t("Разница (95 %)", "Gap (95 %)") }
    var qValueColumn: String { t("q-значение", "q-value") }
    var dimensionColumn: String { t("Разрез", "Cut by") }
    var indexColumn: String { t("Индекс", "Index") }
    var slotsCountedColumn: String { t("Учтено мест", "Slots counted") }
    var flagColumn: String { t("Отмечено", "Flagged") }
    var flaggedWord: String { t("! хуже остальных", "! worse than the rest") }
    var weekColumn: String { t("Неделя с", "Week from") }
    var ewmaColumn: String { t("Сглаженное (EWMA)", "Smoothed (EWMA)") }
    var lowerLimitColumn: String { t("Нижняя граница", "Lower limit") }
    var upperLimitColumn: String { t("Верхняя граница", "Upper limit") }
    var signalColumn: String { t("Сигнал", "Signal") }
    var unknownLocation: String { t("неизвестная точка", "an unknown location") }
    var someoneNoLongerListed: String { t("сотрудник не в списке", "someone no longer listed") }
    var notEnoughWeeks: String {
        t("Мало недель с данными для контрольной карты.", "Not enough weeks with records for a control chart.")
    }
    var indexExplained: String {
        t(
            "1 — одинаково везде; чем ниже, тем сильнее разнятся места. Места с малым числом записей не учтены.",
            "1 means the same everywhere; the lower, the more slots differ. Slots with few records are left out.")
    }
    var heatmapLegend: (String, String) { (t("хуже", "worse"), t("лучше", "better")) }

    func measureName(_ m: ServiceRecord.Measure) -> String {
        switch m {
        case .deliveryOnTime: t("Доставки в срок", "Deliveries on time")
        case .promiseOnTime: t("Обещания в срок", "Promises on time")
        case .firstReplyInTarget: t("Первый ответ в срок", "First replies within target")
        case .csat: t("Оценка обслуживания", "Satisfaction score")
        case .surveyResponse: t("Ответы на опросы", "Surveys answered")
        case .fastEnough: t("«Ответили достаточно быстро»", "“Replied fast enough”")
        }
    }
    func measureValue(_ m: ServiceRecord.Measure, _ x: Double) -> String {
        m == .csat ? decimal(x) : percent(x)
    }
    func measureShort(_ m: ServiceRecord.Measure, _ x: Double) -> String {
        m == .csat ? decimal(x, digits: 1) : "\(Int((x * 100).rounded()))"
    }
    /// A gap in the measure's units: score points for CSAT, percentage points for shares.
    func gapValue(_ m: ServiceRecord.Measure, _ x: Double) -> String { m == .csat ? signed(x) : points(x) }
    func gapText(_ m: ServiceRecord.Measure, _ gap: IntervalEstimate) -> String {
        withRange({ gapValue(m, $0) }, gap.estimate, gap.lower, gap.upper)
    }
    func dimensionName(_ d: ServiceRecord.Dimension) -> String {
        switch d {
        case .shift: t("Смена × точка", "Shift × location")
        case .location: t("Точка", "Location")
        case .person: t("Сотрудник", "Person")
        case .weekdayHour: t("День недели × час", "Weekday × hour")
        case .dayPart: t("Часть рабочего дня", "Part of the working day")
        case .specialDay: t("Особые дни", "Special days")
        }
    }
    func shiftAt(_ shift: String, _ location: String) -> String {
        t("смена «\(shift)» в точке «\(location)»", "the “\(shift)” shift at \(location)")
    }
    func weekdayShort(_ wd: Int) -> String {
        let ru = ["пн", "вт", "ср", "чт", "пт", "сб", "вс"]
        let en = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        guard (1...7).contains(wd) else { return "?" }
        return t(ru[wd - 1], en[wd - 1])
    }
    func weekdayHour(_ wd: Int, _ h: Int) -> String {
        let ru = ["понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье"]
        let en = ["Mondays", "Tuesdays", "Wednesdays", "Thursdays", "Fridays", "Saturdays", "Sundays"]
        guard (1...7).contains(wd) else { return "?" }
        return t("\(ru[wd - 1]), \(h):00–\(h + 1):00", "\(en[wd - 1]) \(h):00–\(h + 1):00")
    }
    func dayPart(_ part: String) -> String {
        switch part {
        case "first_hour": t("первый час после открытия", "the first hour after opening")
        case "last_hour": t("последний час перед закрытием", "the last hour before closing")
        case "middle": t("середина рабочего дня", "the middle of the working day")
        case "closed": t("нерабочее время", "outside opening hours")
        default: part
        }
    }
    func specialDayKind(_ kind: String) -> String {
        switch kind {
        case "inventory": t("дни инвентаризации", "inventory days")
        case "holiday": t("праздники", "holidays")
        case "ordinary": t("обычные дни", "ordinary days")
        case "short": t("сокращённые дни", "short days")
        default: kind
        }
    }
    /// A flagged slot in one sentence, e.g. "The evening shift at Kazan: 71 % of deliveries on
    /// time against 93 % elsewhere (−22 pp, 95 %: −27 … −17 pp; 640 records)."
    func flagSentence(
        _ m: ServiceRecord.Measure, slot: String, slotMean: Double, restMean: Double, gap: IntervalEstimate,
        count n: Int
    ) -> String {
        let a = measureValue(m, slotMean)
        let b = measureValue(m, restMean)
        let what: String =
            switch m {
            case .deliveryOnTime: t("доставок в срок", "of deliveries on time")
            case .promiseOnTime: t("обещаний выполнено в срок", "of promises kept on time")
            case .firstReplyInTarget: t("первых ответов в срок", "of first replies within target")
            case .csat: t("средняя оценка", "mean satisfaction score")
            case .surveyResponse: t("опросов с ответом", "of surveys answered")
            case .fastEnough: t("клиентов считают, что ответили быстро", "of customers found the reply fast enough")
            }
        let records = count(n, ru: "запись", "записи", "записей", en: "record", "records")
        let interval =
            gapValue(m, gap.estimate) + ", 95 %: " + gapValue(m, gap.lower) + " … " + gapValue(m, gap.upper)
        let head = slot.prefix(1).uppercased() + slot.dropFirst()
        if m == .csat {
            return t(
                "\(head): \(what) \(a) против \(b) у остальных (\(interval); \(records)).",
                "\(head): \(what) \(a) against \(b) elsewhere (\(interval); \(records)).")
        }
        return t(
            "\(head): \(a) \(what) против \(b) у остальных (\(interval); \(records)).",
            "\(head): \(a) \(what) against \(b) elsewhere (\(interval); \(records)).")
    }
    func byWeekdayHour(_ measure: String) -> String {
        t("\(measure) по дням и часам", "\(measure) by weekday and hour")
    }
    func byShiftLocation(_ measure: String) -> String {
        t("\(measure) по сменам и точкам", "\(measure) by shift and location")
    }
    func heatmapDescription(_ measure: String) -> String {
        t(
            "\(measure): чем темнее клетка, тем хуже; «!» — место хуже остальных не случайно; пустая клетка — мало записей.",
            "\(measure): the darker the cell, the worse; “!” marks a slot worse than the rest beyond chance; an empty cell has too few records."
        )
    }
    func consistencyIndexTitle(_ measure: String) -> String {
        t("\(measure): индекс стабильности", "\(measure): consistency index")
    }
    func slotTableTitle(_ measure: String, _ dimension: String) -> String { "\(measure): \(dimension)" }
    func weeklyChartTitle(_ measure: String) -> String { t("\(measure) по неделям", "\(measure) week by week") }
    func signalWord(_ up: Bool, measure: ServiceRecord.Measure) -> String {
        up ? t("▲ скачок вверх", "▲ jump up") : t("▼ скачок вниз", "▼ jump down")
    }
    func controlChartSummary(_ ewma: Int, cusum: Int) -> String {
        if ewma == 0 && cusum == 0 {
            return t(
                "За год неделя к неделе без скачков: все недели в пределах контрольных границ.",
                "Steady week to week over the year: every week within the control limits.")
        }
        let e = count(ewma, ru: "неделя", "недели", "недель", en: "week", "weeks")
        let c = count(cusum, ru: "сигнал", "сигнала", "сигналов", en: "signal", "signals")
        return t(
            "Есть скачки: за границами \(e) (EWMA), накопленный сдвиг — \(c) (CUSUM).",
            "There are jumps: \(e) outside the limits (EWMA) and \(c) of a lasting shift (CUSUM).")
    }

    // MARK: Loyalty

    func segmentName(_ key: String) -> String {
        switch key {
        case "true_loyalty": t("Истинная лояльность", "True loyalty")
        case "latent_loyalty": t("Скрытая лояльность", "Latent loyalty")
        case "spurious_loyalty": t("Ложная лояльность", "Spurious loyalty")
        case "no_loyalty": t("Нет лояльности", "No loyalty")
        case "unknown": t("Пока неизвестно", "Not known yet")
        case "new": t("Новые клиенты", "New customers")
        default: key
        }
    }
    func segmentExplained(_ key: String) -> String {
        switch key {
        case "true_loyalty": t("Любят нас и покупают снова.", "They like us and keep buying.")
        case "latent_loyalty": t("Любят нас, но покупают редко.", "They like us but rarely buy.")
        case "spurious_loyalty":
            t(
                "Покупают часто, но по скидке или по привычке, а не потому что любят.",
                "They buy often, but on discount or out of habit, not because they like us.")
        case "no_loyalty": t("Не любят и не покупают.", "Neither like us nor buy.")
        default: t("Нет ни ответов, ни истории, чтобы судить.", "Neither answers nor history to judge by.")
        }
    }
    var segmentColumn: String { t("Сегмент", "Segment") }
    var customersColumn: String { t("Клиентов", "Customers") }
    var shareColumn: String { t("Доля", "Share") }
    var reasonColumn: String { t("Почему", "Why") }
    var nextActionColumn: String { t("Что сделать", "Next action") }
    var pAliveColumn: String { t("Ещё покупает (вероятность)", "Still buying (probability)") }
    var lifetimeValueColumn: String { t("Ценность на год", "Value over a year") }
    var segmentSizes: String { t("Сегменты клиентов", "Customer segments") }
    func customersScored(_ n: Int) -> String {
        count(n, ru: "клиент оценён", "клиента оценено", "клиентов оценено", en: "customer scored", "customers scored")
    }
    func segmentsSummary(_ counts: [String: Int], total: Int) -> String {
        let trueN = counts["true_loyalty"] ?? 0
        let spurious = counts["spurious_loyalty"] ?? 0
        guard total > 0 else { return t("Клиентов пока нет.", "No customers yet.") }
        return t(
            "Истинно лояльны \(percent(Double(trueN) / Double(total))), ложно лояльны (покупают по скидке или привычке) \(percent(Double(spurious) / Double(total))).",
            "\(percent(Double(trueN) / Double(total))) are truly loyal; \(percent(Double(spurious) / Double(total))) are spuriously loyal (buying on discount or habit)."
        )
    }
    func segmentCustomers(_ segment: String) -> String { t("Клиенты: \(segment)", "Customers: \(segment)") }
    var noCustomersInSegment: String { t("В этом сегменте никого.", "Nobody in this segment.") }
    var boughtLoyaltyTitle: String { t("Купленная лояльность", "Bought loyalty") }
    func boughtLoyaltyText(_ w: WilsonInterval?, discounted: Int, of total: Int) -> String {
        guard let w, total >= 30 else {
            return t(
                "Повторных покупок пока мало (\(Format.integer(total, lang))), чтобы судить.",
                "Too few repeat purchases so far (\(Format.integer(total, lang))) to judge.")
        }
        return t(
            "\(percent(w.estimate)) повторных покупок сделаны со скидкой (\(percent(w.lower)) – \(percent(w.upper)); \(Format.integer(discounted, lang)) из \(Format.integer(total, lang))). Это лояльность, купленная скидкой, а не заслуженная сервисом.",
            "\(percent(w.estimate)) of repeat purchases were made with a discount (\(percent(w.lower)) – \(percent(w.upper)); \(Format.integer(discounted, lang)) of \(Format.integer(total, lang))). That loyalty is bought with discounts, not earned with service."
        )
    }
    func movementTitle(_ since: String) -> String {
        t("Движение между сегментами с \(since)", "Movement between segments since \(since)")
    }
    var thenNow: String { t("Тогда \\ сейчас", "Then \\ now") }
    func movementSummary(_ m: LoyaltySummary.Movement) -> String {
        var moved = 0
        var total = 0
        var intoTrue = 0
        var outOfTrue = 0
        let trueColumn = m.columns.firstIndex(of: "true_loyalty") ?? 0
        for (r, row) in m.counts.enumerated() {
            for (c, n) in row.enumerated() {
                total += n
                let same = r < m.columns.count && r == c
                if !same { moved += n }
                if c == trueColumn && r != trueColumn { intoTrue += n }
                if r == trueColumn && c != trueColumn { outOfTrue += n }
            }
        }
        return t(
            "Сменили сегмент \(count(moved, ru: "клиент", "клиента", "клиентов", en: "customer", "customers")) из \(Format.integer(total, lang)); в истинную лояльность пришли \(Format.integer(intoTrue, lang)), ушли из неё \(Format.integer(outOfTrue, lang)).",
            "\(count(moved, ru: "клиент", "клиента", "клиентов", en: "customer", "customers")) of \(Format.integer(total, lang)) changed segment; \(Format.integer(intoTrue, lang)) became truly loyal and \(Format.integer(outOfTrue, lang)) left true loyalty."
        )
    }
    var lifetimeValueSpread: String { t("Ценность клиентов на год вперёд", "Customer value over the coming year") }
    func lifetimeValueSummary(customers: Int, median: String, mean: String) -> String {
        t(
            "У половины из \(Format.integer(customers, lang)) клиентов ценность до \(median); в среднем \(mean) — среднее тянут вверх немногие крупные клиенты.",
            "Half of \(Format.integer(customers, lang)) customers are worth up to \(median); the mean is \(mean), pulled up by a few large customers."
        )
    }
    var fromColumn: String { t("От", "From") }
    var toColumn: String { t("До", "To") }
    var atRiskTitle: String { t("Под угрозой ухода", "At risk") }
    func atRiskSummary(_ n: Int) -> String {
        t(
            "Под угрозой \(count(n, ru: "клиент", "клиента", "клиентов", en: "customer", "customers")): перестают покупать или недовольны. Ниже самые ценные — позвоните им лично.",
            "\(count(n, ru: "клиент", "клиента", "клиентов", en: "customer", "customers")) at risk: lapsing or unhappy. The most valuable are below — call them personally."
        )
    }
    var referralCircle: String { t("Круг рекомендаций", "The referral circle") }
    var topReferrers: String { t("Кто приводит клиентов", "Who brings customers") }
    var referredColumn: String { t("Привёл", "Referred") }
    var referredValueColumn: String { t("Ценность приведённых", "Value of those referred") }
    var noReferralsYet: String {
        t(
            "Рекомендаций пока нет — отмечайте их на странице клиента.",
            "No referrals yet — record them on a customer's page.")
    }
    func referralSummary(_ r: LoyaltySummary.ReferralFigures, money: (Int64) -> String) -> String {
        var text = t(
            "\(count(r.referrers, ru: "клиент привёл", "клиента привели", "клиентов привели", en: "customer referred", "customers referred")) \(count(r.referred, ru: "нового", "новых", "новых", en: "new one", "new ones")).",
            "\(count(r.referrers, ru: "клиент привёл", "клиента привели", "клиентов привели", en: "customer referred", "customers referred")) \(count(r.referred, ru: "нового", "новых", "новых", en: "new one", "new ones"))."
        )
        if r.satisfied >= 30 {
            let share = Double(r.satisfiedWhoReferred) / Double(r.satisfied)
            text +=
                " "
                + t(
                    "Из довольных клиентов рекомендуют \(percent(share)) (\(Format.integer(r.satisfiedWhoReferred, lang)) из \(Format.integer(r.satisfied, lang))).",
                    "\(percent(share)) of satisfied customers refer others (\(Format.integer(r.satisfiedWhoReferred, lang)) of \(Format.integer(r.satisfied, lang)))."
                )
        }
        if let a = r.referredValue, let b = r.otherValue {
            text +=
                " "
                + t(
                    "Приведённый клиент стоит в среднем \(money(Int64(a.estimate.rounded()))) (\(money(Int64(a.lower.rounded()))) – \(money(Int64(a.upper.rounded())))) против \(money(Int64(b.estimate.rounded()))) у остальных.",
                    "A referred customer is worth \(money(Int64(a.estimate.rounded()))) on average (\(money(Int64(a.lower.rounded()))) – \(money(Int64(a.upper.rounded())))) against \(money(Int64(b.estimate.rounded()))) for the rest."
                )
        } else {
            text +=
                " "
                + t(
                    "Для сравнения ценности приведённых клиентов пока мало данных.",
                    "Not enough data yet to compare what referred customers are worth.")
        }
        return text
    }

    func attitudeText(_ a: AttitudeSignal) -> String {
        switch a {
        case .promoter(let n): t("готов рекомендовать (\(n) из 10)", "would recommend (\(n) of 10)")
        case .detractor(let n): t("не стал бы рекомендовать (\(n) из 10)", "would not recommend (\(n) of 10)")
        case .satisfied(let n): t("доволен (\(n) из 5)", "satisfied (\(n) of 5)")
        case .dissatisfied(let n): t("недоволен (\(n) из 5)", "dissatisfied (\(n) of 5)")
        case .buysHere: t("покупает в основном у нас", "buys mostly here")
        case .buysElsewhere: t("покупает и в других местах", "buys elsewhere too")
        case .referred(let n):
            t(
                "привёл \(count(n, ru: "клиента", "клиентов", "клиентов", en: "customer", "customers"))",
                "referred \(count(n, ru: "клиента", "клиентов", "клиентов", en: "customer", "customers"))")
        }
    }
    func shortfallText(_ p: PatronageShortfall) -> String {
        switch p {
        case .noRepeatPurchase(let n):
            t(
                "\(count(n, ru: "покупка", "покупки", "покупок", en: "purchase", "purchases")), повторных нет",
                "\(count(n, ru: "покупка", "покупки", "покупок", en: "purchase", "purchases")), no repeat")
        case .probablyLapsed(let p):
            t("похоже, перестал покупать (\(percent(p)))", "probably stopped buying (\(percent(p)))")
        case .belowBase(let e, _):
            t(
                "покупает реже обычного (\(decimal(e, digits: 1)) в год)",
                "buys less than usual (\(decimal(e, digits: 1)) a year)")
        }
    }
    func reasonText(_ r: LoyaltyReason) -> String {
        switch r {
        case .positiveAttitudeHighPatronage(let a): t("Любит и покупает: ", "Likes us and buys: ") + attitudeText(a)
        case .positiveAttitudeLowPatronage(let a, let p): attitudeText(a) + "; " + shortfallText(p)
        case .negativeAttitudeHighPatronage(let a): t("Покупает по привычке: ", "Buys out of habit: ") + attitudeText(a)
        case .negativeAttitudeLowPatronage(let a, let p): attitudeText(a) + "; " + shortfallText(p)
        case .buysMostlyOnDiscount(let share, _):
            t("\(percent(share)) покупок по скидке", "\(percent(share)) bought on discount")
        case .discountBuyerWithoutRepeat(let share, _):
            t("\(percent(share)) по скидке, повторных покупок нет", "\(percent(share)) on discount, no repeat purchase")
        case .discountBuyerButExclusiveAdvocate(let share, _, let n):
            t(
                "\(percent(share)) по скидке, но покупает только у нас и привёл \(n)",
                "\(percent(share)) on discount, but buys only here and referred \(n)")
        case .noAttitudeEvidenceHighPatronage:
            t("Покупает часто, но мнения не знаем", "Buys often; we do not know what they think")
        case .noAttitudeEvidenceLowPatronage(let p):
            t("Мнения не знаем; ", "We do not know what they think; ") + shortfallText(p)
        case .receivedPoorService(let sr): serviceText(sr)
        }
    }
    func serviceText(_ sr: ServiceReceived) -> String {
        var parts: [String] = []
        if sr.brokenPromises > 0 {
            parts.append(
                count(
                    sr.brokenPromises, ru: "нарушенное обещание", "нарушенных обещания", "нарушенных обещаний",
                    en: "broken promise", "broken promises"))
        }
        if sr.latePromises > 0 {
            parts.append(
                count(sr.latePromises, ru: "опоздание", "опоздания", "опозданий", en: "late promise", "late promises"))
        }
        if sr.lateReplies > 0 {
            parts.append(
                count(
                    sr.lateReplies, ru: "поздний ответ", "поздних ответа", "поздних ответов", en: "late reply",
                    "late replies"))
        }
        return parts.isEmpty ? t("сбоев не было", "no failures") : parts.joined(separator: ", ")
    }
    func actionText(_ a: LoyaltyAction) -> String {
        switch a {
        case .thankThem: t("Поблагодарить лично", "Thank them personally")
        case .askForReferral: t("Попросить порекомендовать нас", "Ask for a referral")
        case .inviteBackPersonally: t("Лично пригласить снова", "Invite them back personally")
        case .makeBuyingEasier: t("Упростить покупку", "Make buying easier")
        case .earnAttitudeWithoutDiscounts:
            t("Завоевать сервисом, не расширять скидки", "Win them with service; do not widen discounts")
        case .fixTheService(let sr): t("Исправить сбои: ", "Fix what went wrong: ") + serviceText(sr)
        case .callPersonallyFirst: t("Позвонить лично", "Call them personally")
        case .askForSurvey: t("Спросить мнение коротким опросом", "Ask for their view in a short survey")
        case .lowPriority: t("Не в приоритете", "Low priority")
        }
    }
}

/// The words of the customer's story.
extension Strings {
    var storyTitle: String { t("История клиента", "The customer's story") }
    var storyEmpty: String {
        t(
            "Пока ничего: здесь появятся заказы, обещания, обращения, опросы и поздравления.",
            "Nothing yet: orders, promises, contacts, surveys and greetings will appear here.")
    }
    func olderEntriesHidden(_ n: Int) -> String {
        t(
            "Ещё \(count(n, ru: "событие", "события", "событий", en: "older event", "older events")) не показано.",
            "\(count(n, ru: "событие", "события", "событий", en: "older event", "older events")) not shown.")
    }
    var storyOrder: String { t("Заказ", "Order") }
    var storyPromise: String { t("Обещание", "Promise") }
    var storyCase: String { t("Дело", "Case") }
    var storySurvey: String { t("Опрос", "Survey") }
    var storyReferral: String { t("Рекомендация", "Referral") }
    var withDiscount: String { t("со скидкой", "with a discount") }
    var deliveredOnTime: String { t("доставлено в срок", "delivered on time") }
    var deliveredLate: String { t("доставлено с опозданием", "delivered late") }
    var noReplyYet: String { t("ещё без ответа", "no reply yet") }
    func referredSomeone(_ name: String) -> String { t("привёл(а) клиента: \(name)", "referred \(name)") }
    func broughtBy(_ name: String) -> String { t("пришёл(ла) по рекомендации: \(name)", "was referred by \(name)") }
    func touchKind(_ k: TouchKind) -> String {
        switch k {
        case .greeting: t("Поздравление", "Greeting")
        case .followUp: t("Звонок после покупки", "After-sale follow-up")
        case .survey: t("Приглашение в опрос", "Survey invitation")
        case .outreach: t("Сообщение от нас", "Outreach")
        case .other: t("Контакт с нашей стороны", "Contact from us")
        }
    }
    var notScoredYet: String {
        t(
            "Клиент ещё не оценён: оценка появится после ближайшего расчёта.",
            "Not scored yet: the scores appear after the next scoring run.")
    }
    var expectedPurchasesLabel: String { t("Ожидаемо покупок за год", "Expected purchases in a year") }
    var discountShareLabel: String { t("Доля покупок со скидкой", "Share bought on discount") }
    func experienceLabel(_ step: ScorecardStep) -> String {
        switch step {
        case .keepPromises: t("Обещания ему выполнены", "Promises to them kept")
        case .neverLate: t("Сроки для него соблюдены", "On time for them")
        case .answerFast: t("Ответы ему в срок", "Replies to them on time")
        case .solveProblems: t("Его проблемы решены", "Their problems confirmed fixed")
        default: stepName(step)
        }
    }
    func experienceText(_ met: Int, of total: Int) -> String {
        t(
            "\(Format.integer(met, lang)) из \(Format.integer(total, lang))",
            "\(Format.integer(met, lang)) of \(Format.integer(total, lang))")
    }
}

/// The words inside charts.
extension Strings {
    var weeklyValue: String { t("за неделю", "weekly value") }
    var controlLimits: String { t("контрольные границы", "control limits") }
    var baselineLevel: String { t("обычный уровень", "usual level") }
    var medianWord: String { t("медиана", "median") }
    var andMore: String { t("и больше", "and more") }
    var noDataCell: String { t("мало записей", "too few records") }
}

extension Strings {
    /// A consistency index, 0–1.
    func indexValue(_ x: Double) -> String { decimal(x) }
}
