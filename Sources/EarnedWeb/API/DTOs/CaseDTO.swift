import EarnedDomain
import EarnedStore
import Vapor

/// The JSON shapes of the daily work: promises, cases, inbound contacts, tasks and webhooks.
struct PromiseDTO: APIObject {
    struct RenegotiationDTO: APIObject {
        var at: Date
        var from_due_at: Date
        var to_due_at: Date
        var customer_told_via: String?
        var note: String?
    }

    var id: UUID
    var customer_id: UUID
    var kind: String
    var text: String
    var owner_id: UUID
    var location_id: UUID?
    var link_kind: String?
    var link_id: UUID?
    var original_due_at: Date
    var due_at: Date
    var outcome: String
    var kept_at: Date?
    var broken_at: Date?
    var broken_reason: String?
    var renegotiations: [RenegotiationDTO]
    var created_at: Date
    var updated_at: Date

    init(_ p: Promise, now: Date) {
        id = p.id.rawValue
        customer_id = p.customerID.rawValue
        kind = p.kind.rawValue
        text = p.text
        owner_id = p.ownerID.rawValue
        location_id = p.locationID?.rawValue
        link_kind = p.link?.kind.rawValue
        link_id = p.link?.id
        original_due_at = p.originalDueAt
        due_at = p.dueAt
        outcome = p.outcome(at: now).rawValue
        kept_at = p.keptAt
        broken_at = p.brokenAt
        broken_reason = p.brokenReason
        renegotiations = p.renegotiations.map {
            RenegotiationDTO(
                at: $0.at, from_due_at: $0.fromDueAt, to_due_at: $0.toDueAt,
                customer_told_via: $0.customerToldVia?.rawValue, note: $0.note)
        }
        created_at = p.createdAt
        updated_at = p.updatedAt
    }
}

struct PromiseInput: Content {
    var customer_id: UUID?
    var kind: Promise.Kind?
    var text: String?
    var owner_id: UUID?
    var location_id: UUID?
    var due_at: Date?
    var link_kind: Promise.Link.Kind?
    var link_id: UUID?

    var draft: PromiseDraft {
        PromiseDraft(
            customerID: customer_id.map(CustomerID.init), kind: kind, text: text, ownerID: owner_id.map(StaffID.init),
            locationID: location_id.map(LocationID.init),
            link: link_kind.flatMap { k in link_id.map { .init(kind: k, id: $0) } },
            dueAt: due_at)
    }
}

struct PromiseActionInput: Content {
    var action: String?
    var reason: String?
    var due_at: Date?
    var told_via: ContactChannel?
    var note: String?
}

struct CaseDTO: APIObject {
    struct EventDTO: APIObject {
        var at: Date
        var by_id: UUID?
        var kind: String
        var department: String?
        var staff_id: UUID?
        var reason: String?
        var text: String?
    }

    struct ActionDTO: APIObject {
        var kind: String
        var cost_minor_units: Int64
        var currency: String
        var note: String?
        var at: Date
        var by_id: UUID
    }

    var id: UUID
    var customer_id: UUID
    var location_id: UUID?
    var title: String
    var detail: String
    var source: String
    var link_id: UUID?
    var owner_id: UUID
    var holder_department: String?
    var holder_staff_id: UUID?
    var priority: String
    var status: String
    var opened_at: Date
    var opened_by_id: UUID
    var first_response_at: Date?
    var resolved_at: Date?
    var confirmed_at: Date?
    var reopen_count: Int
    var accepted_on_customers_word: Bool
    var seconds_by_department: [String: Int]
    var events: [EventDTO]
    var actions: [ActionDTO]
    var updated_at: Date

    init(_ c: ServiceCase, now: Date) {
        id = c.id.rawValue
        customer_id = c.customerID.rawValue
        location_id = c.locationID?.rawValue
        title = c.title
        detail = c.detail
        source = c.source.rawValue
        link_id = c.link
        owner_id = c.ownerID.rawValue
        holder_department = c.holder.department
        holder_staff_id = c.holder.staffID?.rawValue
        priority = c.priority.rawValue
        status = c.status.rawValue
        opened_at = c.openedAt
        opened_by_id = c.openedByID.rawValue
        first_response_at = c.firstResponseAt
        resolved_at = c.resolvedAt
        confirmed_at = c.confirmedAt
        reopen_count = c.reopenCount
        accepted_on_customers_word = c.acceptedOnCustomersWord
        seconds_by_department = c.timeByDepartment(until: now).mapValues { Int($0.rounded()) }
        events = c.events.map(Self.event)
        actions = c.actions.map {
            ActionDTO(
                kind: $0.kind.rawValue, cost_minor_units: $0.costMinorUnits, currency: $0.currency, note: $0.note,
                at: $0.at, by_id: $0.byID.rawValue)
        }
        updated_at = c.updatedAt
    }

    static func event(_ e: CaseEvent) -> EventDTO {
        var dto = EventDTO(at: e.at, by_id: e.byID?.rawValue, kind: "")
        switch e.kind {
        case .opened: dto.kind = "opened"
        case .handedOff(let department, let staff):
            dto.kind = "handed_off"
            dto.department = department
            dto.staff_id = staff?.rawValue
        case .transferred(_, let to, let reason):
            dto.kind = "transferred"
            dto.staff_id = to.rawValue
            dto.reason = reason
        case .action(let action):
            dto.kind = "action"
            dto.text = action.kind.rawValue
        case .waitingStarted: dto.kind = "waiting_started"
        case .waitingEnded: dto.kind = "waiting_ended"
        case .responded: dto.kind = "responded"
        case .resolved: dto.kind = "resolved"
        case .confirmed: dto.kind = "confirmed"
        case .reopened(let reason):
            dto.kind = "reopened"
            dto.reason = reason
        case .note(let text):
            dto.kind = "note"
            dto.text = text
        }
        return dto
    }
}

struct CaseInput: Content {
    var customer_id: UUID?
    var location_id: UUID?
    var title: String?
    var detail: String?
    var source: ServiceCase.Source?
    var link_id: UUID?
    var owner_id: UUID?
    var department: String?
    var priority: Priority?
    var accepted_on_customers_word: Bool?

    var draft: ServiceCaseDraft {
        ServiceCaseDraft(
            customerID: customer_id.map(CustomerID.init), locationID: location_id.map(LocationID.init), title: title,
            detail: detail, source: source, link: link_id, ownerID: owner_id.map(StaffID.init), department: department,
            priority: priority, acceptedOnCustomersWord: accepted_on_customers_word)
    }
}

struct CaseActionInput: Content {
    var action: String?
    var department: String?
    var staff_id: UUID?
    var reason: String?
    var kind: CorrectiveAction.Kind?
    var cost_minor_units: Int64?
    var note: String?
}

struct ContactDTO: APIObject {
    var id: UUID
    var channel: String
    var priority: String
    var status: String
    var customer_id: UUID?
    var location_id: UUID
    var received_at: Date
    var subject: String
    var body: String?
    var from_address: String?
    var owner_id: UUID?
    var first_response_at: Date?
    var resolved_at: Date?
    var case_id: UUID?
    var external_id: String?
    var first_response_due_at: Date?
    var resolution_due_at: Date?
    var first_response_state: String?
    var resolution_state: String?
    var created_at: Date
    var updated_at: Date

    init(_ c: InboundContact, clock: ReplyClock.Result?) {
        id = c.id.rawValue
        channel = c.channel.rawValue
        priority = c.priority.rawValue
        status = c.status.rawValue
        customer_id = c.customerID?.rawValue
        location_id = c.locationID.rawValue
        received_at = c.receivedAt
        subject = c.subject
        body = c.body
        from_address = c.fromAddress
        owner_id = c.ownerID?.rawValue
        first_response_at = c.firstResponseAt
        resolved_at = c.resolvedAt
        case_id = c.caseID?.rawValue
        external_id = c.externalID
        first_response_due_at = clock?.firstResponse.dueAt
        resolution_due_at = clock?.resolution.dueAt
        first_response_state = clock?.firstResponse.state.rawValue
        resolution_state = clock?.resolution.state.rawValue
        created_at = c.createdAt
        updated_at = c.updatedAt
    }
}

struct ContactInput: Content {
    var channel: InboundContact.Channel?
    var priority: Priority?
    var customer_id: UUID?
    var location_id: UUID?
    var received_at: Date?
    var subject: String?
    var body: String?
    var from_address: String?
    var owner_id: UUID?
    var first_response_at: Date?
    var resolved_at: Date?
    var external_id: String?

    var draft: InboundContactDraft {
        InboundContactDraft(
            channel: channel, priority: priority, customerID: customer_id.map(CustomerID.init),
            locationID: location_id.map(LocationID.init), receivedAt: received_at, subject: subject, body: body,
            fromAddress: from_address, ownerID: owner_id.map(StaffID.init), firstResponseAt: first_response_at,
            resolvedAt: resolved_at, externalID: external_id)
    }
}

struct ActionInput: Content {
    var action: String?
}

struct TaskDTO: APIObject {
    var id: UUID
    var key: String
    var kind: String
    var status: String
    var assignee_id: UUID?
    var location_id: UUID?
    var customer_id: UUID?
    var subject_kind: String?
    var subject_id: UUID?
    var due_at: Date
    var channel: String?
    var text: String?
    var completed_at: Date?
    var completed_by_id: UUID?
    var outcome: String?
    var created_at: Date

    init(_ t: ServiceTask) {
        id = t.id.rawValue
        key = t.key
        kind = t.kind.rawValue
        status = t.status.rawValue
        assignee_id = t.assigneeID?.rawValue
        location_id = t.locationID?.rawValue
        customer_id = t.customerID?.rawValue
        subject_kind = t.subject?.kind.rawValue
        subject_id = t.subject?.id
        due_at = t.dueAt
        channel = t.channel?.rawValue
        text = t.text
        completed_at = t.completedAt
        completed_by_id = t.completedByID?.rawValue
        outcome = t.outcome
        created_at = t.createdAt
    }
}

struct TaskCompletionInput: Content {
    var status: ServiceTask.Status?
    var outcome: String?
    var reached: Bool?
    var satisfied: Bool?
    var problem: String?
    var referral_asked: Bool?
    var note: String?
}

struct WebhookSubscriptionDTO: APIObject {
    var id: UUID
    var url: String
    var events: [String]
    var description: String?
    var is_active: Bool
    var created_at: Date
    var updated_at: Date

    init(_ w: WebhookSubscription) {
        id = w.id.rawValue
        url = w.url
        events = w.events.map(\.rawValue)
        description = w.description
        is_active = w.isActive
        created_at = w.createdAt
        updated_at = w.updatedAt
    }
}

/// A new subscription, with its signing secret shown this once.
struct CreatedWebhookDTO: APIObject {
    var subscription: WebhookSubscriptionDTO
    var secret: String
}

struct WebhookInput: Content {
    var url: String?
    var events: [String]?
    var description: String?
    var is_active: Bool?

    var draft: WebhookSubscriptionDraft {
        WebhookSubscriptionDraft(url: url, events: events, description: description, isActive: is_active)
    }
}

struct WebhookDeliveryDTO: APIObject {
    var id: UUID
    var subscription_id: UUID
    var event_key: String
    var event_kind: String?
    var status: String
    var attempts: Int
    var next_attempt_at: Date?
    var last_status_code: Int?
    var last_error: String?
    var delivered_at: Date?
    var created_at: Date

    init(_ d: WebhookDelivery) {
        id = d.id
        subscription_id = d.subscriptionID.rawValue
        event_key = d.eventKey
        event_kind = d.eventKind?.rawValue
        status = d.status.rawValue
        attempts = d.attempts
        next_attempt_at = d.nextAttemptAt
        last_status_code = d.lastStatusCode
        last_error = d.lastError
        delivered_at = d.deliveredAt
        created_at = d.createdAt
    }
}

struct ScopeDTO: APIObject {
    var kind: String
    var text: String?
    var from: Date?
    var to: Date?
    var location_id: UUID?
    var customer_ids: [UUID]

    init(_ scope: Incident.Scope) {
        customer_ids = []
        switch scope {
        case .product(let text, let from, let to):
            kind = "product"
            self.text = text
            self.from = from
            self.to = to
        case .dateRange(let from, let to):
            kind = "date_range"
            self.from = from
            self.to = to
        case .location(let id, let from, let to):
            kind = "location"
            location_id = id.rawValue
            self.from = from
            self.to = to
        case .customers(let ids):
            kind = "customers"
            customer_ids = ids.map(\.rawValue)
        }
    }
}

struct ScopeInput: Content {
    var kind: String?
    var text: String?
    var from: Date?
    var to: Date?
    var location_id: UUID?
    var customer_ids: [UUID]?

    var scope: Incident.Scope {
        get throws {
            switch kind {
            case "product": return .product(text: text ?? "", from: from, to: to)
            case "date_range":
                guard let from, let to else {
                    throw DomainError.invalid([
                        FieldError(field: from == nil ? "scope.from" : "scope.to", code: .required)
                    ])
                }
                return .dateRange(from: from, to: to)
            case "location":
                guard let location_id else {
                    throw DomainError.invalid([FieldError(field: "scope.location_id", code: .required)])
                }
                return .location(id: LocationID(location_id), from: from, to: to)
            case "customers": return .customers(ids: (customer_ids ?? []).map(CustomerID.init))
            default:
                throw DomainError.invalid([
                    FieldError(
                        field: "scope.kind", code: kind == nil ? .required : .invalidChoice,
                        detail: "product, date_range, location or customers")
                ])
            }
        }
    }
}

struct IncidentDTO: APIObject {
    struct AffectedDTO: APIObject {
        var customer_id: UUID
        var told_at: Date?
        var first_inbound_at: Date?
        var outcome: String
    }

    var id: UUID
    var title: String
    var detail: String?
    var found_at: Date
    var reported_by_id: UUID
    var location_id: UUID?
    var scope: ScopeDTO
    var closed_at: Date?
    var affected: Int
    var told_first: Int
    var they_contacted_first: Int
    var pending: Int
    var customers: [AffectedDTO]
    var created_at: Date

    init(_ r: IncidentRepository.Report) {
        id = r.incident.id.rawValue
        title = r.incident.title
        detail = r.incident.detail
        found_at = r.incident.foundAt
        reported_by_id = r.incident.reportedByID.rawValue
        location_id = r.incident.locationID?.rawValue
        scope = ScopeDTO(r.incident.scope)
        closed_at = r.incident.closedAt
        affected = r.figure.affected
        told_first = r.figure.toldFirst
        they_contacted_first = r.figure.theyContactedFirst
        pending = r.figure.pending
        customers = r.affected.map {
            AffectedDTO(
                customer_id: $0.customerID.rawValue, told_at: $0.result.toldAt,
                first_inbound_at: $0.result.firstInboundAt, outcome: $0.outcome.rawValue)
        }
        created_at = r.incident.createdAt
    }
}

struct IncidentInput: Content {
    var title: String?
    var detail: String?
    var found_at: Date?
    var location_id: UUID?
    var scope: ScopeInput?
}

struct OnTimeRowDTO: APIObject {
    var key: String
    var label: String
    var decided: Int
    var on_time: Int
    var kept_on_time: Int
    var renegotiated: Int
    var late: Int
    var broken: Int
    var open: Int
    var overdue: Int
    /// Null below `OnTimeReport.minimumDecided` decided promises: not enough data.
    var on_time_rate: Double?
    var lower: Double?
    var upper: Double?

    init(_ row: OnTimeReport.Row) {
        key = row.key
        label = row.label
        let t = row.tally
        decided = t.decided
        on_time = t.onTime
        kept_on_time = t.keptOnTime
        renegotiated = t.renegotiated
        late = t.late
        broken = t.broken
        open = t.open
        overdue = t.overdue
        let enough = t.decided >= OnTimeReport.minimumDecided
        on_time_rate = enough ? t.onTimeRate : nil
        lower = enough ? row.interval?.lower : nil
        upper = enough ? row.interval?.upper : nil
    }
}

struct ReferralDTO: APIObject {
    var id: UUID
    var referrer_id: UUID
    var referred_id: UUID
    var order_id: UUID?
    var recorded_by_id: UUID?
    var recorded_at: Date

    init(_ r: Referral) {
        id = r.id.rawValue
        referrer_id = r.referrerID.rawValue
        referred_id = r.referredID.rawValue
        order_id = r.orderID?.rawValue
        recorded_by_id = r.recordedByID?.rawValue
        recorded_at = r.recordedAt
    }
}

struct ReferralInput: Content {
    var referred_id: UUID?
    var order_id: UUID?
}
