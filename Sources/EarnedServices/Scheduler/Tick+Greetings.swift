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
            guard let zone = TimeZone(identifier: location.timeZone) else { continue }
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = zone
            let parts = calendar.dateComponents([.year, .month, .day], from: now)
            let date = LocalDate(year: parts.year, month: parts.month ?? 1, day: parts.day ?? 1)
            let mark = "greetings:\(location.id):\(date)"
            if try await settingsStore.isMarked(mark) { continue }
            let candidates = try await GreetingCandidates(db: db).load(
                location: location, date: date, holidays: settings.holidays, budget: settings.budget, now: now)
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
            let created = try await create(tasks, now: now, report: &report)
            try await TouchRepository(db: db).record(
                created.compactMap { task in
                    task.customerID.map { ($0, Touch(at: task.dueAt, kind: .greeting), task.key) }
                })
            for task in created {
                guard let customerID = task.customerID, let customer = customers[customerID],
                    let greeting = planned.first(where: { $0.taskKey == task.key })
                else { continue }
                report.eventsQueued += try await publish(
                    WebhookEvent(
                        key: "greeting.due:\(task.key)", kind: .greetingDue, occurredAt: now,
                        data: [
                            "task_id": task.id.description, "customer_id": customerID.description,
                            "channel": greeting.channel.rawValue, "address": Self.address(customer, greeting.channel),
                            "language": greeting.language, "text": greeting.text,
                            "occasion": greeting.occasion.key, "send_at": ISO8601Text.format(task.dueAt),
                        ]), now: now)
            }
            try await settingsStore.mark(mark, at: now)
        }
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
