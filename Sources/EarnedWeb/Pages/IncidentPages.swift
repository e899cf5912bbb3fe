import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation
import Plot

/// Call-first incidents: the list with each one's told-first figure, recording one, and one
/// incident with every affected customer.
enum IncidentPages {
    static func share(_ figure: IncidentFigure, s: Strings) -> String {
        let interval = WilsonInterval(successes: figure.toldFirst, trials: figure.decided).map { ($0.lower, $0.upper) }
        return s.toldFirstShare(figure, interval: interval)
    }

    static func list(viewer: ViewerContext, reports: [IncidentRepository.Report], mayRecord: Bool) -> HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(
                s.incidentsTitle, subtitle: s.incidentsHint,
                action: mayRecord ? (SiteURL.newIncident.path, s.newIncident) : nil),
            reports.isEmpty
                ? H.p("empty", s.noIncidents)
                : H.table(
                    headers: [
                        s.whatHappened, s.foundAt, s.affected, s.toldFirst, s.theyContactedFirst, s.pendingOutreach,
                    ],
                    rows: reports.map { r in
                        [
                            H.a(SiteURL.incident(r.incident.id.rawValue).path, r.incident.title),
                            H.text(viewer.dateTime(r.incident.foundAt, at: r.incident.locationID)),
                            H.text(Format.integer(r.figure.affected, s.lang)), H.text(share(r.figure, s: s)),
                            H.text(Format.integer(r.figure.theyContactedFirst, s.lang)),
                            H.text(Format.integer(r.figure.pending, s.lang)),
                        ]
                    }, numeric: [2, 4, 5]),
        ])
    }

    static func form(viewer: ViewerContext, form: IncidentsController.IncidentForm, errors: [FieldError]) -> HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.newIncident, subtitle: s.incidentsHint),
            Forms.summary(errors, s),
            Forms.form(
                action: SiteURL.incidents.path, csrf: viewer.csrf, cls: "stack",
                [
                    Forms.field(
                        "title", label: s.whatHappened, value: form.title, required: true, errors: errors, s: s),
                    Forms.textarea("detail", label: s.caseDetail, value: form.detail, errors: errors, s: s),
                    Forms.field(
                        "found_at", label: s.foundAt, value: form.found_at, type: "datetime-local", errors: errors,
                        s: s),
                    Forms.select(
                        "scope", label: s.whoIsAffected,
                        options: [
                            ("product", s.scopeProduct), ("dates", s.scopeDates), ("location", s.scopeLocation),
                            ("customers", s.scopeCustomers),
                        ], selected: form.scope ?? "product", errors: errors, s: s),
                    Forms.field("text", label: s.productText, value: form.text, errors: errors, s: s),
                    Forms.field("from", label: s.dateFrom, value: form.from, type: "date", errors: errors, s: s),
                    Forms.field("to", label: s.dateTo, value: form.to, type: "date", errors: errors, s: s),
                    Forms.select(
                        "location_id", label: s.location, options: viewer.locationOptions,
                        selected: form.location_id ?? viewer.staff.homeLocationID?.description, errors: errors, s: s),
                    Forms.textarea("customers", label: s.customerList, value: form.customers, errors: errors, s: s),
                    Forms.submit(s.newIncident),
                ]),
        ])
    }

    static func show(
        viewer: ViewerContext, report r: IncidentRepository.Report, names: [CustomerID: String], mayClose: Bool
    ) -> HTMLNode {
        let s = viewer.s
        let zone = viewer.zone(of: r.incident.locationID)
        let facts: [(String, HTMLNode)] = [
            (s.foundAt, H.text(Format.dateTime(r.incident.foundAt, s.lang, zone: zone))),
            (s.location, H.text(viewer.locationName(r.incident.locationID))),
            (s.affected, H.text(Format.integer(r.figure.affected, s.lang))),
            (s.toldFirst, H.text(share(r.figure, s: s))),
            (s.theyContactedFirst, H.text(Format.integer(r.figure.theyContactedFirst, s.lang))),
            (s.pendingOutreach, H.text(Format.integer(r.figure.pending, s.lang))),
        ]
        let ordered = r.affected.sorted { (names[$0.customerID] ?? "") < (names[$1.customerID] ?? "") }
        return H.group([
            Layout.pageHead(r.incident.title, subtitle: r.incident.detail),
            CasePages.facts(
                facts
                    + (r.incident.closedAt.map { [(s.incidentClosed, H.text(Format.dateTime($0, s.lang, zone: zone)))] }
                        ?? [])),
            mayClose && !r.incident.isClosed
                ? Forms.form(
                    action: SiteURL.closeIncident(r.incident.id.rawValue).path, csrf: viewer.csrf, cls: "inline",
                    [Forms.submit(s.closeIncident, cls: "button subtle")])
                : H.empty,
            H.table(
                headers: [s.customer, s.toldAt, s.firstContactAt, s.outcome],
                rows: ordered.map { a in
                    [
                        H.a(SiteURL.customer(a.customerID.rawValue).path, names[a.customerID] ?? s.none),
                        H.text(a.result.toldAt.map { Format.dateTime($0, s.lang, zone: zone) } ?? "—"),
                        H.text(a.result.firstInboundAt.map { Format.dateTime($0, s.lang, zone: zone) } ?? "—"),
                        H.badge(
                            s.toldFirstOutcome(a.outcome),
                            tone: a.outcome == .toldFirst ? "good" : a.outcome == .pending ? "neutral" : "bad"),
                    ]
                }),
        ])
    }
}
