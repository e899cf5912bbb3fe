import EarnedDomain
import EarnedStore
import Vapor

/// The steps of a promise's and a case's rules, the same from a page and from the API: each
/// front door parses its own input (a local datetime-local field, an ISO time) into a step.
enum ServiceActions {
    struct PromiseStep: Sendable {
        var action: String
        var reason: String?
        var dueAt: Date?
        var toldVia: ContactChannel?
        var note: String?
    }

    @discardableResult
    static func promise(_ step: PromiseStep, id: PromiseID, actor: Staff, req: Request) async throws -> Promise {
        let now = req.now
        return try await req.promises.change(id, actor: actor, now: now) { (p) throws(DomainError) in
            switch step.action {
            case "keep": try p.keep(at: now)
            case "break": try p.markBroken(at: now, reason: step.reason)
            case "renegotiate":
                guard let due = step.dueAt else { throw .invalid([FieldError(field: "due_at", code: .required)]) }
                try p.renegotiate(to: due, at: now, toldVia: step.toldVia, note: step.note)
            default: throw .invalid([FieldError(field: "action", code: .invalidChoice)])
            }
        }
    }

    struct CaseStep: Sendable {
        var action: String
        var department: String?
        var staffID: StaffID?
        var reason: String?
        var kind: CorrectiveAction.Kind?
        var costMinorUnits: Int64 = 0
        var note: String?
    }

    @discardableResult
    static func serviceCase(_ step: CaseStep, id: CaseID, actor: Staff, req: Request) async throws -> ServiceCase {
        let now = req.now
        let me = actor.id
        let currency = req.config.defaultCurrency
        let department = step.department?.trimmingCharacters(in: .whitespaces)
        let reason = step.reason ?? ""
        var references = References()
        references.add("staff_id", .staff, step.staffID?.rawValue)
        try await references.verify(actor: actor, on: req.database)
        return try await req.cases.change(id, actor: actor, now: now, summary: step.action) {
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
    }
}
