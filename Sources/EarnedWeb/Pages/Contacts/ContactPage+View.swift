import EarnedDomain
import Foundation
import Plot

extension ContactPage {
    var body: HTMLNode {
        let c = contact
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
            facts.append((s.firstResponse, CaseViews.target(status.firstResponse, s: s, zone: zone)))
            facts.append((s.resolution, CaseViews.target(status.resolution, s: s, zone: zone)))
        }
        if let caseID = c.caseID { facts.append((s.linkedCase, H.a(SiteURL.serviceCase(caseID.rawValue).path, "→"))) }
        let path = SiteURL.contactAction(c.id.rawValue).path
        func button(_ action: String, _ label: String, cls: String = "button") -> HTMLNode {
            Forms.form(
                action: path, csrf: viewer.csrf, cls: "inline",
                [Forms.hidden("action", action), Forms.submit(label, cls: cls)])
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
        // Handing it to a colleague: for whoever answers it, or a manager.
        let colleagues = staff.filter { $0.isActive && $0.id != c.ownerID && $0.canSee(location: c.locationID) }
        let mayAssign =
            !c.isResolved
            && (c.ownerID == nil || Policy.mayChange(viewer.staff, workHeldBy: c.ownerID))
        return H.group([
            Layout.pageHead(c.subject),
            Forms.summary(errors, s),
            CaseViews.facts(facts),
            thread.isEmpty
                ? (c.body.map { H.el("blockquote", [("class", "message")], [H.text($0)]) } ?? H.empty) : H.empty,
            H.div("actions", actions),
            conversation,
            mayAssign && !colleagues.isEmpty
                ? Forms.form(
                    action: path, csrf: viewer.csrf, cls: "card stack",
                    [
                        H.h2(s.handTo), Forms.hidden("action", "assign"),
                        Forms.select(
                            "staff_id", label: s.handTo, options: colleagues.map { ($0.id.description, $0.name) },
                            selected: nil, errors: errors, s: s),
                        Forms.submit(s.handTo, cls: "button"),
                    ]) : H.empty,
        ])
    }

    /// The contact's conversation (mail, Telegram), oldest first, and the form that answers it.
    var conversation: HTMLNode {
        let s = viewer.s
        let zone = viewer.zone(of: contact.locationID)
        guard !thread.isEmpty || replyRoute != nil else { return H.empty }
        let items = thread.map { m -> HTMLNode in
            let who =
                m.direction == .inbound
                ? (TelegramChat.chatID(fromAddress: m.fromAddress) != nil
                    ? (m.fromName ?? s.customer) + " · Telegram"
                    : m.fromName.map { "\($0) <\(m.fromAddress ?? "")>" } ?? m.fromAddress ?? s.customer)
                : (staff.first { $0.id == m.staffID }?.name ?? m.fromName ?? "")
            let delivery = m.outboundID.flatMap { deliveries[$0] }
            return H.el(
                "li", [("class", m.direction == .inbound ? "mail in" : "mail out")],
                [
                    H.p(
                        "meta",
                        (m.direction == .inbound ? s.mailFrom : s.mailReplyBy) + " " + who + " · "
                            + Format.dateTime(m.at, s.lang, zone: zone)),
                    delivery.map {
                        H.badge(s.messageStatusName($0.status), tone: s.messageStatusTone($0.status))
                    } ?? H.empty,
                    delivery.flatMap { $0.status == .refused || $0.status == .failed ? $0.lastResult : nil }
                        .map { H.p("error", $0) } ?? H.empty,
                    H.el("blockquote", [("class", "message")], [H.text(m.text.isEmpty ? "—" : m.text)]),
                    m.attachments.isEmpty
                        ? H.empty
                        : H.el(
                            "ul", [("class", "files")],
                            m.attachments.map { file in
                                let label = "\(file.filename) (\(s.fileSize(file.size)))"
                                return H.el(
                                    "li", [],
                                    [
                                        file.kept
                                            ? H.a(
                                                SiteURL.contactFile(
                                                    .value(contact.id.rawValue),
                                                    file: .value(file.id.uuidString.lowercased())
                                                ).path, label)
                                            : H.span("muted", label + " · " + s.fileNotKept)
                                    ])
                            }),
                ])
        }
        return H.el(
            "section", [("class", "card"), ("id", "conversation")],
            [
                H.h2(s.conversationTitle),
                thread.isEmpty ? H.empty : H.el("ol", [("class", "thread")], items),
                replyRoute.map { route in
                    Forms.form(
                        action: SiteURL.contactReply(.value(contact.id.rawValue)).path, csrf: viewer.csrf,
                        cls: "stack",
                        [
                            Forms.textarea(
                                "text", label: s.replyTo(route), value: replyText, rows: 6, errors: errors,
                                s: s),
                            Forms.submit(s.sendReply),
                        ])
                } ?? H.empty,
            ])
    }
}
