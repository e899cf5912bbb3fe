import EarnedDomain
import EarnedStore
import FluentKit
import Foundation

/// The steps of a promise's and a case's rules, the same from a page and from the API: each
/// front door parses its own input (a local datetime-local field, an ISO time) into a step.
package enum ServiceActions {
    package struct PromiseStep: Sendable {
        package var action: String
        package var reason: String?
        package var dueAt: Date?
        package var toldVia: ContactChannel?
        package var note: String?
        /// Who takes the promise over, to reassign it.
        package var staffID: StaffID?

        package init(
            action: String, reason: String?, dueAt: Date?, toldVia: ContactChannel?, note: String?,
            staffID: StaffID? = nil
        ) {
            self.action = action
            self.reason = reason
            self.dueAt = dueAt
            self.toldVia = toldVia
            self.note = note
            self.staffID = staffID
        }
    }

    @discardableResult
    package static func promise(_ step: PromiseStep, id: PromiseID, actor: Staff, in context: ServiceContext)
        async throws
        -> Promise
    {
        let now = context.now
        if step.action == "reassign" {
            guard let staffID = step.staffID else {
                throw DomainError.invalid([FieldError(field: "staff_id", code: .required)])
            }
            try await WorkActions.reassign(
                .init(kind: .promise, id: id.rawValue), to: staffID, actor: actor, in: context)
            return try await PromiseRepository(db: context.db).get(id, actor: actor)
        }
        // The change and the `promise.broken` event it causes commit together.
        return try await context.db.transaction { db in
            var wasOpen = false
            let changed = try await PromiseRepository(db: db).change(id, actor: actor, now: now) {
                (p) throws(DomainError) in
                wasOpen = p.isOpen
                switch step.action {
                case "keep": try p.keep(at: now)
                case "break": try p.markBroken(at: now, reason: step.reason)
                case "renegotiate":
                    guard let due = step.dueAt else { throw .invalid([FieldError(field: "due_at", code: .required)]) }
                    try p.renegotiate(to: due, at: now, toldVia: step.toldVia, note: step.note)
                default: throw .invalid([FieldError(field: "action", code: .invalidChoice)])
                }
            }
            if wasOpen, changed.brokenAt != nil {
                try await WebhookStore(db: db).publish(brokenEvent(changed, at: now), now: now)
            }
            return changed
        }
    }

    /// What subscribers hear when an open promise is broken: once per promise (the key).
    static func brokenEvent(_ promise: Promise, at now: Date) -> WebhookEvent {
        WebhookEvent(
            key: "promise.broken:\(promise.id)", kind: .promiseBroken, occurredAt: now,
            data: [
                "promise_id": promise.id.description, "customer_id": promise.customerID.description,
                "owner_id": promise.ownerID.description, "kind": promise.kind.rawValue,
                "due_at": promise.dueInForce.formatted(.iso8601),
            ])
    }

    package struct CaseStep: Sendable {
        package var action: String
        package var department: String?
        package var staffID: StaffID?
        package var reason: String?
        package var kind: CorrectiveAction.Kind?
        package var costMinorUnits: Int64 = 0
        package var note: String?

        package init(
            action: String, department: String?, staffID: StaffID?, reason: String?, kind: CorrectiveAction.Kind?,
            costMinorUnits: Int64 = 0, note: String?
        ) {
            self.action = action
            self.department = department
            self.staffID = staffID
            self.reason = reason
            self.kind = kind
            self.costMinorUnits = costMinorUnits
            self.note = note
        }
    }

    @discardableResult
    package static func serviceCase(_ step: CaseStep, id: CaseID, actor: Staff, in context: ServiceContext) async throws
        -> ServiceCase
    {
        let now = context.now
        let me = actor.id
        let currency = context.currency
        let department = step.department?.trimmingCharacters(in: .whitespaces)
        let reason = step.reason ?? ""
        var references = References()
        references.add("staff_id", .staff, step.staffID?.rawValue)
        try await references.verify(actor: actor, on: context.db)
        let changed = try await CaseRepository(db: context.db).change(id, actor: actor, now: now, summary: step.action)
        {
            (c) throws(DomainError) in
            switch step.action {
            case "handoff":
                try c.handOff(
                    toDepartment: department?.isEmpty == false ? department : nil, staff: step.staffID, by: me, at: now)
            case "transfer":
                guard let staffID = step.staffID else {
                    throw .invalid([FieldError(field: "staff_id", code: .required)])
                }
                try c.transferOwnership(to: staffID, reason: reason, by: me, at: now)
            case "respond": try c.respond(at: now, by: me)
            case "wait": try c.startWaiting(at: now, by: me)
            case "resume": try c.endWaiting(at: now, by: me)
            case "resolve": try c.resolve(at: now, by: me)
            case "confirm": try c.confirm(at: now, by: me)
            case "reopen": try c.reopen(reason: reason, at: now, by: me)
            case "action":
                guard let kind = step.kind else { throw .invalid([FieldError(field: "kind", code: .required)]) }
                try c.addAction(
                    CorrectiveAction(
                        kind: kind, costMinorUnits: step.costMinorUnits, currency: currency, note: step.note, at: now,
                        byID: me))
            case "note": try c.addNote(step.note ?? "", by: me, at: now)
            default: throw .invalid([FieldError(field: "action", code: .invalidChoice)])
            }
        }
        // The customer is asked whether it is solved, when Earned can reach them itself.
        if step.action == "resolve" { try await CaseConfirmation.offer(changed, in: context) }
        // The person it was handed to is told, as they chose.
        if ["handoff", "transfer"].contains(step.action), let person = step.staffID, person != actor.id {
            let customer = try await CustomerRepository(db: context.db).byIDs([changed.customerID])[changed.customerID]
            try await StaffNotifier.queue(
                [
                    StaffNotifier.caseHanded(
                        changed, to: person, by: actor, customer: customer,
                        link: context.linkBase + "/cases/" + changed.id.description.lowercased(),
                        language: context.staffLanguage, now: now)
                ], now: now, language: context.staffLanguage, channels: try await .load(context.db), on: context.db)
        }
        return changed
    }
}
