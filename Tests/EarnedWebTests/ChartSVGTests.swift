import Foundation
import Testing

@testable import EarnedWeb

struct ChartSVGTests {
    static let hostile = "<script>&\"'"
    static let hostileEscaped = "&lt;script&gt;&amp;&quot;&#39;"

    @Test func escapesTheFiveXMLCharacters() {
        #expect(H.escape(Self.hostile) == Self.hostileEscaped)
        #expect(H.escape("Пн · 14:00 — 71 %") == "Пн · 14:00 — 71 %")
    }

    @Test func dropsCharactersXMLForbidsAndIsThePagesEscape() throws {
        let escaped = H.escape("a\u{0}b\u{1B}c\nd\u{FFFE}")
        #expect(escaped == "abc\nd")
        // The result must survive an XML parser inside an element.
        let root = try ChartXML.parse("<svg><title>\(escaped)</title></svg>")
        #expect(root.children.first?.text == "abc\nd")
    }

    @Test(arguments: [
        (0.0, "0"), (12.0, "12"), (12.5, "12.5"), (12.345, "12.35"), (-0.25, "-0.25"), (-0.001, "0"),
        (3.1, "3.1"), (0.05, "0.05"), (100.999, "101"), (Double.nan, "0"), (Double.infinity, "0"),
    ])
    func writesCoordinatesWithAtMostTwoDecimals(value: Double, expected: String) {
        #expect(ChartSVG.num(value) == expected)
    }

    @Test func keepsIDPrefixesSafe() {
        #expect(ChartSVG.safeID("week-chart_2") == "week-chart_2")
        #expect(ChartSVG.safeID("a\"b c#d") == "a-b-c-d")
        #expect(ChartSVG.safeID("") == "chart")
    }

    @Test func anIDWithQuotesCannotBreakOutOfItsAttribute() throws {
        let svg = ChartFixtures.sparkline().svg(id: "x\" onload=\"alert(1)")
        let root = try ChartXML.parse(svg)
        #expect(root.attributes["onload"] == nil)
        #expect(root.attributes["aria-labelledby"] == "x--onload--alert-1--title x--onload--alert-1--desc")
    }

    @Test func emptyChartSaysSoInTheCallersWords() throws {
        let svg = ChartSVG.empty(
            id: "e", kind: "bar", width: 360, height: 80, title: "T", summary: "S", text: "No promises yet")
        let root = try ChartXML.checkCommon(svg, id: "e", kind: "bar")
        #expect(root.elements(class: "empty-text").map(\.drawnText) == ["No promises yet"])
    }

    @Test func longEmptyTextWrapsAndKeepsTheWholeTextOnHover() throws {
        let words = "No promises yet — record one from a customer's page and it will show up here within a day"
        let svg = ChartSVG.empty(id: "e", kind: "bar", width: 240, height: 80, title: "T", summary: "S", text: words)
        let root = try ChartXML.checkCommon(svg, id: "e", kind: "bar")
        let lines = root.elements(class: "empty-text")
        #expect(lines.count == 2)
        #expect(lines.last?.drawnText.hasSuffix("…") == true)
        #expect(lines.last?.titleText == words)
    }
}

struct ChartTextTests {
    @Test func digitsAreWiderThanNarrowLettersAndBoldIsWider() {
        #expect(ChartText.width("00", size: 10) > ChartText.width("il", size: 10))
        #expect(ChartText.width("Ж", size: 10, bold: true) > ChartText.width("Ж", size: 10))
        #expect(abs(ChartText.width("0", size: 10) - 6.4) < 1e-9)
    }

    @Test func truncatesWithAnEllipsisWithinTheWidth() {
        let text = "Интернет-магазин (доставка курьером по городу и области)"
        let cut = ChartText.truncate(text, maxWidth: 120, size: 14)
        #expect(cut.hasSuffix("…"))
        #expect(cut.count < text.count)
        #expect(ChartText.width(cut, size: 14) <= 120)
        #expect(ChartText.truncate("Склад", maxWidth: 120, size: 14) == "Склад")
    }

    @Test func wrapsOnWordsIntoAtMostTheGivenLines() {
        let lines = ChartText.wrap("Магазин на Большой Садовой улице", maxWidth: 150, size: 14, maxLines: 2)
        #expect(lines == ["Магазин на", "Большой Садовой…"])
        #expect(lines.allSatisfy { ChartText.width($0, size: 14) <= 150 })
        #expect(ChartText.wrap("Склад", maxWidth: 150, size: 14, maxLines: 2) == ["Склад"])
        let fits = ChartText.wrap("Пункт выдачи у Центрального рынка", maxWidth: 160, size: 14, maxLines: 2)
        #expect(fits == ["Пункт выдачи у", "Центрального рынка"])
        #expect(!ChartText.wasShortened("Пункт выдачи у Центрального рынка", into: fits))
    }

    @Test func cutsAWordLongerThanALine() {
        let lines = ChartText.wrap("Константинопольская", maxWidth: 60, size: 14, maxLines: 2)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { ChartText.width($0, size: 14) <= 60 })
        #expect(lines[1].hasSuffix("…"))
    }
}

struct ChartTicksTests {
    @Test(arguments: [(0.0, 1.0), (0.03, 0.27), (0, 31), (-5, 5), (0.061, 0.187), (1200, 98_000), (7, 7)])
    func givesThreeToFiveTicksCoveringTheData(lower: Double, upper: Double) {
        let (domain, ticks) = ChartTicks.nice(lower, upper)
        #expect((3...5).contains(ticks.count), "\(ticks)")
        #expect(domain.lowerBound <= lower && domain.upperBound >= upper)
        #expect(ticks.first == domain.lowerBound && ticks.last == domain.upperBound)
        let steps = zip(ticks.dropFirst(), ticks).map { $0 - $1 }
        #expect(steps.allSatisfy { abs($0 - steps[0]) < 1e-9 * max(1, abs(steps[0])) })
    }

    @Test func countsGetWholeSteps() {
        let (domain, ticks) = ChartTicks.nice(0, 31, integers: true)
        #expect(ticks == [0, 10, 20, 30, 40])
        #expect(domain == 0...40)
        #expect(ChartTicks.nice(0, 3, integers: true).ticks == [0, 1, 2, 3])
    }

    @Test func thinsLabelsSoTheyNeverTouch() {
        #expect(ChartTicks.labelStep(spacing: 40, labelWidth: 20) == 1)
        #expect(ChartTicks.labelStep(spacing: 13, labelWidth: 20, gap: 6) == 2)
        #expect(ChartTicks.labelStep(spacing: 5, labelWidth: 30, gap: 8) == 8)
    }
}

struct ChartPaletteTests {
    @Test func isTheOkabeItoPalette() {
        #expect(
            ChartPalette.all == [
                "#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7", "#000000",
            ])
    }

    @Test func rampGetsDarkerAllTheWay() {
        let luminances = stride(from: 0.0, through: 1.0, by: 0.05).map { t -> Double in
            let hex = ChartPalette.ramp(t)
            let value = Int(hex.dropFirst(), radix: 16)!
            return ChartPalette.relativeLuminance(
                (Double(value >> 16 & 0xFF), Double(value >> 8 & 0xFF), Double(value & 0xFF)))
        }
        #expect(zip(luminances.dropFirst(), luminances).allSatisfy { $0 < $1 })
        #expect(ChartPalette.ramp(0.35) == "#56B4E9")
        #expect(ChartPalette.ramp(0.7) == "#0072B2")
        #expect(!ChartPalette.wantsLightText(0) && ChartPalette.wantsLightText(1))
    }
}
