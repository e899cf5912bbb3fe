import EarnedDomain
import EarnedStore
import FluentKit
import Foundation

extension Tick {
    /// Greetings: once a local day per location, the day's birthdays, customers' own stored
    /// dates (anniversaries, name days, founding days), purchase anniversaries and the holidays
    /// of the location's country become greeting tasks from the templates, in the customer's language and
    /// consenting channel, inside the sending hours of the customer's time zone, within the
    /// fatigue budget. Each is told to subscribers as `greeting.due` with the words and the
    /// address, for an SMS, messenger or e-mail gateway. The day is marked done only after its
    /// tasks exist, so a pass killed half-way is redone; task keys keep it from doubling.
    package func greetings(now: Date, _ setting: Setting, report: inout Report) async throws {
        let settingsStore = SettingsStore(db: db)
        let settings = setting.outreach
        guard settings.greetingsEnabled else { return }
        for location in setting.locations {
            guard let day = Self.greetingDay(at: location, now: now) else { continue }
            let (zone, date) = day
            let mark = Self.greetingsMark(location.id, date)
            if try await settingsStore.isMarked(mark) { continue }
            let candidates = try await GreetingCandidates(db: db).load(
                location: location, date: date, holidays: settings.holidays, budget: settings.budget, now: now)
            try await Self.greet(
                candidates, on: date, at: location, zone: zone, settings, now: now, on: db, report: &report)
            try await settingsStore.mark(mark, at: now)
        }
    }

    /// The local date at `location` at `now`, with the location's time zone; nil for a zone
    /// not known.
    package static func greetingDay(at location: Location, now: Date) -> (zone: TimeZone, date: LocalDate)? {
        guard let zone = TimeZone(identifier: location.timeZone) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: now)
        return (zone, LocalDate(year: parts.year, month: parts.month ?? 1, day: parts.day ?? 1))
    }

    /// The mark that says a location's greetings for a local date are planned.
    package static func greetingsMark(_ location: LocationID, _ date: LocalDate) -> String {
        "greetings:\(location):\(date)"
    }

    /// Plans `candidates` of one location for its local `date` and creates their greeting
    /// tasks, each with its touch and its `greeting.due` event; the pass and the at-once
    /// greeting of a customer whose date was recorded after the pass (`GreetingActions`) both
    /// come through here. A customer who has a greeting for the date already is left out: one
    /// greeting a customer a day, whichever of the two came first.
    @discardableResult
    package static func greet(
        _ candidates: [GreetingCandidate], on date: LocalDate, at location: Location, zone: TimeZone,
        _ settings: OutreachSettings, now: Date, on db: any Database, report: inout Report
    ) async throws -> [ServiceTask] {
        guard !candidates.isEmpty else { return [] }
        let greeted = try await TaskRepository(db: db).greetedCustomers(on: date)
        let candidates = candidates.filter { !greeted.contains($0.customer.id) }
        let planned = GreetingPlanner.plan(
            on: date, candidates: candidates, holidays: settings.holidays, templates: settings.effectiveTemplates,
            budget: settings.budget, quietHours: settings.quietHours
        ).compactMap(\.planned)
        var customers: [CustomerID: Customer] = [:]
        for candidate in candidates where customers[candidate.customer.id] == nil {
            customers[candidate.customer.id] = candidate.customer
        }
        var tasks: [ServiceTask] = []
        for greeting in planned {
            guard let customer = customers[greeting.customerID] else { continue }
            // Never at night: a day planned late goes out at the next sending time.
            let due = max(greeting.sendAt, settings.quietHours.nextSendTime(onOrAfter: now, in: zone))
            tasks.append(
                ServiceTask(
                    key: greeting.taskKey, kind: .greeting, assigneeID: customer.ownerID, locationID: location.id,
                    customerID: customer.id, subject: .init(kind: .customer, id: customer.id.rawValue), dueAt: due,
                    channel: greeting.channel, text: greeting.text, createdAt: now, updatedAt: now))
        }
        let created = try await create(tasks, now: now, on: db, report: &report)
        try await TouchRepository(db: db).record(
            created.compactMap { task in
                task.customerID.map { ($0, Touch(at: task.dueAt, kind: .greeting), task.key) }
            })
        let hooks = WebhookStore(db: db)
        let store = SettingsStore(db: db)
        let routes = try await CustomerMail.DirectRoutes.load(
            for: created.compactMap(\.customerID), mail: try await store.mail(), telegram: try await store.telegram(),
            on: db)
        var byMail: [OutboundMessage] = []
        for task in created {
            guard let customerID = task.customerID, let customer = customers[customerID],
                let greeting = planned.first(where: { $0.taskKey == task.key })
            else { continue }
            // E-mail or a Telegram message the shop sends itself goes from the outbox at the
            // greeting's time; the task is done when it is sent, and no gateway is asked.
            if let (channel, address) = CustomerMail.direct(
                customer, channel: greeting.channel, location: location.id, routes: routes)
            {
                byMail.append(
                    OutboundMessage(
                        id: IDGenerator.next(), key: "greeting:\(task.key)", kind: .greeting, channel: channel,
                        customerID: customerID, staffID: task.assigneeID, locationID: location.id, taskID: task.id,
                        address: address, name: customer.name, subject: CustomerMail.subject(ofGreeting: greeting.text),
                        text: greeting.text, language: greeting.language, nextAttemptAt: task.dueAt, createdAt: now))
                continue
            }
            report.eventsQueued += try await hooks.publish(
                WebhookEvent(
                    key: "greeting.due:\(task.key)", kind: .greetingDue, occurredAt: now,
                    data: [
                        "task_id": task.id.description, "customer_id": customerID.description,
                        "channel": greeting.channel.rawValue, "address": Self.address(customer, greeting.channel),
                        "language": greeting.language, "text": greeting.text,
                        "occasion": greeting.occasion.key, "send_at": ISO8601Text.format(task.dueAt),
                    ]), now: now)
        }
        report.mailQueued += try await OutboxStore(db: db).enqueue(byMail).count
        return created
    }

    /// Where a message through `channel` goes: the e-mail for e-mail, the messenger handle for
    /// a messenger (else the phone), the phone for SMS.
    package static func address(_ customer: Customer, _ channel: ContactChannel) -> String {
        func first(_ c: ContactChannel) -> String? { customer.contacts.first { $0.channel == c }?.value }
        switch channel {
        case .email: return first(.email) ?? ""
        case .messenger: return first(.messenger) ?? first(.phone) ?? ""
        default: return first(.phone) ?? ""
        }
    }
}
