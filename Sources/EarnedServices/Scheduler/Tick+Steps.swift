import EarnedDomain
import EarnedStore
import FluentKit
import Foundation

/// The scheduler's steps. Each reads the current state and asks for tasks by key, so running
/// a step again, on another instance or after a stop, creates only what is missing.
extension Tick {
    /// How far back the after-sale step looks: the longest follow-up offset and a margin, so a
    /// scheduler that was stopped for a while still creates what fell due meanwhile.
    package static let afterSaleLookBack: TimeInterval = 45 * 86_400
    /// After-sale tasks appear this long before they fall due, so Today shows what is coming
    /// and not only what is already late.
    package static let afterSaleLead: TimeInterval = 86_400

    /// After-sale: the handover contact and the follow-ups of every delivered order, each
    /// created when it falls due, in the customer's consenting channel.
    package func afterSale(now: Date, _ setting: Setting, report: inout Report) async throws {
        let orders = try await OrderRepository(db: db).delivered(from: now - Self.afterSaleLookBack, to: now)
        try await Self.afterSale(of: orders, now: now, setting, on: db, report: &report)
    }

    /// The after-sale steps of these delivered orders that are missing and fall due within
    /// `afterSaleLead`: what a pass does for every recent delivery, and what marking one order
    /// delivered does for it at once, so its handover task is there before the next pass.
    package static func afterSale(
        of orders: [Order], now: Date, _ setting: Setting, on db: any Database, report: inout Report
    ) async throws {
        let orders = orders.filter { $0.countsAsSale && $0.deliveredAt != nil }
        guard !orders.isEmpty else { return }
        let rules = setting.rules
        func steps(_ order: Order) -> [FollowUpStep] {
            [FollowUpStep.handover] + rules.afterSale(at: order.locationID).offsetsDays.map(FollowUpStep.day)
        }
        let allKeys = orders.flatMap { order in steps(order).map { PlannedFollowUp.taskKey(order: order.id, step: $0) }
        }
        let existing = try await TaskRepository(db: db).existingKeys(allKeys)
        let pending = orders.filter { order in
            steps(order).contains { !existing.contains(PlannedFollowUp.taskKey(order: order.id, step: $0)) }
        }
        guard !pending.isEmpty else { return }
        let customers = try await CustomerRepository(db: db).byIDs(pending.map(\.customerID))
        // Follow-ups share the contact budget with greetings and surveys.
        let budget = setting.outreach.budget
        var touches = try await TouchRepository(db: db).since(
            now - budget.window - Self.afterSaleLookBack, customers: Array(Set(pending.map(\.customerID))))
        let calendars = setting.calendars
        var tasks: [ServiceTask] = []
        for order in pending {
            guard let customer = customers[order.customerID], let location = order.locationID,
                let calendar = calendars[location]
            else { continue }
            let policy = rules.afterSale(at: order.locationID)
            for planned in FollowUpPlanner.plan(order: order, customer: customer, calendar: calendar, policy: policy)
            where planned.dueAt <= now + Self.afterSaleLead && !existing.contains(planned.taskKey) {
                var task = ServiceTask(
                    key: planned.taskKey, kind: planned.step == .handover ? .handover : .followUp,
                    assigneeID: planned.ownerID, locationID: order.locationID, customerID: customer.id,
                    subject: .init(kind: .order, id: order.id.rawValue), dueAt: planned.dueAt, channel: planned.channel,
                    text: planned.step.key, createdAt: now, updatedAt: now)
                if planned.isSkipped {
                    task.status = .skipped
                    task.outcome = "no consent to contact"
                    task.completedAt = now
                } else if planned.step != .handover {
                    let history = touches[customer.id] ?? []
                    if budget.allows(.followUp, at: planned.dueAt, history: history) {
                        touches[customer.id] = history + [Touch(at: planned.dueAt, kind: .followUp)]
                    } else {
                        task.status = .skipped
                        task.outcome = "contact limit reached"
                        task.completedAt = now
                    }
                }
                tasks.append(task)
            }
        }
        let created = try await create(tasks, now: now, on: db, report: &report)
        // A follow-up in a written channel is a message: sent by the shop's own e-mail or bot
        // when it can (its task done when it is sent), else handed to the business's gateway.
        let written = created.filter {
            $0.status == .open && $0.kind == .followUp && [.sms, .email, .messenger].contains($0.channel)
        }
        guard !written.isEmpty else { return }
        let routes = try await CustomerMail.DirectRoutes.load(
            for: written.compactMap(\.customerID), mail: setting.mail, telegram: setting.telegram, on: db)
        var direct: [OutboundMessage] = []
        for task in written {
            guard let customerID = task.customerID, let customer = customers[customerID], let channel = task.channel,
                let days = Int(task.text?.dropFirst() ?? "")
            else { continue }
            if let (channel, address) = CustomerMail.direct(
                customer, channel: channel, location: task.locationID, routes: routes)
            {
                direct.append(
                    OutboundMessage(
                        id: IDGenerator.next(), key: "follow-up:\(task.key)", kind: .followUp, channel: channel,
                        customerID: customerID, staffID: task.assigneeID, locationID: task.locationID,
                        taskID: task.id, address: address, name: customer.name,
                        subject: CustomerMail.followUpSubject(language: customer.language),
                        text: FollowUpMessage.text(for: customer, days: days), language: customer.language,
                        nextAttemptAt: task.dueAt, createdAt: now))
                continue
            }
            report.eventsQueued += try await WebhookStore(db: db).publish(
                WebhookEvent(
                    key: "message.requested:\(task.key)", kind: .messageRequested, occurredAt: now,
                    data: [
                        "task_id": task.id.description, "customer_id": customerID.description,
                        "channel": channel.rawValue, "address": Self.address(customer, channel),
                        "language": customer.language, "text": FollowUpMessage.text(for: customer, days: days),
                        "send_at": ISO8601Text.format(task.dueAt), "purpose": "follow_up",
                    ]), now: now)
        }
        report.mailQueued += try await OutboxStore(db: db).enqueue(direct).count
    }

    /// Promise reminders: a task for the owner and a `promise.due_soon` event, once per due time.
    package func promiseReminders(now: Date, _ setting: Setting, report: inout Report) async throws {
        let repo = PromiseRepository(db: db)
        let due = try await repo.needingReminder(policy: setting.rules.reminders, now: now)
        guard !due.isEmpty else { return }
        let tasks = due.map { promise in
            ServiceTask(
                key: "promise-reminder:\(promise.id):\(Int(promise.dueAt.timeIntervalSince1970))",
                kind: .promiseReminder, assigneeID: promise.ownerID, locationID: promise.locationID,
                customerID: promise.customerID, subject: .init(kind: .promise, id: promise.id.rawValue),
                dueAt: promise.dueAt, text: promise.text, createdAt: now, updatedAt: now)
        }
        try await create(tasks, now: now, report: &report)
        for promise in due {
            report.eventsQueued += try await publish(
                WebhookEvent(
                    key: "promise.due_soon:\(promise.id):\(Int(promise.dueAt.timeIntervalSince1970))",
                    kind: .promiseDueSoon, occurredAt: now,
                    data: [
                        "promise_id": promise.id.description, "owner_id": promise.ownerID.description,
                        "customer_id": promise.customerID.description, "due_at": ISO8601Text.format(promise.dueAt),
                        "kind": promise.kind.rawValue,
                    ]), now: now)
        }
        try await repo.markReminded(due.map(\.id), now: now)
    }

    /// Reply targets of inbound contacts and cases: a warning to whoever has it before a
    /// breach, an escalation to the location's managers after it.
    package func replyTargets(now: Date, _ setting: Setting, report: inout Report) async throws {
        let calendars = setting.calendars
        let staff = StaffRepository(db: db)
        // Who answers for each location, read once a pass rather than once a contact.
        var managers: [LocationID?: [StaffID]] = [:]
        func managerIDs(_ location: LocationID?) async throws -> [StaffID] {
            if let known = managers[location] { return known }
            let found = try await staff.managers(of: location).map(\.id)
            managers[location] = found
            return found
        }
        var tasks: [ServiceTask] = []
        var breaches: [WebhookEvent] = []
        func check(
            _ status: TargetStatus, name: String, subject: ServiceTask.Subject, owner: StaffID?,
            location: LocationID?, customer: CustomerID?, text: String
        ) async throws {
            let base = "\(subject.kind.rawValue):\(subject.id.uuidString.lowercased()):\(name)"
            switch status.state {
            case .dueSoon:
                var assignees = owner.map { [$0] } ?? []
                if assignees.isEmpty { assignees = try await managerIDs(location) }
                for assignee in assignees {
                    tasks.append(
                        ServiceTask(
                            key: "reply-warning:\(base):\(assignee)", kind: .replyWarning, assigneeID: assignee,
                            locationID: location, customerID: customer, subject: subject, dueAt: status.dueAt ?? now,
                            text: text, createdAt: now, updatedAt: now))
                }
            case .breached:
                for manager in try await managerIDs(location) {
                    tasks.append(
                        ServiceTask(
                            key: "reply-escalation:\(base):\(manager)", kind: .replyEscalation,
                            assigneeID: manager, locationID: location, customerID: customer, subject: subject,
                            dueAt: status.dueAt ?? now, text: text, createdAt: now, updatedAt: now))
                }
                breaches.append(
                    WebhookEvent(
                        key: "target.breached:\(base)", kind: .targetBreached, occurredAt: now,
                        data: [
                            "subject": subject.kind.rawValue, "id": subject.id.uuidString.lowercased(), "target": name,
                            "owner_id": owner?.description ?? "", "due_at": status.dueAt.map(ISO8601Text.format) ?? "",
                        ]))
            default: break
            }
        }
        let clocks = Dictionary(
            setting.locations.map { ($0.id, setting.rules.replyClock(for: $0)) }, uniquingKeysWith: { a, _ in a })
        for contact in try await ContactRepository(db: db).unresolved(locations: nil) {
            guard let result = clocks[contact.locationID]?.status(of: contact, now: now) else { continue }
            let subject = ServiceTask.Subject(kind: .contact, id: contact.id.rawValue)
            for (name, status) in [("first_response", result.firstResponse), ("resolution", result.resolution)] {
                try await check(
                    status, name: name, subject: subject, owner: contact.ownerID, location: contact.locationID,
                    customer: contact.customerID, text: contact.subject)
            }
        }
        for open in try await CaseRepository(db: db).list(locations: nil, activeOnly: true, limit: 5000) {
            guard let location = open.locationID, let calendar = calendars[location] else { continue }
            let result = CaseClock(calendar: calendar, targets: setting.rules.caseTargets).status(of: open, now: now)
            let subject = ServiceTask.Subject(kind: .serviceCase, id: open.id.rawValue)
            for (name, status) in [("first_response", result.firstResponse), ("resolution", result.resolution)] {
                try await check(
                    status, name: name, subject: subject, owner: open.ownerID, location: location,
                    customer: open.customerID, text: open.title)
            }
        }
        try await create(tasks, now: now, report: &report)
        for event in breaches { report.eventsQueued += try await publish(event, now: now) }
    }
}
