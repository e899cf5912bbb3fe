import EarnedDomain
import EarnedStore
import Vapor

/// The owner's audit log: who created, changed, merged, erased or deleted what, who signed in
/// and out, and when; filtered by person, kind and dates, paged, and downloadable as CSV
/// (semicolon-separated, as a spreadsheet set to Russian opens it).
struct AuditController {
    static let pageSize = 50

    /// The filters as the query string gives them, and the errors of the ones that do not read.
    struct Query {
        var person: String?
        var kind: String?
        var from: String?
        var to: String?
        var filter = AuditFilter()
        var errors: [String] = []

        init(_ req: Request, zone: TimeZone, s: Strings) {
            person = req.query[String.self, at: "person"]?.trimmingCharacters(in: .whitespaces)
            kind = req.query[String.self, at: "kind"]?.trimmingCharacters(in: .whitespaces)
            from = req.query[String.self, at: "from"]?.trimmingCharacters(in: .whitespaces)
            to = req.query[String.self, at: "to"]?.trimmingCharacters(in: .whitespaces)
            var filter = AuditFilter()
            if let person, !person.isEmpty { filter.staffID = StaffID(string: person) }
            if let kind, !kind.isEmpty { filter.action = AuditEntry.Action(rawValue: kind) }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            var errors: [String] = []
            /// The start of a YYYY-MM-DD day in the viewer's zone.
            func day(_ text: String?, label: String) -> Date? {
                guard let text, !text.isEmpty else { return nil }
                guard let local = LocalDate(iso: text), let year = local.year,
                    let date = calendar.date(from: DateComponents(year: year, month: local.month, day: local.day))
                else {
                    errors.append(s.auditBadDate(label))
                    return nil
                }
                return date
            }
            filter.from = day(from, label: s.auditFrom)
            filter.until = day(to, label: s.auditTo).flatMap { calendar.date(byAdding: .day, value: 1, to: $0) }
            self.filter = filter
            self.errors = errors
        }

        func url(cursor: String? = nil, export: Bool = false) -> String {
            SiteURL.auditSearch(
                person: filter.staffID?.rawValue, kind: filter.action?.rawValue, from: from, to: to, cursor: cursor,
                export: export
            ).path
        }
    }

    func list(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .viewAuditLog)
        let s = viewer.s
        let query = Query(req, zone: viewer.zone, s: s)
        let staff = try await req.staffAccounts.list(actor: viewer.staff)
        let names = Dictionary(uniqueKeysWithValues: staff.map { ($0.id, $0.name) })
        if req.query[String.self, at: "export"] == "csv", query.errors.isEmpty {
            return try await export(req, viewer: viewer, query: query, names: names)
        }
        let cursor = req.query[String.self, at: "cursor"]
        var page = ResultPage<AuditEntry>(items: [], nextCursor: nil)
        var errors = query.errors
        if errors.isEmpty {
            do {
                page = try await req.audit.search(query.filter, by: viewer.staff, cursor: cursor, limit: Self.pageSize)
            } catch DomainError.invalid {
                errors.append(s.badRequestTitle)
            }
        }
        let body = H.group([
            Layout.pageHead(s.auditTitle),
            filters(viewer, query: query, staff: staff),
            errors.isEmpty
                ? H.empty
                : H.el("div", [("class", "alert error"), ("role", "alert")], [H.text(errors.joined(separator: " "))]),
            page.items.isEmpty
                ? H.p("empty", cursor == nil && query.filter == AuditFilter() ? s.noAudit : s.auditNoMatches)
                : table(page.items, viewer: viewer, names: names).html(
                    exportHref: query.url(export: true), exportLabel: s.auditExport),
            H.el(
                "nav", [("class", "pager"), ("aria-label", s.pages)],
                [
                    cursor == nil ? H.empty : H.a(query.url(), s.firstPage, cls: "button"),
                    page.nextCursor.map { H.a(query.url(cursor: $0), s.nextPage, cls: "button") } ?? H.empty,
                ]),
        ])
        return Layout.response(
            body, title: s.auditTitle, request: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func filters(_ viewer: ViewerContext, query: Query, staff: [Staff]) -> HTMLNode {
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

    /// The entries as a table; for the CSV, times as "2026-11-18 14:06:40" in the viewer's zone,
    /// which a spreadsheet reads as a date in any language.
    func table(_ entries: [AuditEntry], viewer: ViewerContext, names: [StaffID: String], csv: Bool = false)
        -> DataTable
    {
        let s = viewer.s
        let stamp = DateFormatter()
        stamp.locale = Locale(identifier: "en_US_POSIX")
        stamp.timeZone = viewer.zone
        stamp.dateFormat = "yyyy-MM-dd HH:mm:ss"
        return DataTable(
            id: "audit", caption: s.auditTitle, headers: [s.when, s.who, s.action, s.what, "id"],
            rows: entries.map { entry in
                [
                    .init(csv ? stamp.string(from: entry.at) : viewer.dateTime(entry.at)),
                    .init(entry.actorID.map { names[$0] ?? $0.description } ?? s.system),
                    .init(s.auditAction(entry.action)),
                    .init(
                        "\(subject(entry, names: names)) · \(entry.summary)",
                        href: entry.entity == "customer" ? SiteURL.customer(entry.entityID).path : nil),
                    .init(entry.entityID.uuidString.lowercased()),
                ]
            }, separator: ";")
    }

    /// What an entry is about: a person's name for their account's entries, else the kind of record.
    func subject(_ entry: AuditEntry, names: [StaffID: String]) -> String {
        guard entry.entity == "staff", let name = names[StaffID(entry.entityID)] else { return entry.entity }
        return name
    }

    /// Every entry the filters pick, not only one page.
    func export(_ req: Request, viewer: ViewerContext, query: Query, names: [StaffID: String]) async throws
        -> Response
    {
        var entries: [AuditEntry] = []
        var cursor: String?
        repeat {
            let page = try await req.audit.search(query.filter, by: viewer.staff, cursor: cursor, limit: 1000)
            entries += page.items
            cursor = page.nextCursor
        } while cursor != nil
        return table(entries, viewer: viewer, names: names, csv: true).response(filename: "earned")
    }
}
