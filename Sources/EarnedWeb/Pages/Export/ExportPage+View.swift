import EarnedDomain
import EarnedServices

extension ExportPage {
    var body: HTMLNode {
        let s = viewer.s
        let dialect = params.dialect ?? Self.defaultDialect(viewer.lang).rawValue
        var fields: [HTMLNode] = [
            Forms.select(
                "kind", label: s.exportWhat, options: ExportKind.allCases.map { ($0.rawValue, s.exportKind($0)) },
                selected: params.kind ?? ExportKind.customers.rawValue, errors: errors, s: s),
            Forms.select(
                "dialect", label: s.exportDialect,
                options: [ExportDialect.excel, .comma].map { ($0.rawValue, s.exportDialectName($0)) },
                selected: dialect, errors: errors, s: s),
            H.p("hint", s.exportPeriodHint),
            Forms.field("from", label: s.periodFrom, value: params.from, type: "date", errors: errors, s: s),
            Forms.field("to", label: s.periodTo, value: params.to, type: "date", errors: errors, s: s),
        ]
        if viewer.locations.count > 1 || Forms.hasError("location", errors) {
            fields.append(
                Forms.select(
                    "location", label: s.location, options: viewer.locationOptions, selected: params.location,
                    errors: errors, s: s, includeBlank: s.allLocations))
        }
        return H.group([
            Layout.pageHead(s.exportTitle, subtitle: s.exportHint),
            Forms.summary(errors, s),
            Forms.form(
                action: SiteURL.exportData().path, csrf: nil, method: "get", cls: "card form",
                fields + [
                    H.p("hint", s.exportFormHint),
                    H.div("form-actions", [Forms.submit(s.exportButton)]),
                ]),
        ])
    }
}
