import EarnedDomain
import EarnedStore
import Foundation

extension AuditPage {
    var body: HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.auditTitle),
            filters,
            errors.isEmpty
                ? H.empty
                : H.el("div", [("class", "alert error"), ("role", "alert")], [H.text(errors.joined(separator: " "))]),
            entries.isEmpty
                ? H.p("empty", cursor == nil && query.filter == AuditFilter() ? s.noAudit : s.auditNoMatches)
                : Self.table(entries, viewer: viewer, names: names).html(
                    exportHref: query.url(export: true), exportLabel: s.auditExport),
            H.el(
                "nav", [("class", "pager"), ("aria-label", s.pages)],
                [
                    cursor == nil ? H.empty : H.a(query.url(), s.firstPage, cls: "button"),
                    nextCursor.map { H.a(query.url(cursor: $0), s.nextPage, cls: "button") } ?? H.empty,
                ]),
        ])
    }

    var filters: HTMLNode {
        let s = viewer.s
        return H.el(
            "form", [("class", "filters"), ("method", "get"), ("action", SiteURL.audit.path)],
            [
                Forms.select(
                    "person", label: s.auditPerson, options: staff.map { ($0.id.description, $0.name) },
                    selected: query.filter.staffID?.description, errors: [], s: s, includeBlank: s.auditAnyone),
                Forms.select(
                    "kind", label: s.auditKind,
                    options: AuditEntry.Action.allCases.map { ($0.rawValue, s.auditAction($0)) },
                    selected: query.filter.action?.rawValue, errors: [], s: s, includeBlank: s.auditAnyKind),
                Forms.field("from", label: s.auditFrom, value: query.from, type: "date", errors: [], s: s),
                Forms.field("to", label: s.auditTo, value: query.to, type: "date", errors: [], s: s),
                Forms.submit(s.auditShow, cls: "button"),
            ])
    }
}
