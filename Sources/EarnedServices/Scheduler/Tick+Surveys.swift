import EarnedDomain
import EarnedStore
import FluentKit
import Foundation

extension Tick {
    /// How long after a survey's send time its event is still looked for: a scheduler stopped
    /// this long still asks what fell due meanwhile; older events are not asked about.
    package static let surveyLookBack: TimeInterval = 3 * 86_400
    /// How far back a relationship survey counts a customer as buying from us.
    package static let relationshipActivity: TimeInterval = 365 * 86_400

    /// Surveys: every event a survey follows (an order delivered, a contact resolved, a case
    /// closed, a period of a relationship) whose send time has come becomes one invitation,
    /// by key, if the customer is sampled, consents to a written channel and is within the
    /// fatigue budget. Its one-time link goes to the gateway as `survey.requested`; with no
    /// gateway subscribed, the person responsible gets a task to send it by hand.
    package func surveys(now: Date, _ setting: Setting, report: inout Report) async throws {
        let repo = SurveyRepository(db: db)
        let definitions = try await repo.definitions().filter(\.isActive)
        guard !definitions.isEmpty else { return }
        let locations = Dictionary(setting.locations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var events: [(SurveyDefinition, SurveyTriggerEvent)] = []
        for definition in definitions {
            // Events whose send time (event + delay) fell in the look-back window.
            let to = now - definition.delay
            let from = to - Self.surveyLookBack
            switch definition.trigger {
            case .orderDelivered:
                for order in try await OrderRepository(db: db).delivered(from: from, to: to) {
                    events.append((definition, .orderDelivered(order)))
                }
            case .contactResolved:
                for contact in try await repo.contactsResolved(from: from, to: to) where contact.customerID != nil {
                    events.append((definition, .contactResolved(contact)))
                }
            case .caseClosed:
                for closed in try await repo.casesClosed(from: from, to: to) {
                    events.append((definition, .caseClosed(closed)))
                }
            case .relationship(let days):
                events += try await relationshipEvents(definition, days: days, from: from, to: to, setting)
            }
        }
        guard !events.isEmpty else { return }
        let keys = events.map { SurveyInvitationPlanner.key(definition: $0.0, event: $0.1) }
        let existing = try await repo.existingKeys(keys)
        let pending = zip(events, keys).filter { !existing.contains($0.1) }.map(\.0)
        guard !pending.isEmpty else { return }
        let customerIDs = Array(Set(pending.compactMap { $0.1.customerID }))
        let customers = try await CustomerRepository(db: db).byIDs(customerIDs)
        let budget = setting.outreach.budget
        var touches = try await TouchRepository(db: db).since(
            now - budget.window - Self.surveyLookBack, customers: customerIDs)
        var generator = SystemRandomNumberGenerator()
        var issued: [(SurveyInvitation, SurveyToken)] = []
        for (definition, event) in pending {
            guard let customerID = event.customerID, let customer = customers[customerID] else { continue }
            let home = customer.homeLocationID.flatMap { locations[$0] }
            let served: Location? =
                switch event {
                case .orderDelivered(let order): order.locationID.flatMap { locations[$0] }
                case .contactResolved(let contact): locations[contact.locationID]
                case .caseClosed(let closed): closed.locationID.flatMap { locations[$0] }
                case .relationship: home
                }
            let zone = (served ?? home).flatMap { TimeZone(identifier: $0.timeZone) } ?? .gmt
            let decision = SurveyInvitationPlanner.plan(
                definition: definition, event: event, customer: customer, customerTimeZone: zone, location: served,
                touches: touches[customerID] ?? [], budget: budget)
            // Quiet hours may move the send time past now: asked on a later pass.
            guard let planned = decision.planned, planned.sendAt <= now else { continue }
            touches[customerID, default: []].append(planned.touch)
            issued.append(
                SurveyInvitation.issue(
                    planned, definition: definition, id: SurveyInvitationID(), now: now, using: &generator,
                    hash: Secrets.sha256))
        }
        let created = Set(try await repo.createNew(issued.map(\.0), sentAt: now).map(\.id))
        let fresh = issued.filter { created.contains($0.0.id) }
        try await TouchRepository(db: db).record(
            fresh.map { ($0.0.customerID, Touch(at: $0.0.sendAt, kind: .survey), $0.0.key) })
        var byHand: [ServiceTask] = []
        var byMail: [OutboundMessage] = []
        let routes = try await CustomerMail.DirectRoutes.load(
            for: fresh.map(\.0.customerID), mail: setting.mail, telegram: setting.telegram, on: db)
        for (invitation, token) in fresh {
            guard let customer = customers[invitation.customerID],
                let definition = definitions.first(where: { $0.id == invitation.definitionID })
            else { continue }
            let link = SurveyLink.url(base: linkBase, token: token)
            let location = invitation.attribution.locationID ?? customer.homeLocationID
            // By the shop's own e-mail or bot when it can: no gateway, no task (one follows if the
            // mail is refused or never gets through).
            if let (channel, address) = CustomerMail.direct(
                customer, channel: invitation.channel, location: location, routes: routes)
            {
                byMail.append(
                    OutboundMessage(
                        id: IDGenerator.next(), key: "survey:\(invitation.id)", kind: .survey, channel: channel,
                        customerID: customer.id, staffID: invitation.attribution.staffID ?? customer.ownerID,
                        locationID: location, subjectID: invitation.id.rawValue, address: address, name: customer.name,
                        subject: CustomerMail.surveySubject(language: invitation.language),
                        text: SurveyLink.message(link: link, customer: customer, language: invitation.language),
                        language: invitation.language, nextAttemptAt: now, createdAt: now))
                continue
            }
            let queued = try await publish(
                WebhookEvent(
                    key: "survey.requested:\(invitation.id)", kind: .surveyRequested, occurredAt: now,
                    data: [
                        "invitation_id": invitation.id.description, "survey_id": definition.id.description,
                        "customer_id": customer.id.description, "channel": invitation.channel.rawValue,
                        "address": Self.address(customer, invitation.channel), "language": invitation.language,
                        "link": link,
                        "text": SurveyLink.message(link: link, customer: customer, language: invitation.language),
                        "expires_at": ISO8601Text.format(invitation.expiresAt),
                    ]), now: now)
            report.eventsQueued += queued
            if queued == 0 {
                byHand.append(
                    ServiceTask(
                        key: SurveyRepository.sendTaskKey(invitation.id), kind: .surveySend,
                        assigneeID: invitation.attribution.staffID ?? customer.ownerID,
                        locationID: invitation.attribution.locationID ?? customer.homeLocationID,
                        customerID: customer.id, subject: .init(kind: .survey, id: invitation.id.rawValue),
                        dueAt: invitation.sendAt, channel: invitation.channel, text: definition.name, createdAt: now,
                        updatedAt: now))
            }
        }
        try await create(byHand, now: now, report: &report)
        report.mailQueued += try await OutboxStore(db: db).enqueue(byMail).count
    }

    /// The relationship survey's customers whose period starts in `[from, to]`: everyone who
    /// bought in the last year, each on their own day of the period (spread by their id, so a
    /// period's invitations do not all go out on one day).
    package func relationshipEvents(
        _ definition: SurveyDefinition, days: Int, from: Date, to: Date, _ setting: Setting
    ) async throws -> [(SurveyDefinition, SurveyTriggerEvent)] {
        let period = TimeInterval(days) * 86_400
        var events: [(SurveyDefinition, SurveyTriggerEvent)] = []
        for customer in try await SurveyRepository(db: db).customersBuyingSince(to - Self.relationshipActivity) {
            let offset =
                TimeInterval(
                    Int(
                        SurveyInvitationPlanner.sampleDraw(
                            definitionID: definition.id, subjectKey: customer.description)
                            * Double(days))) * 86_400
            // The latest period start of this customer at or before `to`.
            let periods = ((to.timeIntervalSince1970 - offset) / period).rounded(.down)
            let start = Date(timeIntervalSince1970: periods * period + offset)
            guard start >= from else { continue }
            events.append((definition, .relationship(customerID: customer, periodStart: start)))
        }
        return events
    }
}
