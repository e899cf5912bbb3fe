import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// The daily work under /api/v1: promises, cases, inbound contacts, tasks and webhook
/// subscriptions. Steps go through the same rules as the pages (`ServiceActions`).
extension APIRoutes {
    static func registerService(_ api: any RoutesBuilder) throws {
        // Promises
        api.get("promises") { req async throws -> [PromiseDTO] in
            let actor = try req.actor()
            let owner = try uuid(req, "owner_id").map(StaffID.init)
            let list = try await req.promises.open(
                owner: owner, locations: owner == nil ? actor.visibleLocationIDs : nil,
                dueBefore: try date(req, "due_before"), limit: try limit(req))
            return list.filter { Policy.maySee(actor, recordAt: $0.locationID, belongingTo: $0.ownerID) }.map {
                PromiseDTO($0, now: req.now)
            }
        }
        api.get("promises", "on-time") { req async throws -> [OnTimeRowDTO] in
            try await OnTimeBreakdown.load(req, viewer: try await ViewerContext.load(req)).rows.map(OnTimeRowDTO.init)
        }
        api.post("promises") { req async throws -> Response in
            let input = try req.content.decode(PromiseInput.self)
            let promise = try await req.promises.create(input.draft, actor: try req.actor(), now: req.now)
            return try await created(
                PromiseDTO(promise, now: req.now), req, location: "/api/v1/promises/\(promise.id)",
                resource: promise.id.rawValue)
        }
        api.get("promises", ":id") { req async throws -> PromiseDTO in
            PromiseDTO(try await req.promises.get(try id(req, "promise"), actor: try req.actor()), now: req.now)
        }
        api.post("promises", ":id", "actions") { req async throws -> PromiseDTO in
            let input = try req.content.decode(PromiseActionInput.self)
            let promise = try await ServiceActions.promise(
                ServiceActions.PromiseStep(
                    action: try required(input.action, "action"), reason: input.reason, dueAt: input.due_at,
                    toldVia: input.told_via, note: input.note), id: try id(req, "promise"), actor: try req.actor(),
                in: req.serviceContext)
            return PromiseDTO(promise, now: req.now)
        }

        // Cases
        api.get("cases") { req async throws -> [CaseDTO] in
            let actor = try req.actor()
            let all = req.query[String.self, at: "status"] == "all"
            return try await req.cases.list(
                locations: actor.visibleLocationIDs, activeOnly: !all, limit: try limit(req)
            ).map { CaseDTO($0, now: req.now) }
        }
        api.post("cases") { req async throws -> Response in
            let input = try req.content.decode(CaseInput.self)
            let opened = try await req.cases.open(input.draft, actor: try req.actor(), now: req.now)
            return try await created(
                CaseDTO(opened, now: req.now), req, location: "/api/v1/cases/\(opened.id)", resource: opened.id.rawValue
            )
        }
        api.get("cases", ":id") { req async throws -> CaseDTO in
            CaseDTO(try await req.cases.get(try id(req, "case"), actor: try req.actor()), now: req.now)
        }
        api.post("cases", ":id", "actions") { req async throws -> CaseDTO in
            let input = try req.content.decode(CaseActionInput.self)
            let changed = try await ServiceActions.serviceCase(
                ServiceActions.CaseStep(
                    action: try required(input.action, "action"), department: input.department,
                    staffID: input.staff_id.map(StaffID.init), reason: input.reason, kind: input.kind,
                    costMinorUnits: input.cost_minor_units ?? 0, note: input.note), id: try id(req, "case"),
                actor: try req.actor(), in: req.serviceContext)
            return CaseDTO(changed, now: req.now)
        }

        // Inbound contacts
        api.get("contacts") { req async throws -> [ContactDTO] in
            let actor = try req.actor()
            let status = try req.query[String.self, at: "status"].map { text in
                guard let status = InboundContact.Status(rawValue: text) else {
                    throw DomainError.invalid([
                        FieldError(
                            field: "status", code: .invalidChoice,
                            detail: InboundContact.Status.allCases.map(\.rawValue).joined(separator: ", "))
                    ])
                }
                return status
            }
            let list = try await req.contacts.list(
                locations: actor.visibleLocationIDs, status: status,
                customer: try uuid(req, "customer_id").map(CustomerID.init), before: try date(req, "before"),
                limit: try limit(req))
            return try await contactDTOs(list, req)
        }
        api.post("contacts") { req async throws -> Response in
            let input = try req.content.decode(ContactInput.self)
            let contact = try await req.contacts.create(input.draft, actor: try req.actor(), now: req.now)
            return try await created(
                try await contactDTOs([contact], req)[0], req, location: "/api/v1/contacts/\(contact.id)",
                resource: contact.id.rawValue)
        }
        api.get("contacts", ":id") { req async throws -> ContactDTO in
            let contact = try await req.contacts.get(try id(req, "contact"), actor: try req.actor())
            return try await contactDTOs([contact], req)[0]
        }
        api.post("contacts", ":id", "actions") { req async throws -> ContactDTO in
            let input = try req.content.decode(ActionInput.self)
            let contact = try await ContactActions.apply(
                try required(input.action, "action"), to: try id(req, "contact"), actor: try req.actor(),
                in: req.serviceContext)
            return try await contactDTOs([contact], req)[0]
        }

        // Tasks
        api.get("tasks") { req async throws -> [TaskDTO] in
            let actor = try req.actor()
            let team = req.query[String.self, at: "view"] == "team" && Policy.may(actor, .seeTeamWork)
            return try await req.tasks.open(
                assignee: team ? nil : actor.id, locations: team ? actor.visibleLocationIDs : nil,
                dueBefore: try date(req, "due_before"), limit: try limit(req)
            ).map(TaskDTO.init)
        }
        api.post("tasks", ":id", "complete") { req async throws -> TaskDTO in
            let input = try req.content.decode(TaskCompletionInput.self)
            let actor = try req.actor()
            let taskID = try id(req, "task") as ServiceTaskID
            let task = try await req.tasks.get(taskID, actor: actor)
            if let reached = input.reached, [.followUp, .handover].contains(task.kind) {
                let outcome = try FollowUpOutcomeDraft(
                    reached: reached, satisfied: input.satisfied, problem: input.problem,
                    referralAsked: input.referral_asked ?? false, note: input.note
                ).validated()
                return TaskDTO(
                    try await TaskActions.recordFollowUp(
                        taskID, outcome: outcome, summary: outcome.summary(.english),
                        actor: actor, in: req.serviceContext))
            }
            return TaskDTO(
                try await req.tasks.close(
                    taskID, as: input.status ?? .done, outcome: input.outcome, actor: actor, now: req.now))
        }

        // Referrals: who brought whom
        api.get("customers", ":id", "referrals") { req async throws -> [ReferralDTO] in
            let customer = try await req.customers.get(try id(req, "customer"), actor: try req.actor())
            let found = try await req.referrals.of(customer.id)
            return (found.broughtBy + found.gave).map(ReferralDTO.init)
        }
        api.post("customers", ":id", "referrals") { req async throws -> Response in
            let input = try req.content.decode(ReferralInput.self)
            let referral = try await req.referrals.record(
                ReferralDraft(
                    referrerID: try id(req, "customer"), referredID: input.referred_id.map(CustomerID.init),
                    orderID: input.order_id.map(OrderID.init)), actor: try req.actor(), now: req.now)
            return try await created(ReferralDTO(referral), req, location: nil, resource: referral.referrerID.rawValue)
        }

        // Call-first incidents
        api.get("incidents") { req async throws -> [IncidentDTO] in
            try await req.incidents.list(actor: try req.actor(), limit: try limit(req)).map(IncidentDTO.init)
        }
        api.post("incidents") { req async throws -> Response in
            let input = try req.content.decode(IncidentInput.self)
            guard let scope = input.scope else {
                throw DomainError.invalid([FieldError(field: "scope", code: .required)])
            }
            let report = try await req.incidents.record(
                IncidentDraft(
                    title: input.title, detail: input.detail, foundAt: input.found_at,
                    locationID: input.location_id.map(LocationID.init), scope: try scope.scope),
                actor: try req.actor(), now: req.now)
            return try await created(
                IncidentDTO(report), req, location: "/api/v1/incidents/\(report.incident.id)",
                resource: report.incident.id.rawValue)
        }
        api.get("incidents", ":id") { req async throws -> IncidentDTO in
            IncidentDTO(try await req.incidents.get(try id(req, "incident"), actor: try req.actor()))
        }
        api.post("incidents", ":id", "close") { req async throws -> IncidentDTO in
            IncidentDTO(try await req.incidents.close(try id(req, "incident"), actor: try req.actor(), now: req.now))
        }

        // Webhook subscriptions (owner)
        api.get("webhooks") { req async throws -> [WebhookSubscriptionDTO] in
            try Policy.require(try req.actor(), .manageIntegrations)
            return try await WebhookStore(db: req.database).subscriptions().map(WebhookSubscriptionDTO.init)
        }
        api.post("webhooks") { req async throws -> Response in
            let input = try req.content.decode(WebhookInput.self)
            let secret = Secrets.token()
            let subscription = try await WebhookStore(db: req.database).create(
                input.draft, secret: secret, actor: try req.actor(), now: req.now)
            return try await created(
                CreatedWebhookDTO(subscription: WebhookSubscriptionDTO(subscription), secret: secret), req,
                location: "/api/v1/webhooks/\(subscription.id)", resource: subscription.id.rawValue)
        }
        api.patch("webhooks", ":id") { req async throws -> WebhookSubscriptionDTO in
            let input = try req.content.decode(WebhookInput.self)
            guard let active = input.is_active else {
                throw DomainError.invalid([FieldError(field: "is_active", code: .required)])
            }
            return WebhookSubscriptionDTO(
                try await WebhookStore(db: req.database).setActive(
                    try id(req, "webhook"), active, actor: try req.actor(), now: req.now))
        }
        api.get("webhooks", ":id", "deliveries") { req async throws -> [WebhookDeliveryDTO] in
            try Policy.require(try req.actor(), .manageIntegrations)
            return try await WebhookStore(db: req.database).deliveries(
                subscription: try id(req, "webhook"), limit: try limit(req)
            ).map(WebhookDeliveryDTO.init)
        }
    }

    static func required(_ value: String?, _ field: String) throws -> String {
        guard let value, !value.isEmpty else { throw DomainError.invalid([FieldError(field: field, code: .required)]) }
        return value
    }

    static func contactDTOs(_ contacts: [InboundContact], _ req: Request) async throws -> [ContactDTO] {
        let clocks = try await ContactActions.clocks(try await req.locations.all(), on: req.database)
        return contacts.map { ContactDTO($0, clock: clocks[$0.locationID]?.status(of: $0, now: req.now)) }
    }
}
