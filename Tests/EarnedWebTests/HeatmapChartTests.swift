import Foundation
import Testing

@testable import EarnedWeb

struct HeatmapChartTests {
    func chart(
        rows: [String], columns: [String], cells: [[HeatmapCell?]], higherIsBetter: Bool = false,
        transposed: Bool = false, width: Double = 480
    ) -> HeatmapChart {
        HeatmapChart(
            rowLabels: rows, columnLabels: columns, cells: cells, higherIsBetter: higherIsBetter,
            format: ChartFixtures.percent, noDataText: "No data", flaggedText: "Flagged", transposed: transposed,
            title: "Late by hour", summary: "Share late", emptyText: "No deliveries yet", width: width)
    }

    func fill(_ cell: ChartXMLElement) -> String? {
        cell.children.first { $0.name == "rect" }?.attributes["fill"]
    }

    func luminance(_ hex: String) -> Double {
        let value = Int(hex.dropFirst(), radix: 16) ?? 0
        return ChartPalette.relativeLuminance(
            (Double(value >> 16 & 0xFF), Double(value >> 8 & 0xFF), Double(value & 0xFF)))
    }

    @Test(arguments: [(480.0, false), (360, false), (360, true), (640, false)])
    func weekByHourDrawsEveryCellWithItsMarks(width: Double, transposed: Bool) throws {
        let heatmap = ChartFixtures.weekHours(width: width, transposed: transposed)
        let root = try ChartXML.checkCommon(heatmap.svg(id: "h"), id: "h", kind: "heatmap")
        let nils = heatmap.cells.flatMap { $0 }.filter { $0 == nil }.count
        #expect(root.elements(class: "cell").count == 7 * 24)
        #expect(root.elements(class: "nodata").count == nils)
        #expect(nils == 7 * 10)
        let flagged = root.elements(class: "flagged")
        #expect(flagged.count == 2)
        for cell in flagged {
            #expect(cell.elements(class: "flag").first?.attributes["stroke-width"] == "3")
            #expect(cell.elements(class: "mark").first?.drawnText.hasSuffix("!") == true)
        }
        #expect(
            root.elements(class: "nodata").allSatisfy { fill($0) == "url(#h-nodata)" && $0.elements("text").isEmpty })
    }

    @Test func cellTitlesNameRowColumnTextAndCountEvenTransposed() throws {
        let cells: [[HeatmapCell?]] = [
            [HeatmapCell(value: 0.71, text: "71", count: 23), nil],
            [HeatmapCell(value: 0.2, text: "20", count: 5), HeatmapCell(value: 0.4, text: "40", count: 9)],
        ]
        for transposed in [false, true] {
            let root = try ChartXML.checkCommon(
                chart(rows: ["Mon", "Tue"], columns: ["14", "15"], cells: cells, transposed: transposed).svg(id: "h"),
                id: "h", kind: "heatmap")
            let titles = Set(root.elements(class: "cell").compactMap(\.titleText))
            #expect(
                titles == [
                    "Mon · 14: 71 (n = 23)", "Mon · 15: No data", "Tue · 14: 20 (n = 5)", "Tue · 15: 40 (n = 9)",
                ])
            let rowLabels = root.elements(class: "row-labels").first?.elements("text").map(\.drawnText)
            #expect(rowLabels == (transposed ? ["14", "15"] : ["Mon", "Tue"]))
        }
    }

    @Test func worseIsAlwaysDarker() throws {
        let cells: [[HeatmapCell?]] = [
            [
                HeatmapCell(value: 0.1, text: "10", count: 10), HeatmapCell(value: 0.9, text: "90", count: 10),
            ]
        ]
        for higherIsBetter in [false, true] {
            let root = try ChartXML.parse(
                chart(rows: ["A"], columns: ["low", "high"], cells: cells, higherIsBetter: higherIsBetter).svg(id: "h"))
            let fills = root.elements(class: "cell").compactMap(fill)
            #expect(fills.count == 2)
            let (low, high) = (luminance(fills[0]), luminance(fills[1]))
            // Lower luminance = darker; the worse end must be the darker one.
            #expect(higherIsBetter ? low < high : high < low)
        }
    }

    @Test func numbersShowInEveryCellOrInNone() throws {
        let wide = try ChartXML.parse(ChartFixtures.weekHours(width: 640).svg(id: "h"))
        let narrow = try ChartXML.parse(ChartFixtures.weekHours(width: 480).svg(id: "h"))
        let present = 7 * 14
        #expect(wide.elements(class: "value").count + wide.elements(class: "mark").count == present)
        #expect(narrow.elements(class: "value").isEmpty)
        #expect(narrow.elements(class: "mark").map(\.drawnText) == ["!", "!"])
    }

    @Test func legendShowsTheScaleEndsAndTheMarksInUse() throws {
        let root = try ChartXML.checkCommon(ChartFixtures.weekHours().svg(id: "h"), id: "h", kind: "heatmap")
        let scale = try #require(root.elements(class: "legend-scale").first)
        #expect(scale.elements("text").map(\.drawnText) == ["0 %", "50 %"])
        #expect(scale.elements("rect").count == 5)
        #expect(root.elements(class: "legend-nodata").first?.elements("text").first?.drawnText == "Closed or no orders")
        #expect(root.elements(class: "legend-flagged").first?.elements("text").last?.drawnText == "Worse than usual")
        // Without missing or flagged cells those entries are left out.
        let plain = try ChartXML.parse(
            chart(rows: ["A"], columns: ["B"], cells: [[HeatmapCell(value: 1, text: "1", count: 1)]]).svg(id: "h"))
        #expect(plain.elements(class: "legend-nodata").isEmpty && plain.elements(class: "legend-flagged").isEmpty)
    }

    @Test func nanCellsAreNoDataAndRaggedRowsDoNotCrash() throws {
        let cells: [[HeatmapCell?]] = [
            [HeatmapCell(value: .nan, text: "?", count: 3), HeatmapCell(value: 0.5, text: "50", count: 4)], [],
        ]
        let root = try ChartXML.checkCommon(
            chart(rows: ["A", "B", "C"], columns: ["x", "y"], cells: cells).svg(id: "h"), id: "h", kind: "heatmap")
        #expect(root.elements(class: "cell").count == 6)
        #expect(root.elements(class: "nodata").count == 5)
    }

    @Test func emptyInputSaysSo() throws {
        for (rows, cells) in [
            ([], []), (["A"], [[nil]]), (["A"], [[HeatmapCell(value: .infinity, text: "", count: 0)]]),
        ]
            as [([String], [[HeatmapCell?]])]
        {
            let root = try ChartXML.checkCommon(
                chart(rows: rows, columns: ["x"], cells: cells).svg(id: "h"), id: "h", kind: "heatmap")
            #expect(root.elements(class: "empty-text").map(\.drawnText) == ["No deliveries yet"])
        }
    }

    @Test(arguments: [360.0, 480])
    func longStaffNamesAndShiftsStayInside(width: Double) throws {
        let root = try ChartXML.checkCommon(
            ChartFixtures.staffShifts(width: width).svg(id: "h"), id: "h", kind: "heatmap")
        #expect(root.elements(class: "cell").count == 27)
        let long = "Виктория Александровна Константинопольская"
        let label = try #require(
            root.elements(class: "row-labels").first?.elements("text").first { $0.titleText == long })
        #expect(label.drawnText.hasSuffix("…"))
        #expect(ChartXML.outside(root).isEmpty)
    }

    @Test func hostileLabelsAreEscaped() throws {
        let h = ChartSVGTests.hostile
        let svg = chart(rows: [h], columns: [h], cells: [[HeatmapCell(value: 1, text: h, count: 1, flagged: true)]])
            .svg(id: "h")
        #expect(!svg.contains("<script>"))
        let root = try ChartXML.checkCommon(svg, id: "h", kind: "heatmap")
        #expect(root.elements(class: "cell").first?.titleText == "\(h) · \(h): \(h) (n = 1)")
    }
}
