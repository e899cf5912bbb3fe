import Foundation
import Testing

@testable import EarnedWeb

struct HistogramChartTests {
    func chart(_ bins: [HistogramChart.Bin], markers: [HistogramChart.Marker] = [], width: Double = 480)
        -> HistogramChart
    {
        HistogramChart(
            bins: bins, markers: markers, format: ChartFixtures.hours, xTitle: "Hours", yTitle: "Replies",
            title: "Replies", summary: "Time to reply", emptyText: "No replies yet", width: width)
    }

    func rect(_ bin: ChartXMLElement) -> ChartXMLElement? { bin.children.first { $0.name == "rect" } }

    @Test func drawsOneBarPerValidBinAndSkipsBrokenOnes() throws {
        let bins: [HistogramChart.Bin] = [
            .init(lower: 0, upper: 2, count: 4), .init(lower: 2, upper: 4, count: 8),
            .init(lower: .nan, upper: 6, count: 3),
            .init(lower: 6, upper: 6, count: 2), .init(lower: 4, upper: 6, count: -1),
            .init(lower: 4, upper: 6, count: 0),
        ]
        let root = try ChartXML.checkCommon(chart(bins).svg(id: "g"), id: "g", kind: "histogram")
        let drawn = root.elements(class: "bin")
        #expect(drawn.map(\.titleText) == ["0 h–2 h: 4", "2 h–4 h: 8", "4 h–6 h: 0"])
        let heights = drawn.compactMap { rect($0)?.number("height") }
        #expect(heights.count == 3 && abs(heights[1] - 2 * heights[0]) < 0.02 && heights[2] == 0)
        let widths = drawn.compactMap { rect($0)?.number("width") }
        #expect(abs(widths[0] - widths[1]) < 0.02)
    }

    @Test func countAxisHasWholeNumberTicks() throws {
        let root = try ChartXML.checkCommon(ChartFixtures.histogram().svg(id: "g"), id: "g", kind: "histogram")
        let ticks = root.elements(class: "y-axis").first?.elements("text").map(\.drawnText)
        #expect(ticks == ["0", "10", "20", "30", "40"])
    }

    @Test(arguments: [360.0, 480])
    func closeMarkersGetTheirOwnRowsAndEdgeLabelsNeverTouch(width: Double) throws {
        let root = try ChartXML.checkCommon(
            ChartFixtures.histogram(width: width).svg(id: "g"), id: "g", kind: "histogram")
        #expect(root.elements(class: "marker").count == 2)
        let labels = root.elements(class: "marker-label")
        #expect(labels.map(\.drawnText) == ["Median 7 h", "Mean 8 h"])
        #expect(labels[0].number("y") != labels[1].number("y"))
        let dashes = root.elements(class: "marker").compactMap {
            $0.elements("line").first?.attributes["stroke-dasharray"]
        }
        #expect(Set(dashes).count == 2)
        let ticks = (root.elements(class: "x-axis").first?.elements("text") ?? []).map(ChartXML.span)
        #expect(ticks.count >= 4)
        #expect(zip(ticks, ticks.dropFirst()).allSatisfy { $0.right + 4 <= $1.left })
    }

    @Test func farApartMarkersShareARow() throws {
        let bins = (0..<10).map { HistogramChart.Bin(lower: Double($0), upper: Double($0 + 1), count: $0) }
        let root = try ChartXML.parse(
            chart(bins, markers: [.init(value: 1, label: "P10"), .init(value: 9, label: "P90")]).svg(id: "g"))
        let labels = root.elements(class: "marker-label")
        #expect(labels.count == 2 && labels[0].number("y") == labels[1].number("y"))
    }

    @Test func emptyInputSaysSo() throws {
        for bins in [[], [HistogramChart.Bin(lower: 1, upper: .infinity, count: 3)]] {
            let root = try ChartXML.checkCommon(chart(bins).svg(id: "g"), id: "g", kind: "histogram")
            #expect(root.elements(class: "empty-text").map(\.drawnText) == ["No replies yet"])
        }
    }

    @Test func hostileMarkerLabelIsEscaped() throws {
        let h = ChartSVGTests.hostile
        let svg = chart([.init(lower: 0, upper: 1, count: 1)], markers: [.init(value: 0.5, label: h)]).svg(id: "g")
        #expect(!svg.contains("<script>"))
        let root = try ChartXML.checkCommon(svg, id: "g", kind: "histogram")
        #expect(root.elements(class: "marker-label").first?.drawnText == h)
    }
}
