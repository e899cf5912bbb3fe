import EarnedDomain
import EarnedStore
import Vapor

/// The upload page: choose the kind, optionally map columns, get a report per line.
struct ImportController {
    struct Upload: Content {
        var kind: String?
        var file: File?
        var mapping: String?
        var partial: String?
    }

    func show(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .importData)
        return Layout.response(
            ImportPage(viewer: viewer, kind: .customers, mapping: "", report: nil, error: nil).body,
            title: viewer.s.importTitle, request: req)
    }

    func upload(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .importData)
        let upload = try req.content.decode(Upload.self)
        let kind = ImportKind(rawValue: upload.kind ?? "") ?? .customers
        let mappingText = upload.mapping ?? ""
        func fail(_ message: String) -> Response {
            Layout.response(
                ImportPage(viewer: viewer, kind: kind, mapping: mappingText, report: nil, error: message).body,
                title: viewer.s.importTitle, request: req, status: .unprocessableEntity)
        }
        guard let file = upload.file, file.data.readableBytes > 0 else {
            return fail(viewer.s.file + ": " + viewer.s.fieldError(FieldError(field: "file", code: .required)))
        }
        let overrides: [CSVColumnOverride]
        do {
            overrides = try CSVColumnOverride.parse(CustomerForm.Values.lines(mappingText))
        } catch {
            return fail(viewer.s.mapping + ": " + error.description)
        }
        var buffer = file.data
        let data = buffer.readData(length: buffer.readableBytes) ?? Data()
        let options = Importer.Options(
            kind: kind, overrides: overrides, partial: upload.partial == "true", timeZone: viewer.zone,
            currency: req.config.defaultCurrency)
        let report = try await Importer(db: req.database).run(
            records: CSVRecordStream(data: data), options: options, actor: viewer.staff, now: req.now)
        req.application.earnedMetrics.imported(report, kind: kind)
        let page = ImportPage(viewer: viewer, kind: kind, mapping: mappingText, report: report, error: nil)
        return Layout.response(
            page.body, title: viewer.s.importTitle, request: req, status: report.rolledBack ? .unprocessableEntity : .ok
        )
    }
}

struct ImportPage {
    var viewer: ViewerContext
    var kind: ImportKind
    var mapping: String
    var report: ImportReport?
    var error: String?

    var body: HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.importTitle, subtitle: s.importHint),
            error.map { H.el("div", [("class", "alert error"), ("role", "alert")], [H.text($0)]) } ?? H.empty,
            report.map(result) ?? H.empty,
            Forms.form(
                action: SiteURL.importData.path, csrf: viewer.csrf, cls: "card form", multipart: true,
                [
                    Forms.select(
                        "kind", label: s.importWhat,
                        options: [
                            ("customers", s.importCustomers), ("orders", s.importOrders),
                            ("transactions", s.importTransactions), ("contacts", s.importContacts),
                            ("survey-answers", s.importSurveyAnswers),
                        ],
                        selected: kind.rawValue, errors: [], s: s),
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
                    H.el(
                        "details", [("class", "more")],
                        [
                            H.el("summary", [], [H.text(s.mapping)]),
                            Forms.textarea(
                                "mapping", label: s.mapping, value: mapping, hint: s.mappingHint, rows: 3, errors: [],
                                s: s),
                            Forms.checkbox("partial", label: s.partialImport, checked: false),
                        ]),
                    H.div("form-actions", [Forms.submit(s.importButton)]),
                ]),
        ])
    }

    func result(_ report: ImportReport) -> HTMLNode {
        let s = viewer.s
        let summary = s.importDone(
            created: report.created, updated: report.updated, unchanged: report.unchanged, skipped: report.skipped)
        return H.group([
            report.rolledBack
                ? H.el("div", [("class", "alert error"), ("role", "alert")], [H.text(s.importFailed)])
                : H.el("div", [("class", "alert success"), ("role", "status")], [H.text(summary)]),
            report.problems.isEmpty
                ? H.empty
                : H.table(
                    caption: s.problem, headers: [s.line, s.column, s.problem],
                    rows: report.problems.prefix(500).map { p in
                        [H.text("\(p.line)"), H.text(p.column ?? s.none), H.text(s.importProblem(p.why))]
                    },
                    numeric: [0]),
        ])
    }
}
