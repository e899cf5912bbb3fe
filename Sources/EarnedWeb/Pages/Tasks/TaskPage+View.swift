import EarnedDomain
import Foundation
import Plot

extension TaskPage {
    var body: HTMLNode {
        let s = viewer.s
        let zone = viewer.zone(of: task.locationID)
        let title = s.taskTitle(task)
        var facts: [(String, HTMLNode)] = [
            (s.due, H.text(Format.dateTime(task.dueAt, s.lang, zone: zone))),
            (s.assignee, H.text(staff.first { $0.id == task.assigneeID }?.name ?? s.none)),
            (
                s.status,
                H.badge(s.taskStatus(task.status), tone: task.status == .open && task.dueAt < now ? "bad" : "neutral")
            ),
        ]
        if let customer = task.customerID {
            facts.append((s.customer, H.a(SiteURL.customer(customer.rawValue).path, customerName ?? s.customer)))
        }
        if let about = subjectLink(s) { facts.append((s.aboutLabel, about)) }
        if let channel = task.channel { facts.append((s.channel, H.text(s.channelName(channel)))) }
        if let text = task.text, task.kind != .followUp, task.kind != .handover {
            facts.append((s.taskText, H.text(text)))
        }
        if let outcome = task.outcome { facts.append((s.outcome, H.text(s.taskOutcome(outcome)))) }
        return H.group([
            Layout.pageHead(title, subtitle: customerName),
            notice.map { H.el("div", [("class", "alert error"), ("role", "alert")], [H.text($0)]) } ?? H.empty,
            Forms.summary(errors, s),
            CaseViews.facts(facts),
            mayChange ? actions(s, zone: zone) : H.empty,
            historySection(s),
        ])
    }

    func subjectLink(_ s: Strings) -> HTMLNode? {
        guard let subject = task.subject else { return nil }
        switch subject.kind {
        case .order: return H.a(SiteURL.order(subject.id).path, s.orderTitle)
        case .promise: return H.a(SiteURL.promise(subject.id).path, s.storyPromise)
        case .serviceCase: return H.a(SiteURL.serviceCase(subject.id).path, s.storyCase)
        case .contact: return H.a(SiteURL.contact(subject.id).path, s.navContacts)
        case .incident: return H.a(SiteURL.incident(subject.id).path, s.navIncidents)
        case .survey: return H.a(SiteURL.surveyInvitation(subject.id).path, s.storySurvey)
        case .customer: return nil
        }
    }

    func actions(_ s: Strings, zone: TimeZone) -> HTMLNode {
        let path = SiteURL.taskAction(task.id.rawValue).path
        let complete = SiteURL.completeTask(task.id.rawValue).path
        let others = colleagues
        return H.group([
            H.div(
                "actions",
                [
                    Forms.form(
                        action: complete, csrf: viewer.csrf, cls: "inline",
                        [Forms.hidden("status", "done"), Forms.submit(s.done, cls: "button primary")]),
                    Forms.form(
                        action: complete, csrf: viewer.csrf, cls: "inline",
                        [Forms.hidden("status", "skipped"), Forms.submit(s.skip, cls: "button subtle")]),
                ]),
            Forms.form(
                action: path, csrf: viewer.csrf, cls: "card stack",
                [
                    H.h2(s.snooze), Forms.hidden("action", "snooze"),
                    Forms.field(
                        "until", label: s.snoozeUntil,
                        value: FormDates.inputValue(max(task.dueAt, now).addingTimeInterval(86_400), zone: zone),
                        type: "datetime-local", required: true, errors: errors, s: s),
                    Forms.submit(s.snooze, cls: "button"),
                ]),
            others.isEmpty
                ? H.empty
                : Forms.form(
                    action: path, csrf: viewer.csrf, cls: "card stack",
                    [
                        H.h2(s.handTo), H.p("hint", s.handToHint), Forms.hidden("action", "reassign"),
                        Forms.select(
                            "staff_id", label: s.handTo, options: others.map { ($0.id.description, $0.name) },
                            selected: nil, errors: errors, s: s),
                        Forms.submit(s.handTo, cls: "button"),
                    ]),
        ])
    }

    func historySection(_ s: Strings) -> HTMLNode {
        guard !history.isEmpty else { return H.empty }
        return H.el(
            "section", [("class", "card")],
            [
                H.h2(s.history),
                H.el(
                    "ul", [("class", "history")],
                    history.map { entry in
                        H.el(
                            "li", [],
                            [
                                H.text(
                                    "\(viewer.dateTime(entry.at, at: task.locationID)) · \(staff.first { $0.id == entry.actorID }?.name ?? s.system) · \(s.workEvent(entry))"
                                )
                            ])
                    }),
            ])
    }
}
