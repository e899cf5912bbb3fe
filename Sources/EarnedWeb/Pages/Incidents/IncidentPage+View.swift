import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation
import Plot

extension IncidentPage {
    var body: HTMLNode {
        let r = report
        let s = viewer.s
        let zone = viewer.zone(of: r.incident.locationID)
        let facts: [(String, HTMLNode)] = [
            (s.foundAt, H.text(Format.dateTime(r.incident.foundAt, s.lang, zone: zone))),
            (s.location, H.text(viewer.locationName(r.incident.locationID))),
            (s.affected, H.text(Format.integer(r.figure.affected, s.lang))),
            (s.toldFirst, H.text(IncidentViews.share(r.figure, s: s))),
            (s.theyContactedFirst, H.text(Format.integer(r.figure.theyContactedFirst, s.lang))),
            (s.pendingOutreach, H.text(Format.integer(r.figure.pending, s.lang))),
        ]
        let ordered = r.affected.sorted { (names[$0.customerID] ?? "") < (names[$1.customerID] ?? "") }
        return H.group([
            Layout.pageHead(r.incident.title, subtitle: r.incident.detail),
            CaseViews.facts(
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
