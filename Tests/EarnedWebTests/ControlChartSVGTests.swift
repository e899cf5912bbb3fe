import Foundation
import Testing

@testable import EarnedWeb

struct ControlChartSVGTests {
    func chart(
        _ values: [Double?], signals: Set<Int> = [], lower: [Double?]? = nil, upper: [Double?]? = nil,
        raw: [Double?] = [], width: Double = 480, labels: [String]? = nil
    ) -> ControlChartSVG {
        let samples = values.indices.map { index in
            ControlChartSVG.Sample(
                label: labels?[index] ?? "W\(index + 1)", value: values[index], signal: signals.contains(index))
        }
        return ControlChartSVG(
            samples: samples, centre: 0.12, lower: lower ?? values.map { _ in 0.08 },
            upper: upper ?? values.map { _ in 0.16 }, raw: raw, format: ChartFixtures.percent, xTitle: "Week",
            yTitle: "Late, %", legend: .init(statistic: "EWMA", raw: "Week", limits: "Usual range", signal: "Signal"),
            title: "Late deliveries", summary: "Weekly", emptyText: "Not enough weeks yet", width: width)
    }

    func pointCount(_ root: ChartXMLElement) -> Int {
        (root.elements(class: "points").first?.children.filter { $0.name == "circle" }.count ?? 0)
            + root.elements(class: "signal").count
    }

    @Test(arguments: [360.0, 480])
    func drawsEveryFiniteValueOnceAndSkipsNaN(width: Double) throws {
        let values: [Double?] = [0.1, 0.11, .nan, nil, 0.13, .infinity, 0.12]
        let root = try ChartXML.checkCommon(chart(values, width: width).svg(id: "c"), id: "c", kind: "control")
        #expect(pointCount(root) == 4)
        let d = try #require(root.elements(class: "line").first?.attributes["d"])
        // One segment 0.1–0.11; 0.13 and 0.12 stand alone between gaps and are points only.
        #expect(d.filter { $0 == "M" }.count == 1)
    }

    @Test func signalsAreVermillionDiamondsWithAMark() throws {
        let root = try ChartXML.checkCommon(
            chart([0.1, 0.2, 0.12, 0.21], signals: [1, 3]).svg(id: "c"), id: "c", kind: "control")
        let signals = root.elements(class: "signal")
        #expect(signals.count == 2)
        for signal in signals {
            let diamond = try #require(signal.elements("polygon").first)
            #expect(diamond.attributes["fill"] == "#D55E00")
            #expect((diamond.attributes["points"] ?? "").split(separator: " ").count == 4)
            #expect(signal.elements(class: "signal-mark").first?.drawnText == "!")
        }
        #expect(signals.map(\.titleText) == ["W2: 20 %", "W4: 21 %"])
        #expect(root.elements(class: "legend-signal").count == 1)
    }

    @Test func aSignalAtTheTopGetsItsMarkBelow() throws {
        let root = try ChartXML.checkCommon(
            chart([0.1, 0.12, 0.4], signals: [2]).svg(id: "c"), id: "c", kind: "control")
        let signal = try #require(root.elements(class: "signal").first)
        let diamondTop =
            (signal.elements("polygon").first?.attributes["points"] ?? "").split(separator: " ")
            .compactMap { $0.split(separator: ",").last.flatMap { Double($0) } }.min() ?? 0
        let mark = try #require(signal.elements(class: "signal-mark").first?.number("y"))
        #expect(mark > diamondTop)
    }

    @Test func limitsAreABandBrokenWhereTheyAreMissing() throws {
        let lower: [Double?] = [0.08, 0.07, nil, 0.08, 0.09]
        let upper: [Double?] = [0.16, 0.17, 0.16, 0.16, .nan]
        let root = try ChartXML.checkCommon(
            chart([0.1, 0.1, 0.1, 0.1, 0.1], lower: lower, upper: upper).svg(id: "c"), id: "c", kind: "control")
        let bands = root.elements(class: "band")
        #expect(bands.count == 2)
        // Periods 0–1 give four corners; period 3 alone is widened to its slot (four corners too).
        #expect(bands.map { ($0.attributes["points"] ?? "").split(separator: " ").count } == [4, 4])
        #expect(root.elements(class: "centre").count == 1)
    }

    @Test func rawDotsAreDrawnUnderTheStatistic() throws {
        let root = try ChartXML.checkCommon(
            chart([0.1, 0.11, 0.12], raw: [0.05, .nan, 0.2]).svg(id: "c"), id: "c", kind: "control")
        #expect(root.elements(class: "raw").first?.children.count == 2)
        #expect(root.elements(class: "legend-dots").count == 1)
    }

    @Test(arguments: [360.0, 480, 640])
    func fiftyTwoWeekLabelsNeverCollideAndTheLatestIsLabelled(width: Double) throws {
        let values = (0..<52).map { Double?(0.1 + Double($0 % 7) / 100) }
        let labels = (0..<52).map { "12.\(String(format: "%02d", $0 % 12 + 1)).26" }
        let root = try ChartXML.checkCommon(
            chart(values, width: width, labels: labels).svg(id: "c"), id: "c", kind: "control")
        let ticks = try #require(root.elements(class: "x-axis").first).elements("text")
        #expect(ticks.count >= 3)
        #expect(ticks.last?.drawnText == labels[51])
        let spans = ticks.map(ChartXML.span).sorted { $0.left < $1.left }
        #expect(zip(spans, spans.dropFirst()).allSatisfy { $0.right + 4 <= $1.left })
        let yTicks = root.elements(class: "y-axis").first?.elements("text") ?? []
        #expect((3...5).contains(yTicks.count))
        #expect(yTicks.allSatisfy { $0.drawnText.hasSuffix(" %") })
    }

    @Test func emptyInputSaysSo() throws {
        for values in [[], [nil, .nan]] as [[Double?]] {
            let root = try ChartXML.checkCommon(chart(values).svg(id: "c"), id: "c", kind: "control")
            #expect(root.elements(class: "empty-text").map(\.drawnText) == ["Not enough weeks yet"])
        }
    }

    @Test func hostileLabelsAreEscaped() throws {
        let h = ChartSVGTests.hostile
        let svg = chart([0.1, 0.2], signals: [1], labels: [h, h]).svg(id: "c")
        #expect(!svg.contains("<script>"))
        let root = try ChartXML.checkCommon(svg, id: "c", kind: "control")
        #expect(root.elements(class: "signal").first?.titleText == "\(h): 20 %")
    }
}
