import Foundation
import Testing

@testable import EarnedWeb

struct TrendChartTests {
    @Test(arguments: [360.0, 480])
    func drawsTheLineItsBandAndTheReference(width: Double) throws {
        let trend = ChartFixtures.trend(width: width)
        let root = try ChartXML.checkCommon(trend.svg(id: "t"), id: "t", kind: "trend")
        #expect(root.elements(class: "points").first?.elements("circle").count == 23)
        #expect(root.elements(class: "band").count == 2)  // broken by the missing month
        #expect(root.elements(class: "reference").count == 1)
        #expect(
            root.elements(class: "legend").first?.elements("text").map(\.drawnText) == [
                "Came back", "95 % interval", "Target 70 %",
            ])
        #expect(root.elements(class: "x-axis").first?.elements("text").last?.drawnText == "Dec 26")
        #expect(root.elements(class: "raw").isEmpty)
    }

    @Test func valuesOutsideAGivenDomainStayInsideThePlot() throws {
        let trend = TrendChart(
            labels: ["a", "b", "c"], values: [-5, 0.5, 7], domain: 0...1, format: ChartFixtures.percent,
            title: "T", summary: "S", emptyText: "E")
        let root = try ChartXML.checkCommon(trend.svg(id: "t"), id: "t", kind: "trend")
        let ys = root.elements(class: "points").first?.elements("circle").compactMap { $0.number("cy") } ?? []
        let gridYs = root.elements(class: "y-axis").first?.elements("line").compactMap { $0.number("y1") } ?? []
        #expect(ys.count == 3)
        #expect(ys.allSatisfy { $0 >= gridYs.min()! && $0 <= gridYs.max()! })
    }

    @Test func emptyInputSaysSo() throws {
        let trend = TrendChart(
            labels: [], values: [], format: ChartFixtures.percent, title: "T", summary: "S", emptyText: "No months yet")
        let root = try ChartXML.checkCommon(trend.svg(id: "t"), id: "t", kind: "trend")
        #expect(root.elements(class: "empty-text").map(\.drawnText) == ["No months yet"])
    }
}
