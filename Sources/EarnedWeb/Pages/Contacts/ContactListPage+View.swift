import EarnedDomain
import Foundation
import Plot

extension ContactListPage {
    var body: HTMLNode {
        let s = viewer.s
        let people = Dictionary(staff.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var choices: [ListViews.Choice] = [
            .init(
                name: "status", label: s.status,
                options: InboundContact.Status.allCases.map { ($0.rawValue, s.contactStatus($0)) } + [
                    ("all", s.allContacts)
                ], selected: params.status, any: s.contactQueue),
            .init(
                name: "person", label: s.ownerLabel,
                options: staff.filter(\.isActive).map { ($0.id.description, $0.name) }, selected: params.person,
                any: s.anyPerson),
        ]
        if viewer.locations.count > 1 {
            choices.append(
                .init(
                    name: "location", label: s.location, options: viewer.locationOptions, selected: params.location,
                    any: s.allLocations))
        }
        choices.append(
            .init(
                name: "kind", label: s.channel,
                options: InboundContact.Channel.allCases.map { ($0.rawValue, s.inboundChannel($0)) },
                selected: params.kind, any: s.anyKind))
        let table: HTMLNode
        if let page {
            table =
                page.items.isEmpty
                ? H.p("empty", s.noContactsFound)
                : H.table(
                    headers: [s.subject, s.channel, s.priorityLabel, s.customer, s.ownerLabel, s.status, s.receivedAt],
                    rows: page.items.map { c in
                        [
                            H.a(SiteURL.contact(c.id.rawValue).path, c.subject),
                            H.text(s.inboundChannel(c.channel)), H.text(s.priorityName(c.priority)),
                            H.text(c.customerID.flatMap { names[$0] } ?? c.fromAddress ?? s.none),
                            H.text(c.ownerID.flatMap { people[$0] } ?? s.none), H.text(s.contactStatus(c.status)),
                            H.text(viewer.dateTime(c.receivedAt, at: c.locationID)),
                        ]
                    })
        } else {
            table =
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
                    })
        }
        return H.group([
            Layout.pageHead(
                s.contactsTitle, subtitle: s.contactsHint, action: (SiteURL.newContact().path, s.newContact)),
            Forms.summary(errors, s),
            ListViews.filters(
                action: SiteURL.contacts.path, params: params, choices: choices, dates: true,
                searchLabel: s.searchCustomer, errors: errors, s: s),
            ListViews.summary(
                total: page?.total ?? queue.count, orMore: page?.totalIsLowerBound ?? false,
                excel: SiteURL.contactList(params.download("excel")).path,
                comma: SiteURL.contactList(params.download("comma")).path, s: s),
            table,
            ListViews.pager(
                first: params.cursor == nil ? nil : SiteURL.contactList(params.page(nil)).path,
                next: page?.nextCursor.map { SiteURL.contactList(params.page($0)).path }, s: s),
        ])
    }
}
