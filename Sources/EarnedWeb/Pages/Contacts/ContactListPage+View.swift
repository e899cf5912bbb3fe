import EarnedDomain
import Foundation
import Plot

extension ContactListPage {
    var body: HTMLNode {
        let s = viewer.s
        let people = Dictionary(staff.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return H.group([
            Layout.pageHead(
                s.contactsTitle, subtitle: s.contactsHint, action: (SiteURL.newContact().path, s.newContact)),
            queue.isEmpty
                ? H.p("empty", s.noContacts)
                : H.table(
                    headers: [s.subject, s.channel, s.priorityLabel, s.customer, s.ownerLabel, s.due],
                    rows: queue.map { item in
                        let c = item.contact
                        let urgent = item.status.mostUrgent
                        let zone = viewer.zone(of: c.locationID)
                        return [
                            H.a(SiteURL.contact(c.id.rawValue).path, c.subject),
                            H.text(s.inboundChannel(c.channel)), H.text(s.priorityName(c.priority)),
                            H.text(c.customerID.flatMap { names[$0] } ?? c.fromAddress ?? s.none),
                            H.text(c.ownerID.flatMap { people[$0] } ?? s.none),
                            urgent.map { CaseViews.target($0, s: s, zone: zone) }
                                ?? H.text(s.contactStatus(c.status)),
                        ]
                    }),
        ])
    }
}
