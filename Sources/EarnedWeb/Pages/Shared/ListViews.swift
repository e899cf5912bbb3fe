import EarnedDomain
import Plot
import Vapor

/// The pieces every filtered list shares: the filter form (a GET, so the view is an address
/// that can be kept and sent), how many were found, the pager, and the view as CSV.
enum ListViews {
    /// One select of the filter form.
    struct Choice {
        var name: String
        var label: String
        var options: [(value: String, label: String)]
        var selected: String?
        /// The first option, meaning "any"; nil where the list always has one chosen.
        var any: String?
    }

    static func filters(
        action: String, params: ListParams, choices: [Choice], dates: Bool, searchLabel: String?,
        errors: [FieldError], s: Strings, hidden: [(String, String)] = []
    ) -> HTMLNode {
        var fields: [HTMLNode] = hidden.map { Forms.hidden($0.0, $0.1) }
        fields += choices.map { choice in
            Forms.select(
                choice.name, label: choice.label, options: choice.options, selected: choice.selected, errors: errors,
                s: s, includeBlank: choice.any, id: "filter-\(choice.name)")
        }
        if dates {
            fields.append(
                Forms.field(
                    "from", label: s.periodFrom, value: params.from, type: "date", errors: errors, s: s,
                    id: "filter-from"))
            fields.append(
                Forms.field(
                    "to", label: s.periodTo, value: params.to, type: "date", errors: errors, s: s, id: "filter-to"))
        }
        if let searchLabel {
            fields.append(
                Forms.field(
                    "q", label: searchLabel, value: params.q, type: "search", errors: errors, s: s, id: "filter-q"))
        }
        return H.el(
            "form", [("class", "filters list-filters"), ("method", "get"), ("action", action)],
            fields + [
                H.div(
                    "form-actions",
                    [
                        Forms.submit(s.showList, cls: "button primary"),
                        H.a(action, s.resetFilters, cls: "button subtle"),
                    ])
            ])
    }

    /// "N found" (or "more than N found" where the list stopped counting), and the view as
    /// CSV in either dialect.
    static func summary(total: Int?, orMore: Bool, excel: String, comma: String, s: Strings) -> HTMLNode {
        H.div(
            "list-summary",
            [
                total.map { H.p("count", orMore ? s.foundMoreThan($0) : s.foundCount($0)) } ?? H.empty,
                H.el(
                    "p", [("class", "export")],
                    [
                        H.a(excel, s.csvExcel), H.text(" · "), H.a(comma, s.csvComma),
                    ]),
            ])
    }

    static func pager(first: String?, next: String?, s: Strings) -> HTMLNode {
        guard first != nil || next != nil else { return H.empty }
        return H.el(
            "nav", [("class", "pager"), ("aria-label", s.pages)],
            [
                first.map { H.a($0, s.firstPage, cls: "button") } ?? H.empty,
                next.map { H.a($0, s.nextPage, cls: "button") } ?? H.empty,
            ])
    }

    /// The most rows one CSV of a list carries.
    static let csvLimit = 50_000

    /// Every page of a list from the first, up to `csvLimit` rows: what the CSV of a view holds.
    static func everyPage<Item: Sendable>(_ page: (_ cursor: String?) async throws -> ResultPage<Item>)
        async throws -> [Item]
    {
        var items: [Item] = []
        var cursor: String?
        repeat {
            let next = try await page(cursor)
            items += next.items
            cursor = next.nextCursor
        } while cursor != nil && items.count < csvLimit
        return items
    }

    /// A list's rows as a CSV download in the reader's dialect.
    static func csv(
        headers: [String], rows: [[String]], numeric: Set<Int> = [], dialect: String?, filename: String
    ) -> Response {
        let table = DataTable(
            id: filename, caption: filename, headers: headers, rows: rows.map { $0.map { DataTable.Cell($0) } },
            numeric: numeric, separator: dialect == "comma" ? "," : ";")
        return table.response(filename: "earned")
    }
}
