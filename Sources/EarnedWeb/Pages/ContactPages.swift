import EarnedDomain
import Foundation
import Plot

/// Inbound contacts: the queue ordered by time left, logging one, and one contact with its
/// reply targets and the steps its rules allow.
enum ContactPages {
    static func list(
        viewer: ViewerContext, queue: [ContactQueue.Item], names: [CustomerID: String], staff: [Staff], now: Date
    ) -> HTMLNode {
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
                            urgent.map { CasePages.target($0, s: s, zone: zone) }
                                ?? H.text(s.contactStatus(c.status)),
                        ]
                    }),
        ])
    }

    static func form(
        viewer: ViewerContext, form: ContactsController.ContactForm, staff: [Staff], errors: [FieldError]
    ) -> HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.newContact),
            Forms.summary(errors, s),
            Forms.form(
                action: SiteURL.contacts.path, csrf: viewer.csrf, cls: "stack",
                [
                    Forms.select(
                        "channel", label: s.channel,
                        options: InboundContact.Channel.allCases.map { ($0.rawValue, s.inboundChannel($0)) },
                        selected: form.channel, errors: errors, s: s),
                    Forms.select(
                        "priority", label: s.priorityLabel,
                        options: Priority.allCases.map { ($0.rawValue, s.priorityName($0)) },
                        selected: form.priority ?? Priority.normal.rawValue, errors: errors, s: s),
                    Forms.field("subject", label: s.subject, value: form.subject, required: true, errors: errors, s: s),
                    Forms.textarea("body", label: s.message, value: form.body, errors: errors, s: s),
                    Forms.field("from_address", label: s.fromAddress, value: form.from_address, errors: errors, s: s),
                    Forms.field(
                        "customer_id", label: s.customerLabel, value: form.customer_id, errors: errors, s: s),
                    Forms.field(
                        "received_at", label: s.receivedAt, value: form.received_at, type: "datetime-local",
                        errors: errors, s: s),
                    viewer.locations.count > 1
                        ? Forms.select(
                            "location_id", label: s.location, options: viewer.locationOptions,
                            selected: form.location_id ?? viewer.staff.homeLocationID?.description, errors: errors,
                            s: s)
                        : H.empty,
                    Forms.select(
                        "owner_id", label: s.ownerLabel,
                        options: staff.filter(\.isActive).map { ($0.id.description, $0.name) },
                        selected: form.owner_id ?? viewer.staff.id.description, errors: errors, s: s,
                        includeBlank: s.none),
                    Forms.submit(s.save),
                ]),
        ])
    }

    static func show(
        viewer: ViewerContext, contact c: InboundContact, customer: Customer?, staff: [Staff],
        status: ReplyClock.Result?, errors: [FieldError]
    ) -> HTMLNode {
        let s = viewer.s
        let zone = viewer.zone(of: c.locationID)
        let people = Dictionary(staff.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        var facts: [(String, HTMLNode)] = [
            (s.channel, H.text(s.inboundChannel(c.channel))),
            (s.priorityLabel, H.text(s.priorityName(c.priority))),
            (s.status, H.text(s.contactStatus(c.status))),
            (s.receivedAt, H.text(Format.dateTime(c.receivedAt, s.lang, zone: zone))),
            (s.location, H.text(viewer.locationName(c.locationID))),
            (s.ownerLabel, H.text(c.ownerID.flatMap { people[$0] } ?? s.none)),
        ]
        if let customer {
            facts.insert((s.customer, H.a(SiteURL.customer(customer.id.rawValue).path, customer.name)), at: 0)
        }
        if let from = c.fromAddress { facts.append((s.fromAddress, H.text(from))) }
        if let status {
            facts.append((s.firstResponse, CasePages.target(status.firstResponse, s: s, zone: zone)))
            facts.append((s.resolution, CasePages.target(status.resolution, s: s, zone: zone)))
        }
        if let caseID = c.caseID { facts.append((s.linkedCase, H.a(SiteURL.serviceCase(caseID.rawValue).path, "→"))) }
        let path = SiteURL.contactAction(c.id.rawValue).path
        func button(_ action: String, _ label: String, cls: String = "button") -> HTMLNode {
            Forms.form(
                action: path, csrf: viewer.csrf, cls: "inline",
                [PromisePages.hidden("action", action), Forms.submit(label, cls: cls)])
        }
        var actions: [HTMLNode] = []
        if c.ownerID != viewer.staff.id, !c.isResolved { actions.append(button("take", s.takeContact)) }
        switch c.status {
        case .new: actions += [button("respond", s.replied, cls: "button primary"), button("resolve", s.resolved)]
        case .inProgress:
            actions += [button("resolve", s.resolved, cls: "button primary"), button("wait", s.waitForCustomer)]
        case .waitingOnCustomer:
            actions += [button("resume", s.customerAnswered, cls: "button primary"), button("resolve", s.resolved)]
        case .resolved: actions.append(button("reopen", s.reopenContact))
        }
        if c.caseID == nil, c.customerID != nil {
            actions.append(button("case", s.openCaseFromContact, cls: "button subtle"))
        }
        return H.group([
            Layout.pageHead(c.subject),
            Forms.summary(errors, s),
            CasePages.facts(facts),
            c.body.map { H.el("blockquote", [("class", "message")], [H.text($0)]) } ?? H.empty,
            H.div("actions", actions),
        ])
    }
}
