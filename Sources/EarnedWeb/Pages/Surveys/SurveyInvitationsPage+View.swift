import EarnedDomain
import EarnedStore
import Foundation
import Plot

extension SurveyInvitationsPage {
    var body: HTMLNode {
        let s = viewer.s
        let tabs = H.el(
            "nav", [("class", "tabs"), ("aria-label", s.surveyInvitationsTitle)],
            [nil, "open", "answered", "expired"].map { key in
                H.el(
                    "a",
                    [
                        ("href", SiteURL.surveyInvitations(state: key).path),
                        ("aria-current", key == state ? "page" : nil),
                    ],
                    [
                        H.text(
                            key.flatMap(SurveyInvitation.State.init(rawValue:)).map(s.invitationState)
                                ?? s.t("Все", "All"))
                    ])
            })
        return H.group([
            Layout.pageHead(s.surveyInvitationsTitle),
            tabs,
            invitations.isEmpty
                ? H.p("empty", s.noInvitations)
                : H.table(
                    headers: [s.sendAtColumn, s.customer, s.servedBy, s.t("Состояние", "State"), s.expiresColumn],
                    rows: invitations.map { i in
                        [
                            H.a(
                                SiteURL.surveyInvitation(i.id.rawValue).path,
                                viewer.dateTime(i.sendAt, at: i.attribution.locationID)),
                            H.a(SiteURL.customer(i.customerID.rawValue).path, names[i.customerID] ?? s.none),
                            H.text(i.attribution.staffID.flatMap { staffNames[$0] } ?? s.none),
                            H.text(s.invitationState(i.state(at: now))),
                            H.text(viewer.dateTime(i.expiresAt, at: i.attribution.locationID)),
                        ]
                    }),
        ])
    }
}
