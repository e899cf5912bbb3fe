import EarnedDomain
import EarnedStore
import Foundation
import Plot

extension PromisePage {
    var body: HTMLNode {
        let s = viewer.s
        let zone = viewer.zone(of: promise.locationID)
        let outcome = promise.outcome(at: now)
        let tone = PromiseViews.tone(outcome)
        let owner = staff.first { $0.id == promise.ownerID }?.name ?? s.none
        var facts: [(String, HTMLNode)] = [
            (s.customer, H.a(SiteURL.customer(customer.id.rawValue).path, customer.name)),
            (s.promiseKindLabel, H.text(s.promiseKind(promise.kind))),
            (s.ownerLabel, H.text(owner)),
            (s.due, H.text(Format.dateTime(promise.dueAt, s.lang, zone: zone))),
            (s.outcome, H.badge(s.promiseOutcome(outcome), tone: tone)),
        ]
        if let broken = promise.brokenAt {
            facts.append((s.broken, H.text(Format.dateTime(broken, s.lang, zone: zone))))
            if let reason = promise.brokenReason { facts.append((s.brokenReason, H.text(reason))) }
        }
        if let kept = promise.keptAt { facts.append((s.kept, H.text(Format.dateTime(kept, s.lang, zone: zone)))) }
        var sections: [HTMLNode] = [
            Layout.pageHead(promise.text),
            Forms.summary(errors, s),
            CaseViews.facts(facts),
        ]
        if !promise.renegotiations.isEmpty {
            sections.append(H.h2(s.history))
            sections.append(
                H.table(
                    headers: [s.when, s.due, s.newDueAt, s.toldVia],
                    rows: promise.renegotiations.map { r in
                        [
                            H.text(Format.dateTime(r.at, s.lang, zone: zone)),
                            H.text(Format.dateTime(r.fromDueAt, s.lang, zone: zone)),
                            H.text(Format.dateTime(r.toDueAt, s.lang, zone: zone)),
                            H.text(r.customerToldVia.map { s.channelName($0) } ?? s.notTold),
                        ]
                    }))
        }
        if promise.isOpen {
            let path = SiteURL.promiseAction(promise.id.rawValue).path
            sections.append(
                H.div(
                    "actions",
                    [
                        Forms.form(
                            action: path, csrf: viewer.csrf, cls: "inline",
                            [Forms.hidden("action", "keep"), Forms.submit(s.kept)])
                    ]))
            sections.append(
                Forms.form(
                    action: path, csrf: viewer.csrf, cls: "stack",
                    [
                        H.h2(s.broken), Forms.hidden("action", "break"),
                        Forms.field("reason", label: s.brokenReason, value: nil, errors: errors, s: s),
                        Forms.submit(s.broken, cls: "button danger"),
                    ]))
            sections.append(
                Forms.form(
                    action: path, csrf: viewer.csrf, cls: "stack",
                    [
                        H.h2(s.renegotiate), Forms.hidden("action", "renegotiate"),
                        Forms.field(
                            "due_at", label: s.newDueAt,
                            value: FormDates.inputValue(promise.dueAt.addingTimeInterval(86_400), zone: zone),
                            type: "datetime-local", required: true, errors: errors, s: s),
                        Forms.select(
                            "told_via", label: s.toldVia,
                            options: [ContactChannel.phone, .sms, .email, .messenger, .visit].map {
                                ($0.rawValue, s.channelName($0))
                            }, selected: "phone", errors: errors, s: s, includeBlank: s.notTold),
                        Forms.field("note", label: s.note, value: nil, errors: errors, s: s, id: "renegotiate-note"),
                        Forms.submit(s.renegotiate, cls: "button"),
                    ]))
            let colleagues = staff.filter {
                $0.isActive && $0.id != promise.ownerID && $0.canSee(location: promise.locationID)
            }
            if !colleagues.isEmpty {
                sections.append(
                    Forms.form(
                        action: path, csrf: viewer.csrf, cls: "stack",
                        [
                            H.h2(s.handTo), H.p("hint", s.handToHint), Forms.hidden("action", "reassign"),
                            Forms.select(
                                "staff_id", label: s.handTo, options: colleagues.map { ($0.id.description, $0.name) },
                                selected: nil, errors: errors, s: s),
                            Forms.submit(s.handTo, cls: "button"),
                        ]))
            }
        }
        return H.group(sections)
    }
}
