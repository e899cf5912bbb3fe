import Foundation
import Testing

@testable import EarnedWeb

struct SparklineChartTests {
    func chart(_ values: [Double?], lower: [Double?] = [], upper: [Double?] = [], range: ClosedRange<Double>? = nil)
        -> SparklineChart
    {
        SparklineChart(
            values: values, lower: lower, upper: upper, range: range, title: "On time", summary: "Rising",
            emptyText: "Not enough data yet")
    }

    /// Subpaths of the line ("M" starts one).
    func subpaths(_ root: ChartXMLElement) -> Int {
        root.elements(class: "line").first.map { ($0.attributes["d"] ?? "").filter { $0 == "M" }.count } ?? 0
    }

    @Test func drawsOneLineWithAGapForEachMissingPeriod() throws {
        let root = try ChartXML.checkCommon(chart([1, 2, nil, 3, 4, 5]).svg(id: "s"), id: "s", kind: "sparkline")
        #expect(subpaths(root) == 2)
        #expect(root.elements(class: "last").count == 1)
        #expect(root.elements(class: "dot").isEmpty)
    }

    @Test func marksTheLastValueEvenWhenTheLastPeriodIsMissing() throws {
        let root = try ChartXML.checkCommon(chart([0.5, 0.7, 0.6, nil]).svg(id: "s"), id: "s", kind: "sparkline")
        let last = try #require(root.elements(class: "last").first)
        // Four periods across 120 − 2 × 3.5 units: index 2 sits at 3.5 + 2 × 113 / 3.
        #expect(last.attributes["cx"] == "78.83")
        // 0.6 within the computed range 0.5…0.7 is the middle of 32 − 2 × 3.5 units.
        #expect(last.attributes["cy"] == "16")
    }

    @Test func skipsNaNAndInfinityAsGaps() throws {
        let svg = chart([0.2, .nan, 0.4, .infinity, 0.5, 0.6]).svg(id: "s")
        let root = try ChartXML.checkCommon(svg, id: "s", kind: "sparkline")
        // 0.2 and 0.4 stand alone between gaps (dots); 0.5–0.6 is the one line segment.
        #expect(subpaths(root) == 1)
        #expect(root.elements(class: "dot").count == 2)
        #expect(!svg.lowercased().contains("nan"))
    }

    @Test func emptyOrAllMissingSaysSo() throws {
        for values in [[], [nil, nil], [Double.nan]] as [[Double?]] {
            let root = try ChartXML.checkCommon(chart(values).svg(id: "s"), id: "s", kind: "sparkline")
            // Two short lines in a 120 × 32 cell.
            #expect(root.elements(class: "empty-text").map(\.drawnText) == ["Not enough data", "yet"])
            #expect(root.elements("path").isEmpty)
        }
    }

    @Test func drawsTheBandOnlyWhereBothEndsAreKnown() throws {
        let svg = chart(
            [1, 2, 3, 4, 5], lower: [0.5, 1.5, nil, 3.5, 4.5], upper: [1.5, 2.5, 3.5, 4.5, .nan]
        ).svg(id: "s")
        let root = try ChartXML.checkCommon(svg, id: "s", kind: "sparkline")
        // Periods 0–1 make a polygon; period 3 alone makes a short vertical bar.
        #expect(root.elements("polygon").count == 1)
        #expect(root.elements(class: "band").count == 2)
    }

    @Test func valuesOutsideAGivenRangeStayInsideTheViewBox() throws {
        let root = try ChartXML.checkCommon(
            chart([-3, 0.5, 9], range: 0...1).svg(id: "s"), id: "s", kind: "sparkline")
        let last = try #require(root.elements(class: "last").first)
        #expect(last.attributes["cy"] == "3.5")
    }

    @Test func escapesTheTitle() throws {
        let svg = SparklineChart(values: [1, 2], title: ChartSVGTests.hostile, summary: "s", emptyText: "e")
            .svg(id: "s")
        #expect(svg.contains("<title id=\"s-title\">\(ChartSVGTests.hostileEscaped)</title>"))
        let root = try ChartXML.checkCommon(svg, id: "s", kind: "sparkline")
        #expect(root.children.first?.text == ChartSVGTests.hostile)
    }
}
