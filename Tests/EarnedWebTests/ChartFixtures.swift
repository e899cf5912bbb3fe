import Foundation

@testable import EarnedWeb

/// Realistic inputs for every chart, shared by the tests and the example renderer.
enum ChartFixtures {
    /// "71 %" from a share; writes "NaN" for non-finite input so a test would catch it being shown.
    static func percent(_ value: Double) -> String {
        value.isFinite ? "\(Int((value * 100).rounded())) %" : "NaN"
    }

    static func hours(_ value: Double) -> String {
        value.isFinite ? "\(Int(value.rounded())) h" : "NaN"
    }

    /// A small deterministic generator (LCG) so fixtures look noisy but never change.
    struct Noise {
        var state: UInt64

        mutating func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
    }

    static func sparkline(width: Double = 120) -> SparklineChart {
        let values: [Double?] = [0.78, 0.81, 0.8, nil, 0.84, 0.83, 0.86, 0.85, 0.88, nil, 0.9, 0.89]
        return SparklineChart(
            values: values, lower: values.map { $0.map { $0 - 0.06 } }, upper: values.map { $0.map { $0 + 0.05 } },
            range: 0.6...1, reference: 0.85, title: "Promises kept on time, last 12 weeks",
            summary: "From 78 % to 89 %; two weeks without enough promises.", emptyText: "Not enough data yet",
            width: width, height: width * 32 / 120)
    }

    static let russianLocations = [
        "Магазин на Большой Садовой улице", "Пункт выдачи у Центрального рынка", "Склад",
        "Интернет-магазин (доставка курьером по городу и области)", "Торговый центр «Мега»",
    ]

    static func bars(width: Double = 480) -> BarChart {
        let values = [0.91, 0.84, 0.62, 0.77, 0.88]
        let bars = zip(russianLocations, values).enumerated().map { index, pair in
            BarChart.Bar(
                label: pair.0, value: pair.1, lower: pair.1 - 0.05 - Double(index) * 0.01, upper: min(pair.1 + 0.04, 1),
                valueText: percent(pair.1), emphasis: index == 2)
        }
        return BarChart(
            bars: bars, reference: .init(value: 0.83, label: "Вся сеть 83 %"), domain: 0...1,
            axisLabel: "Обещания, выполненные в срок, % (95 % интервал)", title: "Склад выполняет обещания реже других",
            summary: "Склад 62 %, остальные точки от 77 % до 91 %; по сети 83 %.", emptyText: "Пока нет обещаний",
            width: width)
    }

    static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    static func weekHours(width: Double = 480, transposed: Bool = false) -> HeatmapChart {
        var noise = Noise(state: 7)
        let cells: [[HeatmapCell?]] = (0..<7).map { day in
            (0..<24).map { hour -> HeatmapCell? in
                guard hour >= 8 && hour <= 21 else { return nil }
                let evening = hour >= 18 ? 0.18 : 0
                let weekend = day >= 5 ? 0.08 : 0
                let share = min(0.05 + evening + weekend + noise.next() * 0.12, 1)
                let count = 5 + Int(noise.next() * 40)
                return HeatmapCell(
                    value: share, text: "\(Int((share * 100).rounded()))", count: count,
                    flagged: (day == 4 && hour == 19) || (day == 5 && hour == 20))
            }
        }
        return HeatmapChart(
            rowLabels: weekdays, columnLabels: (0..<24).map { String(format: "%02d", $0) }, cells: cells,
            higherIsBetter: false, domain: 0...0.5, format: percent, legendTitle: "Late",
            noDataText: "Closed or no orders", flaggedText: "Worse than usual", transposed: transposed,
            title: "Evening deliveries run late twice as often",
            summary: "Share of late deliveries by weekday and hour; Friday 19:00 and Saturday 20:00 flagged.",
            emptyText: "No deliveries yet", width: width)
    }

    static func staffShifts(width: Double = 480) -> HeatmapChart {
        let staff = [
            "Анна Кузнецова", "Борис", "Виктория Александровна Константинопольская", "Глеб", "Дарья",
            "Евгений", "Жанна", "Захар", "Ирина",
        ]
        var noise = Noise(state: 11)
        let cells: [[HeatmapCell?]] = staff.indices.map { row in
            (0..<3).map { column -> HeatmapCell? in
                if row == 3 && column == 2 { return nil }
                let kept = 0.6 + noise.next() * 0.4
                return HeatmapCell(
                    value: kept, text: percent(kept), count: 10 + Int(noise.next() * 30),
                    flagged: row == 6 && column == 1)
            }
        }
        return HeatmapChart(
            rowLabels: staff, columnLabels: ["Утро (8–12)", "День (12–17)", "Вечер (17–22)"], cells: cells,
            higherIsBetter: true, domain: 0.5...1, format: percent, legendTitle: "Выполнено в срок",
            noDataText: "Нет данных", flaggedText: "Хуже обычного", title: "Вечером Жанна выполняет обещания реже",
            summary: "Доля обещаний, выполненных в срок, по сотрудникам и сменам.", emptyText: "Пока нет данных",
            width: width)
    }

    static func control(width: Double = 480) -> ControlChartSVG {
        var noise = Noise(state: 3)
        let count = 26
        var raw: [Double?] = []
        var ewma: [Double?] = []
        var lower: [Double?] = []
        var upper: [Double?] = []
        var statistic = 0.12
        for week in 0..<count {
            let drift = week >= 18 ? 0.08 : 0
            let value: Double? = week == 9 ? nil : 0.06 + drift + noise.next() * 0.12
            raw.append(value)
            if let value { statistic = 0.8 * statistic + 0.2 * value }
            ewma.append(week == 9 ? nil : statistic)
            let width = 0.03 + (week % 5 == 0 ? 0.02 : 0)
            lower.append(0.12 - width)
            upper.append(0.12 + width)
        }
        let samples = (0..<count).map { week in
            ControlChartSVG.Sample(
                label: "W\(week + 1)", value: ewma[week], signal: (ewma[week] ?? 0) > (upper[week] ?? 1))
        }
        return ControlChartSVG(
            samples: samples, centre: 0.12, lower: lower, upper: upper, raw: raw, format: percent, xTitle: "Week",
            yTitle: "Late deliveries, % of orders",
            legend: .init(
                statistic: "Smoothed (EWMA)", raw: "Week's share", limits: "Usual range", centre: "Usual level",
                signal: "Out of the usual range"),
            title: "Late deliveries rose above their usual range in week 21",
            summary: "Smoothed weekly share of late deliveries against its control limits.",
            emptyText: "Not enough weeks yet", width: width)
    }

    static func histogram(width: Double = 480) -> HistogramChart {
        let counts = [3, 11, 24, 31, 22, 15, 9, 6, 3, 2, 1, 0, 1]
        let bins = counts.enumerated().map { index, count in
            HistogramChart.Bin(lower: Double(index * 2), upper: Double(index * 2 + 2), count: count)
        }
        return HistogramChart(
            bins: bins, markers: [.init(value: 7.1, label: "Median 7 h"), .init(value: 8.3, label: "Mean 8 h")],
            format: hours, xTitle: "Time to first reply, hours", yTitle: "Replies",
            title: "Most replies go out within 10 hours",
            summary: "Distribution of time to first reply; median 7 h, mean 8 h.", emptyText: "No replies yet",
            width: width)
    }

    static func quadrant(width: Double = 480, zoomed: Bool = false) -> QuadrantChart {
        let names = ["Центр", "Север", "Юг", "Склад", "Онлайн", "ТЦ «Мега»", "Вокзал", "Аэропорт"]
        var noise = Noise(state: 5)
        let dots = names.enumerated().map { index, name in
            let x = index == 7 ? 0.98 : 0.45 + noise.next() * 0.5
            let y = index == 7 ? 0.97 : 0.35 + noise.next() * 0.6
            return QuadrantChart.Dot(
                label: name, x: x, y: y, xInterval: max(x - 0.07, 0)...min(x + 0.06, 1),
                yInterval: max(y - 0.08, 0)...min(y + 0.07, 1), emphasis: index == 3)
        }
        return QuadrantChart(
            dots: dots, xThreshold: 0.8, yThreshold: 0.7,
            captions: .init(
                topLeft: "Нравится, но подводит", topRight: "Надёжно и нравится: будущая лояльность",
                bottomLeft: "Подводит и не нравится", bottomRight: "Надёжно, но без тепла"),
            xDomain: zoomed ? 0.4...1 : 0...1, yDomain: zoomed ? 0.3...1 : 0...1,
            xTitle: "Обещания в срок", yTitle: "Довольны обслуживанием", format: percent,
            title: "Склад надёжен, но клиентам не нравится обслуживание",
            summary: "Точки по доле обещаний в срок и доле довольных клиентов.", emptyText: "Пока мало ответов",
            width: width)
    }

    static func trend(width: Double = 480) -> TrendChart {
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let labels = (0..<24).map { "\(months[$0 % 12]) \($0 < 12 ? 25 : 26)" }
        var noise = Noise(state: 9)
        let values: [Double?] = (0..<24).map { (i: Int) -> Double? in
            if i == 4 { return nil }
            let drift: Double = 0.55 + Double(i) * 0.01
            return drift + noise.next() * 0.05
        }
        let half: [Double] = (0..<24).map { (i: Int) -> Double in i % 6 == 0 ? 0.07 : 0.04 }
        let lower: [Double?] = zip(values, half).map { (v: Double?, h: Double) -> Double? in v.map { $0 - h } }
        let upper: [Double?] = zip(values, half).map { (v: Double?, h: Double) -> Double? in v.map { $0 + h } }
        return TrendChart(
            labels: labels, values: values, lower: lower, upper: upper, reference: 0.7, domain: 0.4...0.9,
            format: percent, xTitle: "Month", yTitle: "Customers who came back, %", lineText: "Came back",
            bandText: "95 % interval", referenceText: "Target 70 %", title: "Returning customers creep up",
            summary: "Monthly share of customers who came back within 90 days, with 95 % intervals.",
            emptyText: "Not enough months yet", width: width)
    }
}
