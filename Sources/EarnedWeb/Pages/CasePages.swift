import EarnedDomain
import Foundation
import Plot

/// Cases: the open ones, opening one, and one case with its owner, holder, targets, history
/// and the actions its rules allow.
enum CasePages {
    static func list(
        viewer: ViewerContext, cases: [ServiceCase], names: [CustomerID: String], staff: [Staff], now: Date
    ) -> HTMLNode {
        let s = viewer.s
        let people = Dictionary(staff.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        return H.group([
            Layout.pageHead(s.navCases, action: (SiteURL.newCase(customer: nil).path, s.newCase)),
            cases.isEmpty
                ? H.p("empty", s.noCases)
                : H.table(
                    headers: [s.caseTitle, s.customer, s.accountableOwner, s.holderLabel, s.priorityLabel],
                    rows: cases.map { c in
                        [
                            H.a(SiteURL.serviceCase(c.id.rawValue).path, c.title),
                            H.text(names[c.customerID] ?? s.none), H.text(people[c.ownerID] ?? s.none),
                            H.text(holder(c.holder, people: people, s: s)), H.text(s.priorityName(c.priority)),
                        ]
                    }),
        ])
    }

    static func holder(_ h: ServiceCase.Holder, people: [StaffID: String], s: Strings) -> String {
        let text = [h.department, h.staffID.flatMap { people[$0] }].compactMap { $0 }.joined(separator: " · ")
        return text.isEmpty ? s.none : text
    }

    static func form(
        viewer: ViewerContext, form: ServiceController.CaseForm, customer: Customer?, errors: [FieldError]
    ) -> HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.newCase, subtitle: customer?.name),
            Forms.summary(errors, s),
            Forms.form(
                action: "/cases", csrf: viewer.csrf, cls: "stack",
                [
                    customer == nil
                        ? Forms.field(
                            "customer_id", label: s.customerLabel, value: form.customer_id, required: true,
                            errors: errors,
                            s: s)
                        : PromisePages.hidden("customer_id", form.customer_id ?? ""),
                    Forms.field("title", label: s.caseTitle, value: form.title, required: true, errors: errors, s: s),
                    Forms.textarea("detail", label: s.caseDetail, value: form.detail, errors: errors, s: s),
                    Forms.select(
                        "source", label: s.caseSource,
                        options: ServiceCase.Source.allCases.map { ($0.rawValue, s.caseSourceName($0)) },
                        selected: form.source, errors: errors, s: s),
                    Forms.select(
                        "priority", label: s.priorityLabel,
                        options: Priority.allCases.map { ($0.rawValue, s.priorityName($0)) }, selected: form.priority,
                        errors: errors, s: s),
                    Forms.field("department", label: s.department, value: form.department, errors: errors, s: s),
                    Forms.checkbox(
                        "accepted_on_word", label: s.acceptedOnWord, checked: form.accepted_on_word == "true"),
                    Forms.submit(s.save),
                ]),
        ])
    }

    static func show(
        viewer: ViewerContext, serviceCase c: ServiceCase, customer: Customer, staff: [Staff],
        clock: CaseClock.Result?, now: Date, errors: [FieldError]
    ) -> HTMLNode {
        let s = viewer.s
        let zone = viewer.zone(of: c.locationID)
        let people = Dictionary(staff.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let path = SiteURL.caseAction(c.id.rawValue).path
        var facts: [(String, HTMLNode)] = [
            (s.customer, H.a(SiteURL.customer(customer.id.rawValue).path, customer.name)),
            (s.accountableOwner, H.text(people[c.ownerID] ?? s.none)),
            (s.holderLabel, H.text(holder(c.holder, people: people, s: s))),
            (s.caseSource, H.text(s.caseSourceName(c.source))),
            (s.priorityLabel, H.text(s.priorityName(c.priority))),
            (s.outcome, H.text(s.caseStatus(c.status))),
        ]
        if c.acceptedOnCustomersWord { facts.append((s.acceptedOnWord, H.text("✓"))) }
        if let clock {
            facts.append((s.firstResponse, target(clock.firstResponse, s: s, zone: zone)))
            facts.append((s.resolution, target(clock.resolution, s: s, zone: zone)))
        }
        var sections: [HTMLNode] = [
            Layout.pageHead(c.title, subtitle: c.detail.isEmpty ? nil : c.detail),
            Forms.summary(errors, s),
            CasePages.facts(facts),
        ]
        func button(_ action: String, _ label: String, cls: String = "button") -> HTMLNode {
            Forms.form(
                action: path, csrf: viewer.csrf, cls: "inline",
                [PromisePages.hidden("action", action), Forms.submit(label, cls: cls)])
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
                        H.h2(s.handOff), PromisePages.hidden("action", "handoff"),
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
                        H.h2(s.addAction), PromisePages.hidden("action", "action"),
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
                        H.h2(s.transfer), PromisePages.hidden("action", "transfer"),
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
                        H.h2(s.reopen), PromisePages.hidden("action", "reopen"),
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
                        H.text(e.byID.flatMap { people[$0] } ?? s.none), H.text(eventText(e, people: people, s: s)),
                    ]
                }))
        return H.group(sections)
    }

    static func eventText(_ e: CaseEvent, people: [StaffID: String], s: Strings) -> String {
        switch e.kind {
        case .opened: return s.newCase
        case .handedOff(let department, let staff):
            return s.handOff + ": "
                + [department, staff.flatMap { people[$0] }].compactMap { $0 }.joined(separator: " · ")
        case .transferred(_, let to, let reason): return s.transfer + ": " + (people[to] ?? s.none) + " — " + reason
        case .action(let action): return s.addAction + ": " + s.actionName(action.kind)
        case .waitingStarted, .waitingEnded: return s.caseStatus(.waitingOnCustomer)
        case .responded: return s.respond
        case .resolved: return s.resolve
        case .confirmed: return s.confirm
        case .reopened(let reason): return s.reopen + ": " + reason
        case .note(let text): return text
        }
    }

    /// A reply or resolution target: its state and when it falls due, in the location's time.
    static func target(_ t: TargetStatus, s: Strings, zone: TimeZone) -> HTMLNode {
        let tone = [.breached, .missed].contains(t.state) ? "bad" : t.state == .dueSoon ? "warn" : "good"
        return H.group([
            H.badge(t.isPaused ? s.paused : s.targetState(t.state), tone: t.isPaused ? "neutral" : tone),
            H.text(t.dueAt.map { " " + Format.dateTime($0, s.lang, zone: zone) } ?? ""),
        ])
    }

    static func facts(_ facts: [(String, HTMLNode)]) -> HTMLNode {
        H.el("dl", [("class", "facts")], facts.flatMap { [H.el("dt", [], [H.text($0.0)]), H.el("dd", [], [$0.1])] })
    }
}
