import EarnedDomain
import EarnedFormats
import EarnedStore
import Foundation

extension ImportPreviewPage {
    var body: HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.previewTitle, subtitle: s.previewHint),
            error.map { H.el("div", [("class", "alert error"), ("role", "alert")], [H.text($0)]) } ?? H.empty,
            status,
            H.el(
                "dl", [("class", "facts card")],
                [
                    H.el("dt", [], [H.text(s.fileLabel)]), H.el("dd", [], [H.text(upload.filename)]),
                    H.el("dt", [], [H.text(s.encodingLabel)]), H.el("dd", [], [H.text(report.encoding)]),
                    H.el("dt", [], [H.text(s.separatorLabel)]),
                    H.el("dd", [], [H.text(s.separatorName(report.separator))]),
                ]),
            H.el(
                "form",
                [
                    ("action", SiteURL.importUpload(upload.id).path), ("method", "post"),
                    ("class", "form import-preview"),
                    ("data-progress", SiteURL.importProgress(upload.id).path),
                ],
                [
                    viewer.csrf.map { H.void("input", [("type", "hidden"), ("name", "_csrf"), ("value", $0)]) }
                        ?? H.empty,
                    columns,
                    sellers,
                    stores,
                    zones,
                    sample,
                    ImportPage.problems(report, s),
                    Forms.checkbox("partial", label: s.partialImport, checked: choices.partial),
                    H.el(
                        "p", [("id", "import-progress"), ("class", "progress"), ("role", "status"), ("hidden", "")],
                        [
                            H.el("progress", [("max", "100"), ("value", "0"), ("aria-label", s.importProgressLabel)]),
                            H.el("span", [], [H.text(s.importWaiting)]),
                        ]),
                    H.div(
                        "form-actions",
                        [
                            H.el(
                                "button",
                                [("type", "submit"), ("name", "action"), ("value", "check"), ("class", "button")],
                                [H.text(s.checkAgain)]),
                            H.el(
                                "button",
                                [
                                    ("type", "submit"), ("name", "action"), ("value", "import"),
                                    ("class", "button primary"),
                                ],
                                [H.text(s.importNow)]),
                        ]),
                ]),
            H.el("script", [("src", SiteURL.importScript.path), ("defer", "")], []),
        ])
    }

    var status: HTMLNode {
        let s = viewer.s
        var lines = [s.wouldImport(created: report.created, updated: report.updated, unchanged: report.unchanged)]
        if report.staffCreated > 0 { lines.append(s.staffWillBeCreated(report.staffCreated)) }
        if report.duplicateSuggestions > 0 { lines.append(s.secondCards(report.duplicateSuggestions)) }
        let ready =
            report.isReady || (choices.partial && report.unmatchedSellers.isEmpty && report.unmatchedStores.isEmpty)
        if !report.unmatchedSellers.isEmpty || !report.unmatchedStores.isEmpty { lines.append(s.chooseForUnmatched) }
        if report.rolledBack { lines.insert(s.importFailed, at: 0) }
        return H.el(
            "div", [("class", ready && !report.rolledBack ? "alert success" : "alert error"), ("role", "status")],
            lines.map { H.p(nil, $0) } + (ready && !report.rolledBack ? [H.p(nil, s.readyToImport)] : []))
    }

    /// The kind's fields a column may go to; empty for kinds whose columns are fixed.
    var fields: [String] {
        switch upload.kind {
        case .customers: ImportRowParser.customerFields
        case .orders, .transactions: ImportRowParser.orderFields
        case .contacts, .surveyAnswers: []
        }
    }

    var columns: HTMLNode {
        let s = viewer.s
        guard !report.columns.isEmpty else { return H.empty }
        let options = [("-", s.ignoredColumn)] + fields.map { ($0, s.importField($0)) }
        return H.group([
            H.h2(s.columnsCaption),
            H.table(
                caption: s.columnsCaption, headers: [s.columnInFile, s.goesTo],
                rows: report.columns.map { column in
                    let id = "column-\(column.index)"
                    let choice: HTMLNode =
                        fields.isEmpty
                        ? H.text(column.field.map(s.importField) ?? s.notRecognised)
                        : H.group([
                            H.el(
                                "select",
                                [("id", id), ("name", "column.\(column.index)"), ("aria-label", column.header)],
                                options.map { value, label in
                                    H.el(
                                        "option",
                                        [("value", value), ("selected", value == (column.field ?? "-") ? "" : nil)],
                                        [H.text(label)])
                                }),
                            column.field == nil && !column.skipped ? H.p("hint", s.notRecognised) : H.empty,
                        ])
                    return [H.el("label", [("for", id)], [H.text(column.header)]), choice]
                }),
        ])
    }

    var sellers: HTMLNode {
        let s = viewer.s
        let people = staff.sorted { $0.name < $1.name }.map {
            ("staff:" + $0.id.rawValue.uuidString.lowercased(), $0.name)
        }
        return nameChoices(
            "seller", title: s.unmatchedSellersTitle, open: report.unmatchedSellers,
            chosen: choices.sellers.keys.sorted(), value: { ImportChoices.value(choices.sellers[$0]) },
            options: [("", s.chooseOne)] + people + [("create", s.createStaffChoice), ("empty", s.leaveEmptyChoice)])
    }

    var stores: HTMLNode {
        let s = viewer.s
        let places = viewer.locations.map { ("location:" + $0.id.rawValue.uuidString.lowercased(), $0.name) }
        return nameChoices(
            "store", title: s.unmatchedStoresTitle, open: report.unmatchedStores,
            chosen: choices.stores.keys.sorted(), value: { ImportChoices.value(choices.stores[$0]) },
            options: [("", s.chooseOne)] + places + [("empty", s.leaveEmptyChoice)])
    }

    /// A table of names with a choice each: the unknown ones, then the ones already chosen for
    /// (so a choice can be changed). Each row posts `<prefix>.N` with `<prefix>-key.N` and
    /// `<prefix>-name.N`.
    func nameChoices(
        _ prefix: String, title: String, open: [UnmatchedName], chosen: [String], value: (String) -> String,
        options: [(String, String)]
    ) -> HTMLNode {
        let s = viewer.s
        let rows =
            open.map { ($0.key, $0.name, "\(s.onLines($0.lines)), \(s.firstOnLine($0.firstLine))") }
            + chosen.map { ($0, choices.names[$0] ?? $0, "") }
        guard !rows.isEmpty else { return H.empty }
        return H.group([
            H.h2(title),
            H.table(
                caption: title, headers: [s.nameInFile, s.whatToDo],
                rows: rows.enumerated().map { index, item in
                    let (key, name, note) = item
                    return [
                        H.group([
                            H.el("label", [("for", "\(prefix)-\(index)")], [H.text(name)]),
                            note.isEmpty ? H.empty : H.p("hint", note),
                        ]),
                        H.group([
                            hidden("\(prefix)-key.\(index)", key), hidden("\(prefix)-name.\(index)", name),
                            select(
                                "\(prefix).\(index)", id: "\(prefix)-\(index)", options: options, selected: value(key)),
                        ]),
                    ]
                }),
        ])
    }

    var zones: HTMLNode {
        guard !report.zones.isEmpty else { return H.empty }
        return H.el("ul", [("class", "zones")], report.zones.map { H.el("li", [], [H.text(viewer.s.zoneUse($0))]) })
    }

    var sample: HTMLNode {
        let s = viewer.s
        guard let first = report.sample.first else { return H.empty }
        let fields = first.values.map(\.field)
        return H.group([
            H.h2(s.sampleCaption),
            H.table(
                caption: s.sampleCaption, headers: [s.line] + fields.map(s.importField),
                rows: report.sample.map { row in
                    [H.text("\(row.line)")]
                        + fields.map { field in H.text(row.values.first { $0.field == field }?.value ?? "") }
                },
                numeric: [0]),
        ])
    }

    func hidden(_ name: String, _ value: String) -> HTMLNode {
        H.void("input", [("type", "hidden"), ("name", name), ("value", value)])
    }

    func select(_ name: String, id: String, options: [(String, String)], selected: String) -> HTMLNode {
        H.el(
            "select", [("id", id), ("name", name)],
            options.map { value, label in
                H.el("option", [("value", value), ("selected", value == selected ? "" : nil)], [H.text(label)])
            })
    }
}
