import Foundation

/// The pieces every chart shares: escaping, short numbers, the root element, text and the empty state.
///
/// Everything is written with presentation attributes only: the site's Content-Security-Policy
/// (`style-src 'self'`) would block `style` attributes and `<style>` elements in an inline SVG.
enum ChartSVG {
    static let ink = "#1F2328"
    static let muted = "#57606A"
    static let grid = "#D0D7DE"
    static let fontFamily = "system-ui, -apple-system, Segoe UI, Roboto, sans-serif"
    /// Body text in viewBox units; the charts choose viewBoxes of 360–640 units so this stays
    /// at least 13 px at a 350 px wide phone column when the page asks for a 360-unit chart.
    static let fontSize = 14.0
    static let smallFontSize = 13.0

    /// A coordinate with at most two decimals and no trailing zeros ("12", "12.5", "-0.25").
    /// Non-finite input never reaches here in practice; it is written as 0 rather than "nan".
    static func num(_ x: Double) -> String {
        guard x.isFinite else { return "0" }
        let hundredths = (min(max(x, -1e12), 1e12) * 100).rounded()
        if hundredths == 0 { return "0" }
        let magnitude = Int64(abs(hundredths))
        var s = hundredths < 0 ? "-" : ""
        s += String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            s += fraction % 10 == 0 ? ".\(fraction / 10)" : (fraction < 10 ? ".0\(fraction)" : ".\(fraction)")
        }
        return s
    }

    /// Keeps an id prefix to letters, digits, `-` and `_` so it is safe in attributes and `url(#…)`.
    static func safeID(_ id: String) -> String {
        let cleaned = String(
            id.unicodeScalars.map { scalar -> Character in
                let ok =
                    ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
                    || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_"
                return ok ? Character(scalar) : "-"
            })
        return cleaned.isEmpty ? "chart" : cleaned
    }

    /// The root element's opening tag followed by `<title>` and `<desc>`.
    static func open(
        id: String, kind: String, width: Double, height: Double, title: String, summary: String
    ) -> String {
        let id = safeID(id)
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(num(width)) \(num(height))\""
            + " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" class=\"chart chart-\(kind)\""
            + " font-family=\"\(fontFamily)\" font-size=\"\(num(fontSize))\">"
            + "<title id=\"\(id)-title\">\(H.escape(title))</title>"
            + "<desc id=\"\(id)-desc\">\(H.escape(summary))</desc>"
    }

    static let close = "</svg>"

    /// A whole chart saying there is nothing to draw yet, in the caller's words.
    static func empty(
        id: String, kind: String, width: Double, height: Double, title: String, summary: String,
        text: String, size: Double = fontSize
    ) -> String {
        var out = open(id: id, kind: kind, width: width, height: height, title: title, summary: summary)
        out += "<rect class=\"empty\" x=\"0.5\" y=\"0.5\" width=\"\(num(width - 1))\" height=\"\(num(height - 1))\""
        out += " rx=\"4\" fill=\"#F6F8FA\" stroke=\"\(grid)\"/>"
        let lines = ChartText.wrap(text, maxWidth: width - 16, size: size, maxLines: height >= 2.8 * size ? 2 : 1)
        let lineHeight = size * 1.25
        let top = height / 2 - lineHeight * Double(lines.count - 1) / 2
        let shortened = ChartText.wasShortened(text, into: lines)
        for (index, line) in lines.enumerated() {
            out += self.text(
                line, x: width / 2, y: top + lineHeight * Double(index), size: size, anchor: "middle",
                fill: muted, className: "empty-text", fullText: shortened && index == lines.count - 1 ? text : nil)
        }
        return out + close
    }

    /// A `<text>` element centred vertically on `y` (baseline placed by hand: `dominant-baseline`
    /// is uneven across browsers). `fullText` adds a `<title>` child shown on hover when the
    /// visible text was shortened; `halo` outlines the glyphs in white so the text stays readable
    /// where it crosses a line.
    static func text(
        _ content: String, x: Double, y: Double, size: Double = fontSize, anchor: String = "start",
        weight: String? = nil, fill: String = ink, className: String? = nil, fullText: String? = nil,
        halo: Bool = false
    ) -> String {
        var out = "<text"
        if let className { out += " class=\"\(className)\"" }
        out += " x=\"\(num(x))\" y=\"\(num(y + size * 0.35))\""
        if size != fontSize { out += " font-size=\"\(num(size))\"" }
        if anchor != "start" { out += " text-anchor=\"\(anchor)\"" }
        if let weight { out += " font-weight=\"\(weight)\"" }
        out += " fill=\"\(fill)\""
        if halo { out += " stroke=\"#FFFFFF\" stroke-width=\"3\" stroke-linejoin=\"round\" paint-order=\"stroke\"" }
        out += ">"
        if let fullText { out += "<title>\(H.escape(fullText))</title>" }
        return out + H.escape(content) + "</text>"
    }

    /// A straight line.
    static func line(
        x1: Double, y1: Double, x2: Double, y2: Double, stroke: String, width: Double = 1,
        dash: String? = nil, className: String? = nil, extra: String = ""
    ) -> String {
        var out = "<line"
        if let className { out += " class=\"\(className)\"" }
        out += " x1=\"\(num(x1))\" y1=\"\(num(y1))\" x2=\"\(num(x2))\" y2=\"\(num(y2))\""
        out += " stroke=\"\(stroke)\" stroke-width=\"\(num(width))\""
        if let dash { out += " stroke-dasharray=\"\(dash)\"" }
        return out + extra + "/>"
    }

    /// A diagonal hatch pattern: `background` (or nothing) crossed by thin `stroke` lines.
    static func hatch(
        id: String, background: String?, stroke: String, strokeOpacity: Double = 1, spacing: Double = 6,
        strokeWidth: Double = 1
    ) -> String {
        var out = "<pattern id=\"\(id)\" patternUnits=\"userSpaceOnUse\" width=\"\(num(spacing))\""
        out += " height=\"\(num(spacing))\" patternTransform=\"rotate(45)\">"
        if let background {
            out += "<rect width=\"\(num(spacing))\" height=\"\(num(spacing))\" fill=\"\(background)\"/>"
        }
        out += "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"\(num(spacing))\" stroke=\"\(stroke)\""
        out += " stroke-width=\"\(num(strokeWidth))\""
        if strokeOpacity < 1 { out += " stroke-opacity=\"\(num(strokeOpacity))\"" }
        return out + "/></pattern>"
    }
}
