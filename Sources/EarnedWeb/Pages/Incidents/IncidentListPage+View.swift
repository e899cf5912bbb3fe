import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation
import Plot

extension IncidentListPage {
    var body: HTMLNode {
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
                            H.text(Format.integer(r.figure.affected, s.lang)),
                            H.text(IncidentViews.share(r.figure, s: s)),
                            H.text(Format.integer(r.figure.theyContactedFirst, s.lang)),
                            H.text(Format.integer(r.figure.pending, s.lang)),
                        ]
                    }, numeric: [2, 4, 5]),
        ])
    }
}
