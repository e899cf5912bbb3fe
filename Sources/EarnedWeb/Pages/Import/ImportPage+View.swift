import EarnedDomain
import EarnedFormats

extension ImportPage {
    var body: HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.importTitle, subtitle: s.importHint),
            error.map { H.el("div", [("class", "alert error"), ("role", "alert")], [H.text($0)]) } ?? H.empty,
            Forms.form(
                action: SiteURL.importData.path, csrf: viewer.csrf, cls: "card form", multipart: true,
                [
                    Forms.select(
                        "kind", label: s.importWhat, options: Self.kinds(s), selected: kind.rawValue, errors: [], s: s),
                    H.div(
                        "field",
                        [
                            H.el("label", [("for", "file")], [H.text(s.file)]),
                            H.void(
                                "input",
                                [
                                    ("type", "file"), ("id", "file"), ("name", "file"),
                                    ("accept", ".csv,.txt,text/csv,text/plain"), ("required", ""),
                                ]),
                        ]),
                    H.div("form-actions", [Forms.submit(s.previewButton)]),
                ]),
        ])
    }

    static func kinds(_ s: Strings) -> [(value: String, label: String)] {
        [
            ("customers", s.importCustomers), ("orders", s.importOrders), ("transactions", s.importTransactions),
            ("contacts", s.importContacts), ("survey-answers", s.importSurveyAnswers),
        ]
    }

    /// The problems of a report as a table (the first 500).
    static func problems(_ report: ImportReport, _ s: Strings) -> HTMLNode {
        guard !report.problems.isEmpty else { return H.empty }
        return H.group([
            H.el("h2", [("id", "problems")], [H.text(s.problem + ": " + s.problemsFound(report.problems.count))]),
            H.table(
                caption: s.problem, headers: [s.line, s.column, s.problem],
                rows: report.problems.prefix(500).map { p in
                    [H.text("\(p.line)"), H.text(p.column ?? s.none), H.text(s.importProblem(p.why))]
                },
                numeric: [0]),
        ])
    }
}
