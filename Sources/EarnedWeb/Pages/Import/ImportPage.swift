import EarnedDomain
import EarnedFormats

/// The import's first step: what the file holds, and the file.
struct ImportPage {
    var viewer: ViewerContext
    var kind: ImportKind
    var error: String?

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

/// What an import did.
struct ImportDonePage {
    var viewer: ViewerContext
    var kind: ImportKind
    var report: ImportReport

    var body: HTMLNode {
        let s = viewer.s
        let summary = s.importDone(
            created: report.created, updated: report.updated, unchanged: report.unchanged, skipped: report.skipped)
        return H.group([
            Layout.pageHead(s.importTitle),
            H.el("div", [("class", "alert success"), ("role", "status")], [H.text(summary)]),
            report.staffCreated > 0 ? H.p(nil, s.staffCreated(report.staffCreated)) : H.empty,
            report.duplicateSuggestions > 0
                ? H.el(
                    "p", [],
                    [
                        H.text(s.duplicatesToReview(report.duplicateSuggestions) + " "),
                        H.a(SiteURL.customerDuplicates().path, s.reviewDuplicates),
                    ]) : H.empty,
            ImportPage.problems(report, s),
            H.el("p", [], [H.a(SiteURL.importData.path, s.importTitle, cls: "button")]),
        ])
    }
}
