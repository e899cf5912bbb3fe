import EarnedAnalytics
import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// How steady the service is (PRODUCT.md I, thesis T9): the weakest slots in words, a chosen
/// measure by weekday × hour and by shift × location, the consistency index of each way of
/// cutting the week, and the measure's weekly control chart, from the last score run.
struct ConsistencyPage: Sendable {
    var report: ConsistencyReport?
    var computedAt: Date?
    var measure: ServiceRecord.Measure
    var locations: [Location]
    var people: [StaffID: Staff]

    static func load(_ req: Request, viewer: ViewerContext) async throws -> ConsistencyPage {
        try Policy.require(viewer.staff, .viewBusinessAnalytics)
        let found = try await req.application.earned.snapshots.value(
            ConsistencyReport.self, key: ConsistencyReport.key, db: req.database)
        let measure = try req.choice(ServiceRecord.Measure.self, at: "measure") ?? .deliveryOnTime
        let staff = try await req.staffAccounts.list(actor: viewer.staff)
        return ConsistencyPage(
            report: found?.0, computedAt: found?.1, measure: measure, locations: viewer.locations,
            people: Dictionary(staff.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a }))
    }

    var result: ConsistencyReport.MeasureResult? { report?.measures.first { $0.measure == measure } }

    func flagged(_ dimension: ServiceRecord.Dimension, _ key: String) -> Bool {
        report?.flags.contains { $0.measure == measure && $0.dimension == dimension && $0.slot == key } ?? false
    }

    /// A slot key in words: "evening shift at Kazan", "Mondays 9:00–10:00", "inventory days".
    func slotName(_ key: String, _ s: Strings) -> String {
        let parts = ServiceRecord.parts(of: key)
        let location = parts["loc"].flatMap(LocationID.init(string:)).flatMap { id in
            locations.first { $0.id == id }?.name
        }
        if let shift = parts["shift"] { return s.shiftAt(shift, location ?? s.unknownLocation) }
        if parts["loc"] != nil { return location ?? s.unknownLocation }
        if let staff = parts["staff"] {
            return StaffID(string: staff).flatMap { people[$0]?.name } ?? s.someoneNoLongerListed
        }
        if let wd = parts["wd"].flatMap(Int.init), let h = parts["h"].flatMap(Int.init) { return s.weekdayHour(wd, h) }
        if let part = parts["part"] { return s.dayPart(part) }
        if let day = parts["day"] { return s.specialDayKind(day) }
        return key
    }

    /// The weekday × hour grid of the measure (rows Monday…Sunday, columns the hours with any
    /// record).
    func weekdayHourGrid(_ s: Strings) -> DashboardCharts.Grid? {
        guard let analysis = result?.analyses[.weekdayHour] else { return nil }
        var cells: [String: SlotResult] = [:]
        var hours = Set<Int>()
        for slot in analysis.slots {
            cells[slot.key] = slot
            // Columns for the hours where some weekday has enough records to show.
            if slot.hasEnoughData, let h = ServiceRecord.parts(of: slot.key)["h"].flatMap(Int.init) {
                hours.insert(h)
            }
        }
        guard let first = hours.min(), let last = hours.max() else { return nil }
        let columns = Array(first...last)
        return grid(
            dimension: .weekdayHour, rows: (1...7).map { (s.weekdayShort($0), $0) },
            columns: columns.map { (String($0), $0) }, cells: cells,
            key: ServiceRecord.weekdayHourKey, s: s)
    }

    /// The shift × location grid of the measure.
    func shiftGrid(_ s: Strings) -> DashboardCharts.Grid? {
        guard let analysis = result?.analyses[.shift] else { return nil }
        var cells: [String: SlotResult] = [:]
        var shifts: [String] = []
        for slot in analysis.slots {
            cells[slot.key] = slot
            if let name = ServiceRecord.parts(of: slot.key)["shift"], !shifts.contains(name) {
                shifts.append(name)
            }
        }
        let rows = locations.filter { l in
            analysis.slots.contains { ServiceRecord.parts(of: $0.key)["loc"] == l.id.description }
        }
        guard !rows.isEmpty, !shifts.isEmpty else { return nil }
        return grid(
            dimension: .shift, rows: rows.map { ($0.name, $0.id) }, columns: shifts.map { ($0, $0) }, cells: cells,
            key: ServiceRecord.shiftKey, s: s)
    }

    func grid<R, C>(
        dimension: ServiceRecord.Dimension, rows: [(String, R)], columns: [(String, C)], cells: [String: SlotResult],
        key: (R, C) -> String, s: Strings
    ) -> DashboardCharts.Grid {
        DashboardCharts.Grid(
            rowLabels: rows.map(\.0), columnLabels: columns.map(\.0),
            cells: rows.map { row in
                columns.map { column in
                    let k = key(row.1, column.1)
                    guard let slot = cells[k], slot.hasEnoughData, let mean = slot.mean else { return nil }
                    return HeatmapCell(
                        value: mean.estimate, text: s.measureShort(measure, mean.estimate), count: slot.count,
                        flagged: flagged(dimension, k))
                }
            })
    }

    /// The tables of the page, each downloadable as CSV.
    func tables(_ viewer: ViewerContext) -> [DataTable] {
        let s = viewer.s
        guard let report else { return [] }
        var tables: [DataTable] = [
            DataTable(
                id: "weak-slots", caption: s.weakestSlots,
                headers: [
                    s.measureColumn, s.slotColumn, s.slotValueColumn, s.restValueColumn, s.gapColumn,
                    s.sampleColumn, s.qValueColumn,
                ],
                rows: report.flags.map { f in
                    [
                        .init(s.measureName(f.measure)), .init(slotName(f.slot, s)),
                        .init(s.measureValue(f.measure, f.slotMean)), .init(s.measureValue(f.measure, f.restMean)),
                        .init(s.gapText(f.measure, f.gap)), .init(Format.integer(f.count, s.lang)),
                        .init(String(format: "%.4f", f.qValue)),
                    ]
                }, numeric: [2, 3, 5, 6])
        ]
        if let result {
            tables.append(
                DataTable(
                    id: "index", caption: s.consistencyIndexTitle(s.measureName(measure)),
                    headers: [
                        s.dimensionColumn, s.indexColumn, s.intervalColumn, s.slotsCountedColumn,
                        s.sampleColumn,
                    ],
                    rows: ServiceRecord.Dimension.allCases.compactMap { d -> [DataTable.Cell]? in
                        guard let a = result.analyses[d] else { return nil }
                        let counted = a.slots.filter(\.hasEnoughData)
                        return [
                            .init(s.dimensionName(d)),
                            .init(a.index.map { s.indexValue($0.value) } ?? s.notEnoughData),
                            .init(
                                a.index?.interval.map { s.indexValue($0.lower) + " – " + s.indexValue($0.upper) }
                                    ?? "–"),
                            .init(
                                Format.integer(counted.count, s.lang) + " / " + Format.integer(a.slots.count, s.lang)),
                            .init(Format.integer(a.totalCount, s.lang)),
                        ]
                    }, numeric: [1, 3, 4]))
            for (id, dimension) in [("weekday-hour", ServiceRecord.Dimension.weekdayHour), ("shift", .shift)] {
                guard let a = result.analyses[dimension] else { continue }
                tables.append(
                    DataTable(
                        id: id, caption: s.slotTableTitle(s.measureName(measure), s.dimensionName(dimension)),
                        headers: [s.slotColumn, s.slotValueColumn, s.intervalColumn, s.sampleColumn, s.flagColumn],
                        rows: a.slots.map { slot in
                            [
                                .init(slotName(slot.key, s)),
                                .init(
                                    slot.hasEnoughData
                                        ? slot.mean.map { s.measureValue(measure, $0.estimate) } ?? "–"
                                        : s.notEnoughData),
                                .init(
                                    slot.hasEnoughData
                                        ? slot.mean.map {
                                            s.measureValue(measure, $0.lower) + " – "
                                                + s.measureValue(measure, $0.upper)
                                        } ?? "–" : "–"),
                                .init(Format.integer(slot.count, s.lang)),
                                .init(flagged(dimension, slot.key) ? s.flaggedWord : ""),
                            ]
                        }, numeric: [1, 3]))
            }
            if let charts = result.charts {
                tables.append(
                    DataTable(
                        id: "weekly", caption: s.weeklyChartTitle(s.measureName(measure)),
                        headers: [
                            s.weekColumn, s.slotValueColumn, s.ewmaColumn, s.lowerLimitColumn,
                            s.upperLimitColumn, s.signalColumn,
                        ],
                        rows: charts.ewma.points.map { p in
                            let se = charts.target.standardError(count: charts.points[p.index].count)
                            let c = charts.target.centre
                            return [
                                .init(Format.date(charts.weekStarts[p.index], s.lang, zone: viewer.zone)),
                                .init(s.measureValue(measure, charts.points[p.index].value)),
                                .init(s.measureValue(measure, c + p.statistic * se)),
                                .init(s.measureValue(measure, c + p.lowerLimit * se)),
                                .init(s.measureValue(measure, c + p.upperLimit * se)),
                                .init(p.signal.map { s.signalWord($0 == .up, measure: measure) } ?? ""),
                            ]
                        }, numeric: [1, 2, 3, 4]))
            }
        }
        return tables
    }
}
