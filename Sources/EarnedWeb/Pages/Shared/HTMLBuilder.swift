import Plot

/// A node of a page's body.
typealias HTMLNode = Node<HTML.BodyContext>

/// The one door between user text and HTML: every text and attribute value is escaped here, in
/// full (Plot leaves attribute values and character references as they are).
enum H {
    /// Escapes `& < > " '` for HTML5 and XML alike, and drops the characters XML 1.0 forbids (C0
    /// controls other than tab and line breaks, U+FFFE, U+FFFF), so a stray control character in
    /// a customer's name can break neither a page nor the SVG charts, which escape here too.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                let v = scalar.value
                if v < 0x20 || v == 0xFFFE || v == 0xFFFF { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func text(_ text: String) -> HTMLNode { .raw(escape(text)) }

    /// An element with escaped attributes; a nil attribute value leaves the attribute out, an
    /// empty one writes it bare (`required`, `checked`).
    static func el(_ name: String, _ attributes: [(String, String?)] = [], _ children: [HTMLNode] = []) -> HTMLNode {
        var nodes: [HTMLNode] = []
        for (key, value) in attributes {
            guard let value else { continue }
            nodes.append(value.isEmpty ? .attribute(named: key) : .attribute(named: key, value: escape(value)))
        }
        return .element(named: name, nodes: nodes + children)
    }

    static func void(_ name: String, _ attributes: [(String, String?)]) -> HTMLNode {
        var list: [Attribute<HTML.BodyContext>] = []
        for (key, value) in attributes {
            guard let value else { continue }
            list.append(Attribute(name: key, value: value.isEmpty ? nil : escape(value), ignoreIfValueIsEmpty: false))
        }
        return .selfClosedElement(named: name, attributes: list)
    }

    static func div(_ cls: String? = nil, _ children: [HTMLNode]) -> HTMLNode { el("div", [("class", cls)], children) }
    static func p(_ cls: String? = nil, _ text: String) -> HTMLNode { el("p", [("class", cls)], [H.text(text)]) }
    static func span(_ cls: String? = nil, _ text: String) -> HTMLNode { el("span", [("class", cls)], [H.text(text)]) }
    static func a(_ href: String, _ text: String, cls: String? = nil) -> HTMLNode {
        el("a", [("href", href), ("class", cls)], [H.text(text)])
    }
    static func h1(_ text: String) -> HTMLNode { el("h1", [], [H.text(text)]) }
    static func h2(_ text: String) -> HTMLNode { el("h2", [], [H.text(text)]) }
    static func h3(_ text: String) -> HTMLNode { el("h3", [], [H.text(text)]) }
    static func group(_ nodes: [HTMLNode]) -> HTMLNode { .group(nodes) }
    static var empty: HTMLNode { .group([]) }

    /// A labelled table whose rows become stacked cards on a phone (labels from `data-label`).
    static func table(caption: String? = nil, headers: [String], rows: [[HTMLNode]], numeric: Set<Int> = []) -> HTMLNode
    {
        el(
            "div", [("class", "table-scroll")],
            [
                el(
                    "table", [("class", "cards")],
                    [
                        caption.map { el("caption", [("class", "sr-only")], [H.text($0)]) } ?? .group([]),
                        el(
                            "thead", [],
                            [
                                el(
                                    "tr", [],
                                    headers.enumerated().map {
                                        el(
                                            "th",
                                            [("scope", "col"), ("class", numeric.contains($0.offset) ? "num" : nil)],
                                            [H.text($0.element)])
                                    })
                            ]),
                        el(
                            "tbody", [],
                            rows.map { row in
                                el(
                                    "tr", [],
                                    row.enumerated().map { index, cell in
                                        el(
                                            "td",
                                            [
                                                ("data-label", index < headers.count ? headers[index] : nil),
                                                ("class", numeric.contains(index) ? "num" : nil),
                                            ], [cell])
                                    })
                            }),
                    ])
            ])
    }

    /// A small coloured label with a word, never colour alone.
    static func badge(_ text: String, tone: String) -> HTMLNode { span("badge badge-\(tone)", text) }
}
