import Foundation
import Testing

@testable import EarnedWeb

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// A parsed SVG element for the chart tests: name, attributes, children and its own text.
final class ChartXMLElement {
    let name: String
    let attributes: [String: String]
    var children: [ChartXMLElement] = []
    var text = ""
    weak var parent: ChartXMLElement?

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// This element and all below it, depth first.
    var all: [ChartXMLElement] { [self] + children.flatMap(\.all) }

    func elements(_ name: String) -> [ChartXMLElement] { all.filter { $0.name == name } }

    /// Elements whose `class` list contains `className`.
    func elements(class className: String) -> [ChartXMLElement] {
        all.filter { ($0.attributes["class"] ?? "").split(separator: " ").contains(Substring(className)) }
    }

    func number(_ attribute: String) -> Double? { attributes[attribute].flatMap(Double.init) }

    /// The element's text without its `<title>` child (what is drawn).
    var drawnText: String { text }

    /// The `<title>` child's text, if any.
    var titleText: String? { children.first { $0.name == "title" }?.text }

    /// Whether an ancestor is `<defs>` (pattern contents live in their own coordinates).
    var isInDefs: Bool {
        var node = parent
        while let current = node {
            if current.name == "defs" { return true }
            node = current.parent
        }
        return false
    }

    /// Inherited presentation attribute.
    func inherited(_ attribute: String) -> String? {
        var node: ChartXMLElement? = self
        while let current = node {
            if let value = current.attributes[attribute] { return value }
            node = current.parent
        }
        return nil
    }
}

/// Parses chart output with `XMLParser` and checks what every chart must hold.
enum ChartXML {
    struct ParseError: Error, CustomStringConvertible {
        var description: String
    }

    private final class Delegate: NSObject, XMLParserDelegate {
        var root: ChartXMLElement?
        var stack: [ChartXMLElement] = []
        var error: Error?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            let element = ChartXMLElement(name: elementName, attributes: attributeDict)
            element.parent = stack.last
            stack.last?.children.append(element)
            if root == nil { root = element }
            stack.append(element)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?
        ) {
            stack.removeLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            stack.last?.text += string
        }

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {
            error = parseError
        }
    }

    /// The parsed root, or an error when the output is not well-formed XML.
    static func parse(_ svg: String) throws -> ChartXMLElement {
        let parser = XMLParser(data: Data(svg.utf8))
        let delegate = Delegate()
        parser.delegate = delegate
        guard parser.parse(), let root = delegate.root else {
            throw ParseError(description: "not well-formed: \(delegate.error.map(String.init(describing:)) ?? "?")")
        }
        return root
    }

    /// viewBox width and height.
    static func size(_ root: ChartXMLElement) -> (width: Double, height: Double) {
        let parts = (root.attributes["viewBox"] ?? "").split(separator: " ").compactMap { Double($0) }
        return parts.count == 4 ? (parts[2], parts[3]) : (0, 0)
    }

    /// Every drawn thing that reaches outside the viewBox, described; empty when all is inside.
    /// Text is measured with the same estimate the charts lay out with.
    static func outside(_ root: ChartXMLElement) -> [String] {
        let (width, height) = size(root)
        var problems: [String] = []
        func check(_ x: Double, _ y: Double, _ what: String) {
            if x < -0.01 || x > width + 0.01 || y < -0.01 || y > height + 0.01 {
                problems.append("\(what) at (\(x), \(y)) outside \(width)×\(height)")
            }
        }
        for element in root.all where !element.isInDefs {
            let n = { (name: String) in element.number(name) ?? 0 }
            switch element.name {
            case "rect":
                check(n("x"), n("y"), "rect")
                check(n("x") + n("width"), n("y") + n("height"), "rect end")
            case "circle":
                check(n("cx") - n("r"), n("cy") - n("r"), "circle")
                check(n("cx") + n("r"), n("cy") + n("r"), "circle")
            case "line":
                check(n("x1"), n("y1"), "line")
                check(n("x2"), n("y2"), "line")
            case "polygon", "polyline":
                for pair in (element.attributes["points"] ?? "").split(separator: " ") {
                    let xy = pair.split(separator: ",").compactMap { Double($0) }
                    if xy.count == 2 { check(xy[0], xy[1], element.name) } else { problems.append("bad points") }
                }
            case "path":
                let numbers = (element.attributes["d"] ?? "").split(whereSeparator: { $0 == " " || $0.isLetter })
                    .compactMap { Double($0) }
                for index in stride(from: 0, to: numbers.count - 1, by: 2) {
                    check(numbers[index], numbers[index + 1], "path")
                }
            case "text":
                let size = Double(element.inherited("font-size") ?? "14") ?? 14
                let bold = element.attributes["font-weight"] == "700"
                let w = ChartText.width(element.drawnText, size: size, bold: bold)
                let x = n("x")
                let left: Double
                switch element.attributes["text-anchor"] ?? "start" {
                case "middle": left = x - w / 2
                case "end": left = x - w
                default: left = x
                }
                check(left, n("y") - size * 0.8, "text '\(element.drawnText)' left/top")
                check(left + w, n("y") + size * 0.25, "text '\(element.drawnText)' right/bottom")
            default:
                break
            }
        }
        return problems
    }

    /// The estimated box of a drawn text element: (left, right).
    static func span(_ element: ChartXMLElement) -> (left: Double, right: Double) {
        let size = Double(element.inherited("font-size") ?? "14") ?? 14
        let w = ChartText.width(element.drawnText, size: size, bold: element.attributes["font-weight"] == "700")
        let x = element.number("x") ?? 0
        switch element.attributes["text-anchor"] ?? "start" {
        case "middle": return (x - w / 2, x + w / 2)
        case "end": return (x - w, x)
        default: return (x, x + w)
        }
    }

    /// The checks every chart's output must pass; returns the root for chart-specific ones.
    @discardableResult
    static func checkCommon(_ svg: String, id: String, kind: String, sourceLocation: SourceLocation = #_sourceLocation)
        throws -> ChartXMLElement
    {
        let root = try parse(svg)
        #expect(root.name == "svg", sourceLocation: sourceLocation)
        #expect(root.attributes["xmlns"] == "http://www.w3.org/2000/svg", sourceLocation: sourceLocation)
        #expect(root.attributes["role"] == "img", sourceLocation: sourceLocation)
        #expect(root.attributes["aria-labelledby"] == "\(id)-title \(id)-desc", sourceLocation: sourceLocation)
        #expect(root.attributes["class"] == "chart chart-\(kind)", sourceLocation: sourceLocation)
        #expect(root.attributes["width"] == nil && root.attributes["height"] == nil, sourceLocation: sourceLocation)
        #expect(root.children.first?.name == "title", sourceLocation: sourceLocation)
        #expect(root.children.first?.attributes["id"] == "\(id)-title", sourceLocation: sourceLocation)
        #expect(root.children.dropFirst().first?.name == "desc", sourceLocation: sourceLocation)
        #expect(root.children.dropFirst().first?.attributes["id"] == "\(id)-desc", sourceLocation: sourceLocation)
        let (width, height) = size(root)
        #expect(width > 0 && height > 0, sourceLocation: sourceLocation)
        #expect(!svg.hasPrefix("<?xml"), sourceLocation: sourceLocation)
        let lowered = svg.lowercased()
        for banned in ["style=", "<style", "<script", "<image", "href=", "<foreignobject"] {
            #expect(!lowered.contains(banned), "output contains \(banned)", sourceLocation: sourceLocation)
        }
        // No non-finite number anywhere: not in attributes, not in drawn or hover text.
        for element in root.all {
            let words = ([element.text] + Array(element.attributes.values)).joined(separator: " ").lowercased()
                .split(whereSeparator: { !$0.isLetter })
            #expect(
                !words.contains { $0 == "nan" || $0 == "inf" || $0 == "infinity" }, "\(element.name): \(words)",
                sourceLocation: sourceLocation)
        }
        // Every url() points at something defined in this SVG under the id prefix.
        let ids = Set(root.all.compactMap { $0.attributes["id"] })
        for element in root.all {
            for value in element.attributes.values where value.hasPrefix("url(") {
                let target = String(value.dropFirst(5).dropLast())
                #expect(ids.contains(target) && target.hasPrefix(id + "-"), "\(value)", sourceLocation: sourceLocation)
            }
        }
        // Coordinates carry at most two decimals.
        let numeric = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height"]
        for element in root.all {
            for name in numeric {
                guard let value = element.attributes[name] else { continue }
                let decimals = value.split(separator: ".").dropFirst().first?.count ?? 0
                #expect(decimals <= 2, "\(name)=\(value)", sourceLocation: sourceLocation)
            }
        }
        let problems = outside(root)
        #expect(problems.isEmpty, "\(problems.prefix(5))", sourceLocation: sourceLocation)
        return root
    }
}
