import EarnedDomain
import EarnedStore
import Foundation
import Plot

extension SurveyInvitationsPage {
    var body: HTMLNode {
        let s = viewer.s
        let staffNames = Dictionary(staff.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let chosen = params.status ?? "all"
        let tabs = H.el(
            "nav", [("class", "tabs"), ("aria-label", s.surveyInvitationsTitle)],
            ["all", "open", "answered", "expired"].map { key in
                var link = params.page(nil)
                link.status = key
                return H.el(
                    "a",
                    [
                        ("href", SiteURL.surveyInvitationList(link).path),
                        ("aria-current", key == chosen ? "page" : nil),
                    ],
                    [H.text(SurveyInvitation.State(rawValue: key).map(s.invitationState) ?? s.allWord)])
            })
        var choices: [ListViews.Choice] = [
            .init(
                name: "person", label: s.servedBy,
                options: staff.filter(\.isActive).map { ($0.id.description, $0.name) }, selected: params.person,
                any: s.anyPerson)
        ]
        if viewer.locations.count > 1 {
            choices.append(
                .init(
                    name: "location", label: s.location, options: viewer.locationOptions, selected: params.location,
                    any: s.allLocations))
        }
        if surveys.count > 1 {
            choices.append(
                .init(
                    name: "kind", label: s.surveyColumn, options: surveys.map { ($0.id.description, $0.name) },
                    selected: params.kind, any: s.anySurvey))
        }
        let form = ListViews.filters(
            action: SiteURL.surveyInvitations().path, params: params, choices: choices, dates: true,
            searchLabel: s.searchCustomer, errors: errors, s: s, hidden: [("status", chosen)])
        let surveyNames = Dictionary(surveys.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return H.group([
            Layout.pageHead(s.surveyInvitationsTitle),
            tabs,
            Forms.summary(errors, s),
            form,
            ListViews.summary(
                total: page.total, orMore: page.totalIsLowerBound,
                excel: SiteURL.surveyInvitationList(params.download("excel")).path,
                comma: SiteURL.surveyInvitationList(params.download("comma")).path, s: s),
            page.items.isEmpty
                ? H.p("empty", s.noInvitations)
                : H.table(
                    headers: [s.sendAtColumn, s.surveyColumn, s.customer, s.servedBy, s.status, s.expiresColumn],
                    rows: page.items.map { i in
                        [
                            H.a(
                                SiteURL.surveyInvitation(i.id.rawValue).path,
                                viewer.dateTime(i.sendAt, at: i.attribution.locationID)),
                            H.text(surveyNames[i.definitionID] ?? s.none),
                            H.a(SiteURL.customer(i.customerID.rawValue).path, names[i.customerID] ?? s.none),
                            H.text(i.attribution.staffID.flatMap { staffNames[$0] } ?? s.none),
                            H.text(s.invitationState(i.state(at: now))),
                            H.text(viewer.dateTime(i.expiresAt, at: i.attribution.locationID)),
                        ]
                    }),
            ListViews.pager(
                first: params.cursor == nil ? nil : SiteURL.surveyInvitationList(params.page(nil)).path,
                next: page.nextCursor.map { SiteURL.surveyInvitationList(params.page($0)).path }, s: s),
        ])
    }
}
