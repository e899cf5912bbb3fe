import Foundation
import Testing

@testable import EarnedWeb

struct QuadrantChartTests {
    let captions = QuadrantChart.Captions(
        topLeft: "Liked, unreliable", topRight: "Reliable and liked: potential loyalty",
        bottomLeft: "Neither", bottomRight: "Reliable, not liked")

    func chart(_ dots: [QuadrantChart.Dot], width: Double = 480) -> QuadrantChart {
        QuadrantChart(
            dots: dots, xThreshold: 0.5, yThreshold: 0.5, captions: captions, xTitle: "Kept on time",
            yTitle: "Satisfied", format: ChartFixtures.percent, title: "Service and reliability", summary: "Locations",
            emptyText: "Not enough answers yet", width: width)
    }

    func circle(_ dot: ChartXMLElement) -> ChartXMLElement? { dot.elements("circle").first }

    @Test(arguments: [360.0, 480])
    func drawsEveryFinitePointWithItsErrorBars(width: Double) throws {
        let dots: [QuadrantChart.Dot] = [
            .init(label: "North", x: 0.3, y: 0.7, xInterval: 0.2...0.4, yInterval: 0.6...0.8),
            .init(label: "South", x: .nan, y: 0.5), .init(label: "East", x: 0.8, y: 0.2, emphasis: true),
        ]
        let root = try ChartXML.checkCommon(chart(dots, width: width).svg(id: "q"), id: "q", kind: "quadrant")
        #expect(root.elements(class: "dot").count == 2)
        #expect(
            root.elements(class: "dot").map(\.titleText) == [
                "North: Kept on time 30 %, Satisfied 70 %", "East: Kept on time 80 %, Satisfied 20 %",
            ])
        // Two bars with two caps each, for North only.
        #expect(root.elements(class: "intervals").first?.elements("line").count == 6)
        #expect(root.elements(class: "emphasis").count == 1)
        #expect(root.elements(class: "label").map(\.drawnText).sorted() == ["East", "North"])
    }

    @Test func thresholdsSplitThePlotAtTheirValues() throws {
        let root = try ChartXML.checkCommon(
            chart([.init(label: "A", x: 0.5, y: 0.5)]).svg(id: "q"), id: "q", kind: "quadrant")
        let lines = try #require(root.elements(class: "thresholds").first).elements("line")
        let dot = try #require(circle(root.elements(class: "dot")[0]))
        #expect(lines.count == 2)
        #expect(lines[0].attributes["x1"] == dot.attributes["cx"] && lines[0].attributes["x2"] == dot.attributes["cx"])
        #expect(lines[1].attributes["y1"] == dot.attributes["cy"] && lines[1].attributes["y2"] == dot.attributes["cy"])
    }

    @Test func captionsSitInTheirCornersAndPointsNeverReachThem() throws {
        let corners: [QuadrantChart.Dot] = [
            .init(label: "Top right", x: 1, y: 1), .init(label: "Bottom left", x: 0, y: 0),
        ]
        let root = try ChartXML.checkCommon(chart(corners).svg(id: "q"), id: "q", kind: "quadrant")
        let captionTexts = root.elements(class: "caption")
        #expect(captionTexts.map(\.drawnText).joined(separator: " ").contains("Liked, unreliable"))
        let baselines = captionTexts.compactMap { $0.number("y") }
        let middle = (baselines.min()! + baselines.max()!) / 2
        // Lowest ink of the top captions (baseline + descent) and highest ink of the bottom ones.
        let topCaptionsEnd = baselines.filter { $0 < middle }.max()! + 13 * 0.25
        let bottomCaptionsStart = baselines.filter { $0 > middle }.min()! - 13 * 0.8
        let circles = root.elements(class: "dot").compactMap(circle)
        #expect(circles.count == 2)
        for dot in circles {
            let (cy, r) = (dot.number("cy")!, dot.number("r")!)
            #expect(cy - r > topCaptionsEnd && cy + r < bottomCaptionsStart)
        }
    }

    @Test(arguments: [360.0, 480])
    func labelsAtTheEdgesTurnInward(width: Double) throws {
        let dots: [QuadrantChart.Dot] = [
            .init(label: "Аэропорт Шереметьево", x: 0.99, y: 0.6), .init(label: "Вокзал", x: 0.01, y: 0.3),
        ]
        let root = try ChartXML.checkCommon(chart(dots, width: width).svg(id: "q"), id: "q", kind: "quadrant")
        let labels = root.elements(class: "label")
        let right = try #require(labels.first { $0.drawnText.hasPrefix("Аэропорт") })
        #expect(right.attributes["text-anchor"] == "end")
        #expect(ChartXML.outside(root).isEmpty)
    }

    @Test func crowdedLabelsDoNotOverlap() throws {
        let dots = (0..<6).map {
            QuadrantChart.Dot(label: "Point \($0)", x: 0.3 + Double($0) * 0.05, y: 0.4 + Double($0 % 2) * 0.04)
        }
        let root = try ChartXML.checkCommon(chart(dots).svg(id: "q"), id: "q", kind: "quadrant")
        let boxes = root.elements(class: "label").map { label -> (ClosedRange<Double>, ClosedRange<Double>) in
            let span = ChartXML.span(label)
            let y = label.number("y")! - 4.5
            return (span.left...span.right, (y - 7)...(y + 7))
        }
        for (i, a) in boxes.enumerated() {
            for b in boxes[(i + 1)...] {
                #expect(!(a.0.overlaps(b.0) && a.1.overlaps(b.1)))
            }
        }
    }

    @Test func emptyInputSaysSo() throws {
        let root = try ChartXML.checkCommon(
            chart([.init(label: "A", x: .infinity, y: 0.2)]).svg(id: "q"), id: "q", kind: "quadrant")
        #expect(root.elements(class: "empty-text").map(\.drawnText) == ["Not enough answers yet"])
    }

    @Test func hostileTextIsEscaped() throws {
        let h = ChartSVGTests.hostile
        let svg = QuadrantChart(
            dots: [.init(label: h, x: 0.5, y: 0.5)], xThreshold: 0.5, yThreshold: 0.5,
            captions: .init(topLeft: h, topRight: h, bottomLeft: h, bottomRight: h), xTitle: h, yTitle: h,
            format: ChartFixtures.percent, title: h, summary: h, emptyText: h
        ).svg(id: "q")
        #expect(!svg.contains("<script>"))
        let root = try ChartXML.checkCommon(svg, id: "q", kind: "quadrant")
        #expect(root.elements(class: "label").first?.drawnText == h)
    }
}
