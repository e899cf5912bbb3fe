import EarnedDomain
import EarnedStore
import Foundation
import Plot

extension SurveyInvitationPage {
    var body: HTMLNode {
        let i = invitation
        let s = viewer.s
        let state = i.state(at: now)
        var items: [(String, HTMLNode)] = [
            (s.surveyName, H.text(definition.name)),
            (s.customer, H.a(SiteURL.customer(customer.id.rawValue).path, customer.name)),
            (s.servedBy, H.text(staffName ?? s.none)),
            (s.t("Канал", "Channel"), H.text(s.channelName(i.channel))),
            (s.sendAtColumn, H.text(viewer.dateTime(i.sendAt, at: i.attribution.locationID))),
            (s.expiresColumn, H.text(viewer.dateTime(i.expiresAt, at: i.attribution.locationID))),
            (s.t("Состояние", "State"), H.text(s.invitationState(state))),
        ]
        if let answered = i.answeredAt {
            items.append((s.answeredAt, H.text(viewer.dateTime(answered, at: i.attribution.locationID))))
        }
        var parts: [HTMLNode] = [
            Layout.pageHead(s.t("Приглашение в опрос", "Survey invitation")),
            H.el(
                "dl", [("class", "card facts")],
                items.flatMap { [H.el("dt", [], [H.text($0.0)]), H.el("dd", [], [$0.1])] }),
        ]
        if let link {
            parts.append(
                H.el(
                    "section", [("class", "card"), ("id", "survey-link")],
                    [
                        H.h2(s.linkToSend),
                        H.p(nil, s.sendTo + ": " + (link.address.isEmpty ? s.none : link.address)),
                        H.el("p", [], [H.el("a", [("href", link.url), ("id", "survey-url")], [H.text(link.url)])]),
                        H.el("label", [("for", "survey-message")], [H.text(s.messageToSend)]),
                        H.el(
                            "textarea", [("id", "survey-message"), ("rows", "3"), ("readonly", "")],
                            [H.text(link.message)]),
                    ]))
        } else if state == .open {
            parts.append(
                Forms.form(
                    action: SiteURL.renewSurveyLink(i.id.rawValue).path, csrf: viewer.csrf, cls: "card",
                    [H.p("hint", s.getLinkHint), Forms.submit(s.getLink)]))
        }
        return H.group(parts)
    }
}
