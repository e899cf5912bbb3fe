import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// Today, promises and cases: the daily work, from the pages.
struct ServiceController {
    // MARK: Today

    func today(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let team = req.query[String.self, at: "view"] == "team" && Policy.may(viewer.staff, .seeTeamWork)
        let page = try await TodayPage.load(req, viewer: viewer, team: team)
        return Layout.response(page.body, title: viewer.s.todayTitle, request: req)
    }

    struct TaskForm: Content {
        var status: String?
        var outcome: String?
        var reached: String?
        var satisfied: String?
        var problem: String?
        var referral_asked: String?
        var note: String?
        var outcome_form: String?
        var reached_at: String?
    }

    /// Closes a task from Today. A follow-up records its outcome; a problem found opens a case
    /// for the person who called, linked to the order.
    func completeTask(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let id = try req.entityID("task") as ServiceTaskID
        let form = try req.content.decode(TaskForm.self)
        let status: ServiceTask.Status = form.status == "skipped" ? .skipped : .done
        let kind = try await req.tasks.get(id, actor: viewer.staff).kind
        if status == .done, kind == .outreach {
            var reachedAt: Date?
            if let text = form.reached_at, !text.trimmingCharacters(in: .whitespaces).isEmpty {
                guard let parsed = FormDates.parse(text, zone: viewer.zone) else {
                    throw DomainError.invalid([FieldError(field: "reached_at", code: .invalidFormat, detail: "a date")])
                }
                reachedAt = parsed
            }
            try await TaskActions.recordOutreach(
                id, reached: form.reached == "true", reachedAt: reachedAt, note: form.note, actor: viewer.staff,
                in: req.serviceContext)
            return req.redirect(to: SiteURL.today(team: false).path)
        }
        if status == .done, form.reached != nil || form.outcome_form == "1",
            [.followUp, .handover].contains(kind)
        {
            let outcome = try FollowUpOutcomeDraft(
                reached: form.reached == "true",
                satisfied: form.outcome_form == "1"
                    ? (form.reached == "true" ? form.satisfied == "true" : nil) : form.satisfied.map { $0 == "true" },
                problem: form.problem, referralAsked: form.referral_asked == "true", note: form.note
            ).validated()
            try await TaskActions.recordFollowUp(
                id, outcome: outcome, summary: outcome.summary(viewer.s.followUpSummaryWords), actor: viewer.staff,
                in: req.serviceContext)
        } else {
            try await req.tasks.close(id, as: status, outcome: form.outcome, actor: viewer.staff, now: req.now)
        }
        return req.redirect(to: SiteURL.today(team: false).path)
    }

    // MARK: Promises

    /// Promises: a staff member's own, a manager's locations', filtered and paged; `csv` downloads the view.
    func promises(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let params = ListParams(req)
        if params.csv != nil { return try await PromiseListPage.csv(req, viewer: viewer, params: params) }
        let page = try await PromiseListPage.load(req, viewer: viewer, params: params)
        return Layout.response(page.body, title: viewer.s.promisesTitle, request: req)
    }

    func newPromise(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let form = PromiseForm(customer_id: req.query[String.self, at: "customer"], kind: "callback")
        return try await renderPromiseForm(req, viewer: viewer, form: form, errors: [])
    }

    func renderPromiseForm(_ req: Request, viewer: ViewerContext, form: PromiseForm, errors: [FieldError])
        async throws -> Response
    {
        let customer = try await form.customer_id.flatMap(CustomerID.init(string:)).asyncMap {
            try await req.customers.get($0, actor: viewer.staff)
        }
        let page = NewPromisePage(
            viewer: viewer, form: form, customer: customer,
            staff: try await req.staffAccounts.list(actor: viewer.staff),
            errors: errors
        ).body
        return Layout.response(
            page, title: viewer.s.newPromise, request: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func createPromise(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let form = try req.content.decode(PromiseForm.self)
        var errors: [FieldError] = []
        let customerID = try await CustomerPicker.resolve(
            form.customer_id, req: req, actor: viewer.staff, required: true, collecting: &errors)
        let due = form.due_at.flatMap { FormDates.parse($0, zone: viewer.zone) }
        if form.due_at?.isEmpty == false, due == nil {
            errors.append(FieldError(field: "due_at", code: .invalidFormat, detail: "a date and time"))
        }
        let kind = form.kind.flatMap(Promise.Kind.init(rawValue:))
        do {
            guard errors.isEmpty else { throw DomainError.invalid(errors) }
            let promise = try await req.promises.create(
                PromiseDraft(
                    customerID: customerID, kind: kind ?? .other, text: form.text,
                    ownerID: form.owner_id.flatMap(StaffID.init(string:)), dueAt: due), actor: viewer.staff,
                now: req.now)
            return req.redirect(to: SiteURL.promise(promise.id.rawValue).path)
        } catch let error as DomainError {
            guard case .invalid(let fields) = error else { throw error }
            return try await renderPromiseForm(req, viewer: viewer, form: form, errors: fields)
        }
    }

    func showPromise(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        return try await renderPromise(req, viewer: viewer, errors: [])
    }

    func renderPromise(_ req: Request, viewer: ViewerContext, errors: [FieldError]) async throws -> Response {
        let promise = try await req.promises.get(try req.entityID("promise") as PromiseID, actor: viewer.staff)
        let customer = try await req.customers.get(promise.customerID, actor: viewer.staff)
        let staff = try await req.staffAccounts.list(actor: viewer.staff)
        let page = PromisePage(
            viewer: viewer, promise: promise, customer: customer, staff: staff, now: req.now, errors: errors
        ).body
        return Layout.response(
            page, title: viewer.s.promisesTitle, request: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    struct PromiseActionForm: Content {
        var action: String
        var reason: String?
        var due_at: String?
        var told_via: String?
        var note: String?
        var staff_id: String?
    }

    func promiseAction(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let id = try req.entityID("promise") as PromiseID
        let form = try req.content.decode(PromiseActionForm.self)
        do {
            var due: Date?
            if form.action == "renegotiate" {
                guard let parsed = form.due_at.flatMap({ FormDates.parse($0, zone: viewer.zone) }) else {
                    throw DomainError.invalid([FieldError(field: "due_at", code: .invalidFormat)])
                }
                due = parsed
            }
            try await ServiceActions.promise(
                ServiceActions.PromiseStep(
                    action: form.action, reason: form.reason, dueAt: due,
                    toldVia: form.told_via.flatMap(ContactChannel.init(rawValue:)), note: form.note,
                    staffID: form.staff_id.flatMap(StaffID.init(string:))), id: id,
                actor: viewer.staff, in: req.serviceContext)
        } catch let error as DomainError {
            guard case .invalid(let fields) = error else { throw error }
            return try await renderPromise(req, viewer: viewer, errors: fields)
        }
        return req.redirect(to: SiteURL.promise(id.rawValue).path)
    }

    // MARK: Cases

    func cases(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let params = ListParams(req)
        if params.csv != nil { return try await CaseListPage.csv(req, viewer: viewer, params: params) }
        let page = try await CaseListPage.load(req, viewer: viewer, params: params)
        return Layout.response(page.body, title: viewer.s.navCases, request: req)
    }

    func newCase(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let form = CaseForm(
            customer_id: req.query[String.self, at: "customer"], source: "complaint", priority: "normal")
        return try await renderCaseForm(req, viewer: viewer, form: form, errors: [])
    }

    func renderCaseForm(_ req: Request, viewer: ViewerContext, form: CaseForm, errors: [FieldError]) async throws
        -> Response
    {
        let customer = try await form.customer_id.flatMap(CustomerID.init(string:)).asyncMap {
            try await req.customers.get($0, actor: viewer.staff)
        }
        let page = NewCasePage(viewer: viewer, form: form, customer: customer, errors: errors).body
        return Layout.response(
            page, title: viewer.s.newCase, request: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func createCase(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let form = try req.content.decode(CaseForm.self)
        do {
            let customerID = try await CustomerPicker.resolve(
                form.customer_id, req: req, actor: viewer.staff, required: true)
            let opened = try await req.cases.open(
                ServiceCaseDraft(
                    customerID: customerID!, title: form.title, detail: form.detail,
                    source: form.source.flatMap(ServiceCase.Source.init(rawValue:)) ?? .complaint,
                    department: form.department, priority: form.priority.flatMap(Priority.init(rawValue:)) ?? .normal,
                    acceptedOnCustomersWord: form.accepted_on_word == "true"), actor: viewer.staff, now: req.now)
            return req.redirect(to: SiteURL.serviceCase(opened.id.rawValue).path)
        } catch let error as DomainError {
            guard case .invalid(let fields) = error else { throw error }
            return try await renderCaseForm(req, viewer: viewer, form: form, errors: fields)
        }
    }

    func showCase(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        return try await renderCase(req, viewer: viewer, errors: [])
    }

    func renderCase(_ req: Request, viewer: ViewerContext, errors: [FieldError]) async throws -> Response {
        let found = try await req.cases.get(try req.entityID("case") as CaseID, actor: viewer.staff)
        let customer = try await req.customers.get(found.customerID, actor: viewer.staff)
        let staff = try await req.staffAccounts.list(actor: viewer.staff)
        let location = viewer.locations.first { $0.id == found.locationID }
        let rules = try await req.settings.service()
        let clock = location.map { rules.caseClock(for: $0).status(of: found, now: req.now) }
        let page = CasePage(
            viewer: viewer, serviceCase: found, customer: customer, staff: staff, clock: clock, now: req.now,
            errors: errors
        ).body
        return Layout.response(
            page, title: found.title, request: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    struct CaseActionForm: Content {
        var action: String
        var department: String?
        var staff_id: String?
        var reason: String?
        var kind: String?
        var cost: String?
        var note: String?
    }

    func caseAction(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let id = try req.entityID("case") as CaseID
        let form = try req.content.decode(CaseActionForm.self)
        do {
            var cost: Int64 = 0
            if let text = form.cost, !text.trimmingCharacters(in: .whitespaces).isEmpty {
                guard let parsed = MoneyText.minorUnits(text) else {
                    throw DomainError.invalid([FieldError(field: "cost", code: .invalidFormat, detail: "an amount")])
                }
                cost = parsed
            }
            try await ServiceActions.serviceCase(
                ServiceActions.CaseStep(
                    action: form.action, department: form.department,
                    staffID: form.staff_id.flatMap(StaffID.init(string:)), reason: form.reason,
                    kind: form.kind.flatMap(CorrectiveAction.Kind.init(rawValue:)), costMinorUnits: cost,
                    note: form.note), id: id, actor: viewer.staff, in: req.serviceContext)
        } catch let error as DomainError {
            guard case .invalid(let fields) = error else { throw error }
            return try await renderCase(req, viewer: viewer, errors: fields)
        }
        return req.redirect(to: SiteURL.serviceCase(id.rawValue).path)
    }
}
