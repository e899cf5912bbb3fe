import EarnedDomain
import Foundation
import Plot

extension CasePage {
    var body: HTMLNode {
        let c = serviceCase
        let s = viewer.s
        let zone = viewer.zone(of: c.locationID)
        let people = Dictionary(staff.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let path = SiteURL.caseAction(c.id.rawValue).path
        var facts: [(String, HTMLNode)] = [
            (s.customer, H.a(SiteURL.customer(customer.id.rawValue).path, customer.name)),
            (s.accountableOwner, H.text(people[c.ownerID] ?? s.none)),
            (s.holderLabel, H.text(CaseViews.holder(c.holder, people: people, s: s))),
            (s.caseSource, H.text(s.caseSourceName(c.source))),
            (s.priorityLabel, H.text(s.priorityName(c.priority))),
            (s.outcome, H.text(s.caseStatus(c.status))),
        ]
        if c.acceptedOnCustomersWord { facts.append((s.acceptedOnWord, H.text("✓"))) }
        if let clock {
            facts.append((s.firstResponse, CaseViews.target(clock.firstResponse, s: s, zone: zone)))
            facts.append((s.resolution, CaseViews.target(clock.resolution, s: s, zone: zone)))
        }
        var sections: [HTMLNode] = [
            Layout.pageHead(c.title, subtitle: c.detail.isEmpty ? nil : c.detail),
            Forms.summary(errors, s),
            CaseViews.facts(facts),
        ]
        func button(_ action: String, _ label: String, cls: String = "button") -> HTMLNode {
            Forms.form(
                action: path, csrf: viewer.csrf, cls: "inline",
                [Forms.hidden("action", action), Forms.submit(label, cls: cls)])
        }
        var quick: [HTMLNode] = []
        if c.firstResponseAt == nil, c.isActive { quick.append(button("respond", s.respond)) }
        if c.isActive { quick.append(button("resolve", s.resolve, cls: "button primary")) }
        if c.status == .resolved { quick.append(button("confirm", s.confirm, cls: "button primary")) }
        sections.append(H.div("actions", quick))
        if c.isActive {
            let colleagues = staff.filter(\.isActive).map { ($0.id.description, $0.name) }
            sections.append(
                Forms.form(
                    action: path, csrf: viewer.csrf, cls: "stack",
                    [
                        H.h2(s.handOff), Forms.hidden("action", "handoff"),
                        Forms.field("department", label: s.department, value: nil, errors: errors, s: s),
                        Forms.select(
                            "staff_id", label: s.assignee, options: colleagues, selected: nil, errors: errors, s: s,
                            includeBlank: s.none, id: "handoff-staff"),
                        Forms.submit(s.handOff, cls: "button"),
                    ]))
            sections.append(
                Forms.form(
                    action: path, csrf: viewer.csrf, cls: "stack",
                    [
                        H.h2(s.addAction), Forms.hidden("action", "action"),
                        Forms.select(
                            "kind", label: s.actionKind,
                            options: CorrectiveAction.Kind.allCases.map { ($0.rawValue, s.actionName($0)) },
                            selected: nil, errors: errors, s: s),
                        Forms.field("cost", label: s.cost, value: nil, errors: errors, s: s),
                        Forms.field("note", label: s.note, value: nil, errors: errors, s: s, id: "action-note"),
                        Forms.submit(s.addAction, cls: "button"),
                    ]))
            sections.append(
                Forms.form(
                    action: path, csrf: viewer.csrf, cls: "stack",
                    [
                        H.h2(s.transfer), Forms.hidden("action", "transfer"),
                        Forms.select(
                            "staff_id", label: s.accountableOwner, options: colleagues, selected: nil, errors: errors,
                            s: s, id: "transfer-staff"),
                        Forms.field(
                            "reason", label: s.reason, value: nil, required: true, errors: errors, s: s,
                            id: "transfer-reason"),
                        Forms.submit(s.transfer, cls: "button"),
                    ]))
        }
        if c.status == .resolved || c.status == .closed {
            sections.append(
                Forms.form(
                    action: path, csrf: viewer.csrf, cls: "stack",
                    [
                        H.h2(s.reopen), Forms.hidden("action", "reopen"),
                        Forms.field(
                            "reason", label: s.reason, value: nil, required: true, errors: errors, s: s,
                            id: "reopen-reason"),
                        Forms.submit(s.reopen, cls: "button danger"),
                    ]))
        }
        let departments = c.timeByDepartment(until: now).sorted { $0.value > $1.value }
        if !departments.isEmpty {
            sections.append(
                H.table(
                    caption: s.timeInDepartments, headers: [s.department, s.timeSpent],
                    rows: departments.map {
                        [
                            H.text($0.key.isEmpty ? s.none : $0.key),
                            H.text(Format.duration($0.value, s.lang)),
                        ]
                    }))
        }
        sections.append(
            H.table(
                caption: s.history, headers: [s.when, s.assignee, s.whatHappened],
                rows: c.events.reversed().map { e in
                    [
                        H.text(Format.dateTime(e.at, s.lang, zone: zone)),
                        H.text(e.byID.flatMap { people[$0] } ?? s.none),
                        H.text(CaseViews.eventText(e, people: people, s: s)),
                    ]
                }))
        return H.group(sections)
    }
}
