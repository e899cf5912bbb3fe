import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// The daily work under /api/v1: promises, cases, inbound contacts, tasks and webhook
/// subscriptions. Steps go through the same rules as the pages (`ServiceActions`).
extension APIRoutes {
    static func registerService(_ api: any RoutesBuilder) {
        // Promises
        api.get(SiteURL.API.promises.pathComponents, use: listPromises)
        api.get(SiteURL.API.onTime.pathComponents, use: onTime)
        api.post(SiteURL.API.promises.pathComponents, use: createPromise)
        api.get(SiteURL.API.promise(.key).pathComponents, use: getPromise)
        api.post(SiteURL.API.promiseActions(.key).pathComponents, use: promiseAction)

        // Cases
        api.get(SiteURL.API.cases.pathComponents, use: listCases)
        api.post(SiteURL.API.cases.pathComponents, use: openCase)
        api.get(SiteURL.API.serviceCase(.key).pathComponents, use: getCase)
        api.post(SiteURL.API.caseActions(.key).pathComponents, use: caseAction)

        // Inbound contacts
        api.get(SiteURL.API.contacts.pathComponents, use: listContacts)
        api.post(SiteURL.API.contacts.pathComponents, use: createContact)
        api.get(SiteURL.API.contact(.key).pathComponents, use: getContact)
        api.post(SiteURL.API.contactActions(.key).pathComponents, use: contactAction)

        // Tasks
        api.get(SiteURL.API.tasks.pathComponents, use: listTasks)
        api.post(SiteURL.API.completeTask(.key).pathComponents, use: completeTask)
        api.post(SiteURL.API.tasks.pathComponents, use: createTask)
        api.post(SiteURL.API.taskActions(.key).pathComponents, use: taskAction)

        // Absences
        api.get(SiteURL.API.absences.pathComponents, use: listAbsences)
        api.post(SiteURL.API.absences.pathComponents, use: recordAbsence)
        api.post(SiteURL.API.endAbsence(.key).pathComponents, use: endAbsence)

        // Referrals: who brought whom
        api.get(SiteURL.API.customerReferrals(.key).pathComponents, use: referrals)
        api.post(SiteURL.API.customerReferrals(.key).pathComponents, use: recordReferral)

        // Call-first incidents
        api.get(SiteURL.API.incidents.pathComponents, use: listIncidents)
        api.post(SiteURL.API.incidents.pathComponents, use: recordIncident)
        api.get(SiteURL.API.incident(.key).pathComponents, use: getIncident)
        api.post(SiteURL.API.closeIncident(.key).pathComponents, use: closeIncident)

        // Webhook subscriptions (owner)
        api.get(SiteURL.API.webhooks.pathComponents, use: listWebhooks)
        api.post(SiteURL.API.webhooks.pathComponents, use: createWebhook)
        api.patch(SiteURL.API.webhook(.key).pathComponents, use: setWebhookActive)
        api.get(SiteURL.API.webhookDeliveries(.key).pathComponents, use: webhookDeliveries)
        api.delete(SiteURL.API.webhook(.key).pathComponents, use: deleteWebhook)
        api.post(SiteURL.API.webhookTest(.key).pathComponents, use: testWebhook)
        api.post(SiteURL.API.deliveryResend(.key).pathComponents, use: resendDelivery)
    }

    static func listPromises(_ req: Request) async throws -> [PromiseDTO] {
        let actor = try req.actor()
        let owner = try uuid(req, "owner_id").map(StaffID.init)
        let list = try await req.promises.open(
            owner: owner, locations: owner == nil ? actor.visibleLocationIDs : nil,
            dueBefore: try req.queryDate("due_before"), limit: try limit(req))
        return list.filter { Policy.maySee(actor, recordAt: $0.locationID, belongingTo: $0.ownerID) }.map {
            PromiseDTO($0, now: req.now)
        }
    }

    static func onTime(_ req: Request) async throws -> [OnTimeRowDTO] {
        try await OnTimeBreakdown.load(req, viewer: try await ViewerContext.load(req)).rows.map(OnTimeRowDTO.init)
    }

    static func createPromise(_ req: Request) async throws -> Response {
        let input = try req.content.decode(PromiseInput.self)
        let promise = try await req.promises.create(input.draft, actor: try req.actor(), now: req.now)
        return try await created(
            PromiseDTO(promise, now: req.now), req, location: .promise(promise.id.rawValue),
            resource: promise.id.rawValue)
    }

    static func getPromise(_ req: Request) async throws -> PromiseDTO {
        PromiseDTO(try await req.promises.get(try id(req, "promise"), actor: try req.actor()), now: req.now)
    }

    static func promiseAction(_ req: Request) async throws -> PromiseDTO {
        let input = try req.content.decode(PromiseActionInput.self)
        let promise = try await ServiceActions.promise(
            ServiceActions.PromiseStep(
                action: try required(input.action, "action"), reason: input.reason, dueAt: input.due_at,
                toldVia: input.told_via, note: input.note, staffID: input.staff_id.map(StaffID.init)),
            id: try id(req, "promise"), actor: try req.actor(),
            in: req.serviceContext)
        return PromiseDTO(promise, now: req.now)
    }

    static func listCases(_ req: Request) async throws -> [CaseDTO] {
        let actor = try req.actor()
        let all = req.query[String.self, at: "status"] == "all"
        return try await req.cases.list(
            locations: actor.visibleLocationIDs, activeOnly: !all, limit: try limit(req)
        ).map { CaseDTO($0, now: req.now) }
    }

    static func openCase(_ req: Request) async throws -> Response {
        let input = try req.content.decode(CaseInput.self)
        let opened = try await req.cases.open(input.draft, actor: try req.actor(), now: req.now)
        return try await created(
            CaseDTO(opened, now: req.now), req, location: .serviceCase(opened.id.rawValue), resource: opened.id.rawValue
        )
    }

    static func getCase(_ req: Request) async throws -> CaseDTO {
        CaseDTO(try await req.cases.get(try id(req, "case"), actor: try req.actor()), now: req.now)
    }

    static func caseAction(_ req: Request) async throws -> CaseDTO {
        let input = try req.content.decode(CaseActionInput.self)
        let changed = try await ServiceActions.serviceCase(
            ServiceActions.CaseStep(
                action: try required(input.action, "action"), department: input.department,
                staffID: input.staff_id.map(StaffID.init), reason: input.reason, kind: input.kind,
                costMinorUnits: input.cost_minor_units ?? 0, note: input.note), id: try id(req, "case"),
            actor: try req.actor(), in: req.serviceContext)
        return CaseDTO(changed, now: req.now)
    }

    static func listContacts(_ req: Request) async throws -> [ContactDTO] {
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
            customer: try uuid(req, "customer_id").map(CustomerID.init), before: try req.queryDate("before"),
            limit: try limit(req))
        return try await contactDTOs(list, req)
    }

    static func createContact(_ req: Request) async throws -> Response {
        let input = try req.content.decode(ContactInput.self)
        let contact = try await req.contacts.create(input.draft, actor: try req.actor(), now: req.now)
        return try await created(
            try await contactDTOs([contact], req)[0], req, location: .contact(contact.id.rawValue),
            resource: contact.id.rawValue)
    }

    static func getContact(_ req: Request) async throws -> ContactDTO {
        let contact = try await req.contacts.get(try id(req, "contact"), actor: try req.actor())
        return try await contactDTOs([contact], req)[0]
    }

    static func contactAction(_ req: Request) async throws -> ContactDTO {
        let input = try req.content.decode(ActionInput.self)
        let contact = try await ContactActions.apply(
            try required(input.action, "action"), to: try id(req, "contact"), actor: try req.actor(),
            in: req.serviceContext, staffID: input.staff_id.map(StaffID.init))
        return try await contactDTOs([contact], req)[0]
    }

    static func listTasks(_ req: Request) async throws -> [TaskDTO] {
        let actor = try req.actor()
        let team = req.query[String.self, at: "view"] == "team" && Policy.may(actor, .seeTeamWork)
        return try await req.tasks.open(
            assignee: team ? nil : actor.id, locations: team ? actor.visibleLocationIDs : nil,
            dueBefore: try req.queryDate("due_before"), limit: try limit(req)
        ).map(TaskDTO.init)
    }

    static func completeTask(_ req: Request) async throws -> TaskDTO {
        let input = try req.content.decode(TaskCompletionInput.self)
        let actor = try req.actor()
        let taskID = try id(req, "task") as ServiceTaskID
        let task = try await req.tasks.get(taskID, actor: actor)
        if task.kind == .outreach, (input.status ?? .done) == .done {
            return TaskDTO(
                try await TaskActions.recordOutreach(
                    taskID, reached: input.reached ?? false, reachedAt: input.reached_at, note: input.note,
                    actor: actor, in: req.serviceContext))
        }
        if let reached = input.reached, [.followUp, .handover].contains(task.kind) {
            let outcome = try FollowUpOutcomeDraft(
                reached: reached, satisfied: input.satisfied, problem: input.problem,
                referralAsked: input.referral_asked ?? false, note: input.note
            ).validated()
            return TaskDTO(
                try await TaskActions.recordFollowUp(
                    taskID, outcome: outcome, summary: outcome.summary(.english), actor: actor, in: req.serviceContext))
        }
        return TaskDTO(
            try await req.tasks.close(
                taskID, as: input.status ?? .done, outcome: input.outcome, actor: actor, now: req.now))
    }

    static func createTask(_ req: Request) async throws -> Response {
        let input = try req.content.decode(TaskInput.self)
        let task = try await TaskActions.makeByHand(
            text: input.text, assignee: input.assignee_id.map(StaffID.init), dueAt: input.due_at,
            customerID: input.customer_id.map(CustomerID.init), actor: try req.actor(), in: req.serviceContext)
        return try await created(TaskDTO(task), req, location: nil, resource: task.id.rawValue)
    }

    static func taskAction(_ req: Request) async throws -> TaskDTO {
        let input = try req.content.decode(TaskActionInput.self)
        let actor = try req.actor()
        let taskID = try id(req, "task") as ServiceTaskID
        switch try required(input.action, "action") {
        case "snooze":
            let until = try required(input.until, "until")
            return TaskDTO(try await TaskActions.snooze(taskID, until: until, actor: actor, in: req.serviceContext))
        case "reassign":
            let staffID = try required(input.staff_id, "staff_id")
            try await WorkActions.reassign(
                .init(kind: .task, id: taskID.rawValue), to: StaffID(staffID), actor: actor, in: req.serviceContext)
            return TaskDTO(try await req.tasks.get(taskID, actor: actor))
        default:
            throw DomainError.invalid([FieldError(field: "action", code: .invalidChoice, detail: "snooze, reassign")])
        }
    }

    static func listAbsences(_ req: Request) async throws -> [AbsenceDTO] {
        let actor = try req.actor()
        try Policy.require(actor, .changeOthersWork)
        return try await AbsenceRepository(db: req.database).current(actor: actor, now: req.now).map {
            AbsenceDTO($0, now: req.now)
        }
    }

    static func recordAbsence(_ req: Request) async throws -> Response {
        let input = try req.content.decode(AbsenceInput.self)
        let absence = try await AbsenceActions.record(
            AbsenceDraft(
                staffID: input.staff_id.map(StaffID.init), coverID: input.cover_id.map(StaffID.init),
                startsAt: input.starts_at, endsAt: input.ends_at, reason: input.reason), actor: try req.actor(),
            in: req.serviceContext)
        return try await created(AbsenceDTO(absence, now: req.now), req, location: nil, resource: absence.id.rawValue)
    }

    static func endAbsence(_ req: Request) async throws -> AbsenceDTO {
        AbsenceDTO(
            try await AbsenceActions.end(try id(req, "absence"), actor: try req.actor(), in: req.serviceContext),
            now: req.now)
    }

    static func referrals(_ req: Request) async throws -> [ReferralDTO] {
        let customer = try await req.customers.get(try id(req, "customer"), actor: try req.actor())
        let found = try await req.referrals.of(customer.id)
        return (found.broughtBy + found.gave).map(ReferralDTO.init)
    }

    static func recordReferral(_ req: Request) async throws -> Response {
        let input = try req.content.decode(ReferralInput.self)
        let referral = try await req.referrals.record(
            ReferralDraft(
                referrerID: try id(req, "customer"), referredID: input.referred_id.map(CustomerID.init),
                orderID: input.order_id.map(OrderID.init)), actor: try req.actor(), now: req.now)
        return try await created(ReferralDTO(referral), req, location: nil, resource: referral.referrerID.rawValue)
    }

    static func listIncidents(_ req: Request) async throws -> [IncidentDTO] {
        try await req.incidents.list(actor: try req.actor(), limit: try limit(req)).map(IncidentDTO.init)
    }

    static func recordIncident(_ req: Request) async throws -> Response {
        let input = try req.content.decode(IncidentInput.self)
        guard let scope = input.scope else {
            throw DomainError.invalid([FieldError(field: "scope", code: .required)])
        }
        let report = try await IncidentOutreach.record(
            IncidentDraft(
                title: input.title, detail: input.detail, foundAt: input.found_at,
                locationID: input.location_id.map(LocationID.init), scope: try scope.scope),
            message: input.message, actor: try req.actor(), now: req.now, on: req.database)
        return try await created(
            IncidentDTO(report), req, location: .incident(report.incident.id.rawValue),
            resource: report.incident.id.rawValue)
    }

    static func getIncident(_ req: Request) async throws -> IncidentDTO {
        IncidentDTO(try await req.incidents.get(try id(req, "incident"), actor: try req.actor()))
    }

    static func closeIncident(_ req: Request) async throws -> IncidentDTO {
        IncidentDTO(try await req.incidents.close(try id(req, "incident"), actor: try req.actor(), now: req.now))
    }

    static func listWebhooks(_ req: Request) async throws -> [WebhookSubscriptionDTO] {
        try Policy.require(try req.actor(), .manageIntegrations)
        return try await WebhookStore(db: req.database).subscriptions().map(WebhookSubscriptionDTO.init)
    }

    static func createWebhook(_ req: Request) async throws -> Response {
        let input = try req.content.decode(WebhookInput.self)
        let secret = Secrets.token()
        let subscription = try await WebhookStore(db: req.database).create(
            input.draft, secret: secret, actor: try req.actor(), now: req.now)
        return try await created(
            CreatedWebhookDTO(subscription: WebhookSubscriptionDTO(subscription), secret: secret), req,
            location: .webhook(subscription.id.rawValue), resource: subscription.id.rawValue)
    }

    /// Changes what is given: the address, events, description, or whether it is active.
    static func setWebhookActive(_ req: Request) async throws -> WebhookSubscriptionDTO {
        let input = try req.content.decode(WebhookInput.self)
        return WebhookSubscriptionDTO(
            try await WebhookStore(db: req.database).update(
                try id(req, "webhook"), input.draft, actor: try req.actor(), now: req.now))
    }

    static func deleteWebhook(_ req: Request) async throws -> Response {
        try await WebhookStore(db: req.database).delete(try id(req, "webhook"), actor: try req.actor(), now: req.now)
        return Response(status: .noContent)
    }

    static func testWebhook(_ req: Request) async throws -> Response {
        try await WebhookStore(db: req.database).queueTest(try id(req, "webhook"), actor: try req.actor(), now: req.now)
        return Response(status: .accepted)
    }

    static func resendDelivery(_ req: Request) async throws -> WebhookDeliveryDTO {
        WebhookDeliveryDTO(
            try await WebhookStore(db: req.database).resend(
                try req.uuidParameter("delivery"), actor: try req.actor(), now: req.now))
    }

    static func webhookDeliveries(_ req: Request) async throws -> [WebhookDeliveryDTO] {
        try Policy.require(try req.actor(), .manageIntegrations)
        return try await WebhookStore(db: req.database).deliveries(
            subscription: try id(req, "webhook"), limit: try limit(req)
        ).map(WebhookDeliveryDTO.init)
    }

    static func required(_ value: String?, _ field: String) throws -> String {
        guard let value, !value.isEmpty else { throw DomainError.invalid([FieldError(field: field, code: .required)]) }
        return value
    }

    static func required<T>(_ value: T?, _ field: String) throws -> T {
        guard let value else { throw DomainError.invalid([FieldError(field: field, code: .required)]) }
        return value
    }

    static func contactDTOs(_ contacts: [InboundContact], _ req: Request) async throws -> [ContactDTO] {
        let clocks = try await ContactActions.clocks(try await req.locations.all(), on: req.database)
        return contacts.map { ContactDTO($0, clock: clocks[$0.locationID]?.status(of: $0, now: req.now)) }
    }
}
