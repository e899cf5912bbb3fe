import EarnedDomain
import EarnedFormats
import Vapor

/// A table of figures a dashboard shows, that also downloads as CSV: the page lists it as HTML
/// (stacked cards on a phone) and answers `?export=<id>` with the same rows as a CSV file.
struct DataTable: Sendable {
    /// One cell: the text (what the CSV holds) and, optionally, a link on the page.
    struct Cell: Sendable {
        var text: String
        var href: String?
        /// A status label's tone ("good", "bad"…), drawn as a badge with the text.
        var tone: String?

        init(_ text: String, href: String? = nil, tone: String? = nil) {
            self.text = text
            self.href = href
            self.tone = tone
        }
    }

    var id: String
    var caption: String
    var headers: [String]
    var rows: [[Cell]]
    /// Columns holding numbers (right-aligned, tabular figures).
    var numeric: Set<Int> = []
    /// The CSV's field separator: ";" is what a spreadsheet set to Russian opens in columns.
    var separator: Character = ","

    /// The table on the page, with its caption for screen readers and a CSV download link.
    /// Without `exportHref` the download link is left out.
    func html(exportHref: String?, exportLabel: String, visibleCaption: Bool = false) -> HTMLNode {
        H.group([
            visibleCaption ? H.p("table-caption", caption) : H.empty,
            H.table(
                caption: caption, headers: headers,
                rows: rows.map { row in
                    row.map { cell in
                        if let tone = cell.tone { return H.badge(cell.text, tone: tone) }
                        if let href = cell.href { return H.a(href, cell.text) }
                        return H.text(cell.text)
                    }
                }, numeric: numeric),
            exportHref.map { H.el("p", [("class", "export")], [H.a($0, exportLabel)]) } ?? H.empty,
        ])
    }

    /// The table as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet programs read
    /// Cyrillic), written by the domain's one ``CSVWriter``: numeric columns are declared as
    /// numbers, so a cell that a spreadsheet would run as a formula is prefixed with "'" in any
    /// other column, and a negative figure in a numeric one stays a number.
    var csv: String {
        let writer = CSVWriter(
            separator: separator, kinds: headers.indices.map { numeric.contains($0) ? .number : .text })
        return "\u{FEFF}" + writer.document(headers: headers, rows: rows.map { $0.map(\.text) })
    }

    /// The CSV download of this table.
    func response(filename: String) -> Response {
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .contentDisposition, value: "attachment; filename=\"\(filename)-\(id).csv\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(string: csv))
    }
}
