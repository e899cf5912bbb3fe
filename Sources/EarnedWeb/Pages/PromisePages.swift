import EarnedDomain
import EarnedStore
import Foundation
import Plot

/// Recording a promise, and one promise with its outcome, renegotiations and actions.
enum PromisePages {
    static func form(
        viewer: ViewerContext, form: ServiceController.PromiseForm, customer: Customer?, staff: [Staff],
        errors: [FieldError]
    ) -> HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.newPromise, subtitle: customer?.name),
            Forms.summary(errors, s),
            Forms.form(
                action: "/promises", csrf: viewer.csrf, cls: "stack",
                [
                    customer == nil
                        ? Forms.field(
                            "customer_id", label: s.customerLabel, value: form.customer_id, required: true,
                            errors: errors,
                            s: s)
                        : H.void("input", [("type", "hidden"), ("name", "customer_id"), ("value", form.customer_id)]),
                    Forms.errorText("customer_id", customer == nil ? [] : errors, s),
                    Forms.select(
                        "kind", label: s.promiseKindLabel,
                        options: Promise.Kind.allCases.map { ($0.rawValue, s.promiseKind($0)) }, selected: form.kind,
                        errors: errors, s: s),
                    Forms.field("text", label: s.promiseText, value: form.text, required: true, errors: errors, s: s),
                    Forms.field(
                        "due_at", label: s.dueAtLabel, value: form.due_at, type: "datetime-local", required: true,
                        errors: errors, s: s),
                    Forms.select(
                        "owner_id", label: s.ownerLabel,
                        options: staff.filter(\.isActive).map { ($0.id.description, $0.name) },
                        selected: form.owner_id ?? viewer.staff.id.description, errors: errors, s: s),
                    Forms.submit(s.save),
                ]),
        ])
    }

    static func show(
        viewer: ViewerContext, promise: Promise, customer: Customer, staff: [Staff], now: Date, errors: [FieldError]
    ) -> HTMLNode {
        let s = viewer.s
        let zone = viewer.zone(of: promise.locationID)
        let outcome = promise.outcome(at: now)
        let tone = tone(outcome)
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
            CasePages.facts(facts),
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
                            [hidden("action", "keep"), Forms.submit(s.kept)])
                    ]))
            sections.append(
                Forms.form(
                    action: path, csrf: viewer.csrf, cls: "stack",
                    [
                        H.h2(s.broken), hidden("action", "break"),
                        Forms.field("reason", label: s.brokenReason, value: nil, errors: errors, s: s),
                        Forms.submit(s.broken, cls: "button danger"),
                    ]))
            sections.append(
                Forms.form(
                    action: path, csrf: viewer.csrf, cls: "stack",
                    [
                        H.h2(s.renegotiate), hidden("action", "renegotiate"),
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
        }
        return H.group(sections)
    }

    static func list(
        viewer: ViewerContext, promises: [Promise], filter: PromiseRepository.Filter, names: [CustomerID: String],
        staff: [Staff], now: Date
    ) -> HTMLNode {
        let s = viewer.s
        let people = Dictionary(staff.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let tabs = H.el(
            "nav", [("class", "tabs"), ("aria-label", s.promisesTitle)],
            PromiseRepository.Filter.allCases.map { f in
                H.el(
                    "a",
                    [
                        ("href", SiteURL.promises(filter: f.rawValue).path),
                        ("aria-current", f == filter ? "page" : nil),
                    ],
                    [H.text(s.promiseFilter(f))])
            })
        return H.group([
            Layout.pageHead(s.promisesTitle, action: (SiteURL.newPromise(customer: nil).path, s.newPromise)),
            tabs,
            H.el("p", [], [H.a(SiteURL.onTime(by: nil).path, s.onTimeTitle + " →")]),
            promises.isEmpty
                ? H.p("empty", s.noPromises) : table(promises, viewer: viewer, names: names, people: people, now: now),
        ])
    }

    /// Promises as a table: what, to whom, who, due, outcome.
    static func table(
        _ promises: [Promise], viewer: ViewerContext, names: [CustomerID: String], people: [StaffID: String], now: Date
    ) -> HTMLNode {
        let s = viewer.s
        return H.table(
            headers: [s.promiseText, s.customer, s.ownerLabel, s.due, s.outcome],
            rows: promises.map { p in
                let outcome = p.outcome(at: now)
                return [
                    H.a(SiteURL.promise(p.id.rawValue).path, s.promiseKind(p.kind) + ": " + p.text),
                    H.text(names[p.customerID] ?? s.none), H.text(people[p.ownerID] ?? s.none),
                    H.text(viewer.dateTime(p.dueInForce, at: p.locationID)),
                    H.badge(s.promiseOutcome(outcome), tone: tone(outcome)),
                ]
            })
    }

    static func tone(_ outcome: PromiseOutcome) -> String {
        switch outcome {
        case .keptOnTime, .renegotiated: "good"
        case .late, .broken, .overdue: "bad"
        case .open: "neutral"
        }
    }

    static func hidden(_ name: String, _ value: String) -> HTMLNode {
        H.void("input", [("type", "hidden"), ("name", name), ("value", value)])
    }
}
