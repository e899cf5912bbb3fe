import Foundation
import Testing

@testable import EarnedWeb

struct BarChartTests {
    func chart(_ bars: [BarChart.Bar], width: Double = 480, reference: BarChart.Reference? = nil) -> BarChart {
        BarChart(
            bars: bars, reference: reference, domain: 0...1, axisLabel: "Kept on time, %", title: "Kept",
            summary: "By location", emptyText: "No promises yet", width: width)
    }

    func bar(_ label: String, _ value: Double, emphasis: Bool = false, interval: Bool = false) -> BarChart.Bar {
        BarChart.Bar(
            label: label, value: value, lower: interval ? value - 0.1 : nil, upper: interval ? value + 0.05 : nil,
            valueText: ChartFixtures.percent(value), emphasis: emphasis)
    }

    @Test(arguments: [360.0, 480, 640])
    func drawsOneBarPerFiniteItemAndSkipsNaN(width: Double) throws {
        let bars = [bar("North", 0.8), bar("South", .nan), bar("East", 0.6, interval: true), bar("West", .infinity)]
        let root = try ChartXML.checkCommon(chart(bars, width: width).svg(id: "b"), id: "b", kind: "bar")
        #expect(root.elements(class: "bar").count == 2)
        #expect(root.elements(class: "bar").compactMap(\.titleText) == ["North: 80 %", "East: 60 %"])
        #expect(root.elements(class: "interval").count == 1)
        #expect(root.elements(class: "value").map(\.drawnText) == ["80 %", "60 %"])
    }

    @Test func barLengthIsProportionalToTheValue() throws {
        let root = try ChartXML.checkCommon(
            chart([bar("A", 1), bar("B", 0.5), bar("C", 0)]).svg(id: "b"), id: "b", kind: "bar")
        let widths = root.elements(class: "bar").compactMap { $0.children.first { $0.name == "rect" }?.number("width") }
        #expect(widths.count == 3)
        #expect(abs(widths[1] * 2 - widths[0]) < 0.02)
        #expect(widths[2] == 1)  // a zero still shows a hairline
    }

    @Test func emphasisGetsThePatternAndBoldText() throws {
        let root = try ChartXML.checkCommon(
            chart([bar("Ours", 0.7, emphasis: true), bar("Theirs", 0.8)]).svg(id: "b"), id: "b", kind: "bar")
        let emphasised = root.elements(class: "emphasis")
        #expect(emphasised.count == 1)
        let rect = try #require(emphasised.first?.children.first { $0.name == "rect" })
        #expect(rect.attributes["fill"] == "url(#b-emphasis)")
        let pattern = try #require(root.elements("pattern").first)
        #expect(pattern.attributes["id"] == "b-emphasis")
        #expect(pattern.parent?.name == "defs")
        let plain = try #require(root.elements(class: "bar").last?.children.first { $0.name == "rect" })
        #expect(plain.attributes["fill"] == ChartPalette.skyBlue)
        #expect(
            root.elements(class: "label").filter { $0.attributes["font-weight"] == "700" }.map(\.drawnText) == ["Ours"])
    }

    @Test(arguments: [360.0, 480])
    func longRussianLabelsStayInsideAndKeepTheirFullText(width: Double) throws {
        let long = "Интернет-магазин (доставка курьером по городу и области, включая выходные и праздники)"
        let root = try ChartXML.checkCommon(
            chart([bar(long, 0.9), bar("Склад", 0.5)], width: width).svg(id: "b"), id: "b", kind: "bar")
        let lines = root.elements(class: "label").filter { $0.parent?.titleText?.hasPrefix("Интернет") == true }
        #expect(lines.count == 2)
        #expect(lines.last?.drawnText.hasSuffix("…") == true)
        #expect(lines.allSatisfy { $0.titleText == long })
        #expect(root.elements(class: "bar").first?.titleText == "\(long): 90 %")
        #expect(ChartXML.outside(root).isEmpty)
    }

    @Test func narrowChartsPutLabelsAboveTheBars() throws {
        let root = try ChartXML.checkCommon(
            chart([bar("North", 0.8)], width: 360).svg(id: "b"), id: "b", kind: "bar")
        let label = try #require(root.elements(class: "label").first)
        let rect = try #require(root.elements(class: "bar").first?.children.first { $0.name == "rect" })
        #expect(label.attributes["x"] == "8" && label.attributes["text-anchor"] == nil)
        #expect(try #require(label.number("y")) < rect.number("y")!)
        let wide = try ChartXML.parse(chart([bar("North", 0.8)], width: 480).svg(id: "b"))
        #expect(wide.elements(class: "label").first?.attributes["text-anchor"] == "end")
    }

    @Test func referenceLineSitsAtItsValueWithItsLabel() throws {
        let svg = chart([bar("A", 1), bar("B", 0.4)], reference: .init(value: 0.5, label: "Whole network 50 %"))
            .svg(id: "b")
        let root = try ChartXML.checkCommon(svg, id: "b", kind: "bar")
        let reference = try #require(root.elements(class: "reference").first)
        let line = try #require(reference.children.first { $0.name == "line" })
        let full = try #require(root.elements(class: "bar").first?.children.first { $0.name == "rect" })
        let middle = full.number("x")! + full.number("width")! / 2
        #expect(abs(line.number("x1")! - middle) < 0.02)
        #expect(reference.children.first { $0.name == "text" }?.drawnText == "Whole network 50 %")
    }

    @Test func emptyInputSaysSo() throws {
        for bars in [[], [bar("A", .nan)]] {
            let root = try ChartXML.checkCommon(chart(bars).svg(id: "b"), id: "b", kind: "bar")
            #expect(root.elements(class: "empty-text").map(\.drawnText) == ["No promises yet"])
            #expect(root.elements(class: "bar").isEmpty)
        }
    }

    @Test func hostileTextIsEscapedEverywhere() throws {
        let h = ChartSVGTests.hostile
        let svg = BarChart(
            bars: [.init(label: h, value: 0.5, valueText: h, emphasis: true)], reference: .init(value: 0.2, label: h),
            axisLabel: h, title: h, summary: h, emptyText: h
        ).svg(id: "b")
        #expect(!svg.contains("<script>"))
        #expect(svg.components(separatedBy: ChartSVGTests.hostileEscaped).count - 1 >= 7)
        let root = try ChartXML.checkCommon(svg, id: "b", kind: "bar")
        #expect(root.elements(class: "label").first?.drawnText == h)
        #expect(root.elements(class: "value").first?.drawnText == h)
    }
}
