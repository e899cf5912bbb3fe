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

    /// The after-sale step's name among the scheduler's watermarks.
    package static let afterSaleStep = "after_sale"
    /// How far before its watermark a steady pass looks again. A write whose transaction began
    /// before the last pass read, and committed after, carries an earlier time than that pass;
    /// so may a write on an instance whose clock is behind. Ten minutes covers both; reading
    /// something twice costs nothing, as every task has a unique key.
    package static let watermarkMargin: TimeInterval = 600
    /// How far a follow-up's due time can fall from its delivery time plus its days before the
    /// calendar moves it to an opening: the "same local time" across a daylight-saving change
    /// (an hour, anywhere; two to be safe).
    static let localTimeSlack: TimeInterval = 2 * 3600

    /// Whether a pass works through everything in its look-back or only what changed since the
    /// step's watermark.
    package enum Reading: Sendable { case sinceWatermark, everything }

    /// After-sale: the handover contact and the follow-ups of every delivered order, each
    /// created when it falls due, in the customer's consenting channel.
    ///
    /// A steady pass reads only the orders that can have a step newly due (`afterSaleWindows`)
    /// or that changed since the step's watermark; it creates exactly the tasks a pass over
    /// every delivery of the look-back would, because a task, once made, is never made again
    /// (its key), and a step that was not due at the last pass is due now only if its due time
    /// fell in between or its order changed. What moves due times — the after-sale policy, a
    /// location's hours, special days, time zone — is in the watermark's fingerprint: when it
    /// changes, the pass reads everything again. Returns how many orders it read.
    @discardableResult
    package func afterSale(now: Date, _ setting: Setting, report: inout Report, reading: Reading = .sinceWatermark)
        async throws -> Int
    {
        let from = now - Self.afterSaleLookBack
        let fingerprint = try Self.afterSaleFingerprint(setting)
        let marks = SchedulerWatermarks(db: db)
        let mark = reading == .everything ? nil : try await marks.get(Self.afterSaleStep)
        let repository = OrderRepository(db: db)
        let orders: [Order]
        if let mark, mark.fingerprint == fingerprint, mark.through <= now, mark.through > from {
            orders = try await repository.delivered(
                from: from, to: now, within: Self.afterSaleWindows(since: mark.through, now: now, setting),
                orChangedSince: mark.through - Self.watermarkMargin)
        } else {
            orders = try await repository.delivered(from: from, to: now)
        }
        try await Self.afterSale(of: orders, now: now, setting, on: db, report: &report)
        try await marks.advance(
            Self.afterSaleStep, to: SchedulerWatermark(through: now, fingerprint: fingerprint), now: now)
        return orders.count
    }

    /// The delivery times whose steps can have fallen due since a pass at `since`, one window a
    /// kind of step: handovers (due at delivery) delivered since; and for each follow-up of N
    /// days, deliveries whose same local time N days on lies after the last pass's horizon
    /// (its time plus the lead) — or inside the closed stretch that horizon fell in, as the
    /// calendar moves those to the opening after it — and up to this pass's horizon.
    static func afterSaleWindows(since: Date, now: Date, _ setting: Setting) -> [DateInterval] {
        let start = since - watermarkMargin
        var windows = [DateInterval(start: start, end: max(start, now))]
        let horizon = start + afterSaleLead
        var closedFrom = horizon
        var offsets: Set<Int> = []
        for location in setting.locations {
            offsets.formUnion(setting.rules.afterSale(at: location.id).offsetsDays.filter { $0 > 0 })
            guard let calendar = setting.calendars[location.id], !calendar.isOpen(at: horizon) else { continue }
            let lastOpen = calendar.openIntervals(from: horizon - afterSaleLookBack, to: horizon).last
            closedFrom = min(closedFrom, lastOpen?.end ?? horizon - afterSaleLookBack)
        }
        for days in offsets.sorted() {
            let shift = TimeInterval(days) * 86_400
            let low = closedFrom - shift - localTimeSlack
            let high = now + afterSaleLead - shift + localTimeSlack
            if low <= high { windows.append(DateInterval(start: low, end: high)) }
        }
        return windows
    }

    /// What the after-sale step's due times depend on besides the orders — each location's
    /// after-sale policy, time zone, country (its holidays), hours and special days — and the
    /// step's own look-back and lead, as one digest (locations in id order, so the same settings
    /// give the same digest in any process).
    static func afterSaleFingerprint(_ setting: Setting) throws -> String {
        struct Entry: Encodable {
            var id: LocationID
            var timeZone: String
            var country: Country
            var hours: WeeklyHours
            var specialDays: [SpecialDay]
            var policy: AfterSalePolicy
        }
        let entries = setting.locations.sorted { $0.id.rawValue.uuidString < $1.id.rawValue.uuidString }.map {
            Entry(
                id: $0.id, timeZone: $0.timeZone, country: $0.country, hours: $0.hours, specialDays: $0.specialDays,
                policy: setting.rules.afterSale(at: $0.id))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let text =
            "\(afterSaleLookBack),\(afterSaleLead);" + String(decoding: try encoder.encode(entries), as: UTF8.self)
        return Secrets.sha256(text)
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
        // The steps that can be due by the horizon: one of N days is due no earlier than the same
        // local time N days on, so a later one is not looked up (nor its order's customer read).
        let horizon = now + afterSaleLead
        func steps(_ order: Order) -> [FollowUpStep] {
            let delivered = order.deliveredAt ?? now
            return [FollowUpStep.handover]
                + rules.afterSale(at: order.locationID).offsetsDays.filter {
                    delivered + TimeInterval($0) * 86_400 - localTimeSlack <= horizon
                }.map(FollowUpStep.day)
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
    /// Returns how many contacts and cases it read.
    @discardableResult
    package func replyTargets(now: Date, _ setting: Setting, report: inout Report) async throws -> Int {
        let calendars = setting.calendars
        // Who answers for each location: the staff read once a pass, each location's worked out once.
        let staff = try await StaffRepository(db: db).active()
        var managers: [LocationID?: [StaffID]] = [:]
        func managerIDs(_ location: LocationID?) -> [StaffID] {
            if let known = managers[location] { return known }
            let found = Policy.answerFor(location, among: staff).map(\.id)
            managers[location] = found
            return found
        }
        var tasks: [ServiceTask] = []
        var breaches: [WebhookEvent] = []
        func check(
            _ status: TargetStatus, name: String, subject: ServiceTask.Subject, owner: StaffID?,
            location: LocationID?, customer: CustomerID?, text: String
        ) {
            let base = "\(subject.kind.rawValue):\(subject.id.uuidString.lowercased()):\(name)"
            switch status.state {
            case .dueSoon:
                var assignees = owner.map { [$0] } ?? []
                if assignees.isEmpty { assignees = managerIDs(location) }
                for assignee in assignees {
                    tasks.append(
                        ServiceTask(
                            key: "reply-warning:\(base):\(assignee)", kind: .replyWarning, assigneeID: assignee,
                            locationID: location, customerID: customer, subject: subject, dueAt: status.dueAt ?? now,
                            text: text, createdAt: now, updatedAt: now))
                }
            case .breached:
                for manager in managerIDs(location) {
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
        // Every open contact and active case, however many: a chain's backlog is not cut at a page.
        let contacts = try await ContactRepository(db: db).everyUnresolved()
        for contact in contacts {
            guard let result = clocks[contact.locationID]?.status(of: contact, now: now) else { continue }
            let subject = ServiceTask.Subject(kind: .contact, id: contact.id.rawValue)
            for (name, status) in [("first_response", result.firstResponse), ("resolution", result.resolution)] {
                check(
                    status, name: name, subject: subject, owner: contact.ownerID, location: contact.locationID,
                    customer: contact.customerID, text: contact.subject)
            }
        }
        let cases = try await CaseRepository(db: db).everyActive()
        for open in cases {
            guard let location = open.locationID, let calendar = calendars[location] else { continue }
            let result = CaseClock(calendar: calendar, targets: setting.rules.caseTargets).status(of: open, now: now)
            let subject = ServiceTask.Subject(kind: .serviceCase, id: open.id.rawValue)
            for (name, status) in [("first_response", result.firstResponse), ("resolution", result.resolution)] {
                check(
                    status, name: name, subject: subject, owner: open.ownerID, location: location,
                    customer: open.customerID, text: open.title)
            }
        }
        // Most of these were made on an earlier pass: looked up first, so a pass with nothing new
        // writes nothing (and takes no write lock).
        let existing = try await TaskRepository(db: db).existingKeys(tasks.map(\.key))
        try await create(tasks.filter { !existing.contains($0.key) }, now: now, report: &report)
        report.eventsQueued += try await WebhookStore(db: db).publishNew(breaches, now: now)
        return contacts.count + cases.count
    }
}
