import EarnedDomain
import EarnedStore
import FluentKit
import Foundation

/// An incident recorded with a message for the customers it touched: each customer Earned can
/// reach itself (by e-mail or through the bot, on their outreach task's channel or else by
/// whichever they consented to) gets the message at the next sending hour, and their outreach
/// task is done when it goes out; everyone else stays a call or message for a person to make,
/// as without a message.
package enum IncidentOutreach {
    package static let messageLimit = 2000

    @discardableResult
    package static func record(_ draft: IncidentDraft, message: String?, actor: Staff, now: Date, on db: any Database)
        async throws -> IncidentRepository.Report
    {
        var v = Validator()
        let text = v.text("message", message, max: messageLimit)
        if !v.errors.isEmpty {
            // Every problem at once: the draft's too.
            var checked = draft
            checked.reportedByID = actor.id
            let more: [FieldError]
            switch Result(catching: { () throws(DomainError) in try checked.validated(id: IncidentID(), now: now) }) {
            case .failure(.invalid(let fields)): more = fields
            default: more = []
            }
            throw DomainError.invalid(v.errors + more)
        }
        let report = try await IncidentRepository(db: db).record(draft, actor: actor, now: now)
        guard let text, !text.isEmpty else { return report }
        let incident = report.incident
        let customerIDs = report.affected.map(\.customerID)
        let tasks = try await TaskRepository(db: db).withKeys(
            customerIDs.map { "outreach:\(incident.id):\($0)" })
        let customers = try await CustomerRepository(db: db).byIDs(customerIDs)
        let setting = try await Tick.Setting.load(db)
        let routes = try await CustomerMail.DirectRoutes.load(
            for: customerIDs, mail: setting.mail, telegram: setting.telegram, on: db)
        let zones = Dictionary(
            setting.locations.map { ($0.id, TimeZone(identifier: $0.timeZone) ?? .gmt) },
            uniquingKeysWith: { a, _ in a })
        var messages: [OutboundMessage] = []
        for task in tasks where task.status == .open {
            guard let id = task.customerID, let customer = customers[id], customer.erasedAt == nil else { continue }
            guard
                let (channel, address) = CustomerMail.firstDirect(
                    customer, preferring: task.channel, location: task.locationID, routes: routes)
            else { continue }
            let english = customer.language == "en"
            let name = GreetingContext(name: customer.name, kind: customer.kind).firstName
            let zone = (customer.homeLocationID ?? task.locationID).flatMap { zones[$0] } ?? .gmt
            messages.append(
                OutboundMessage(
                    id: IDGenerator.next(), key: "outreach:\(task.key)", kind: .outreach, channel: channel,
                    customerID: id, staffID: task.assigneeID, locationID: task.locationID, taskID: task.id,
                    subjectID: incident.id.rawValue, address: address, name: customer.name,
                    subject: english ? "About your order" : "О вашем заказе",
                    text: (english ? "Hello, \(name)!" : "Здравствуйте, \(name)!") + "\n\n" + text,
                    language: customer.language,
                    nextAttemptAt: setting.outreach.quietHours.nextSendTime(onOrAfter: now, in: zone), createdAt: now))
        }
        _ = try await OutboxStore(db: db).enqueue(messages)
        return report
    }
}
