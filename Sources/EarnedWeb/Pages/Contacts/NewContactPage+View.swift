import EarnedDomain
import Foundation
import Plot

extension NewContactPage {
    var body: HTMLNode {
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
}
