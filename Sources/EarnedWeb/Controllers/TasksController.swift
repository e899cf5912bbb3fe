import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// A task's own page (hand it on, snooze it) and tasks made by hand.
struct TasksController {
    func show(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let page = try await TaskPage.load(req, viewer: viewer, id: try req.entityID("task"))
        return Layout.response(page.body, title: viewer.s.taskTitle, request: req)
    }

    struct ActionForm: Content {
        var action: String
        var staff_id: String?
        var until: String?
    }

    /// Snooze or hand on; a refused step shows the page again with why.
    func action(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let id: ServiceTaskID = try req.entityID("task")
        let form = try req.content.decode(ActionForm.self)
        do {
            let task = try await req.tasks.get(id, actor: viewer.staff)
            switch form.action {
            case "snooze":
                guard let until = form.until.flatMap({ FormDates.parse($0, zone: viewer.zone(of: task.locationID)) })
                else { throw DomainError.invalid([FieldError(field: "until", code: .invalidFormat)]) }
                try await TaskActions.snooze(id, until: until, actor: viewer.staff, in: req.serviceContext)
            case "reassign":
                guard let staffID = form.staff_id.flatMap(StaffID.init(string:)) else {
                    throw DomainError.invalid([FieldError(field: "staff_id", code: .required)])
                }
                try await WorkActions.reassign(
                    .init(kind: .task, id: id.rawValue), to: staffID, actor: viewer.staff, in: req.serviceContext)
                // Handed on, it is no longer the viewer's: back to their Today.
                if staffID != viewer.staff.id, !Policy.may(viewer.staff, .seeTeamWork) {
                    return req.redirect(to: SiteURL.today(team: false).path)
                }
            default: throw DomainError.invalid([FieldError(field: "action", code: .invalidChoice)])
            }
        } catch DomainError.invalid(let errors) {
            let page = try await TaskPage.load(req, viewer: viewer, id: id, errors: errors)
            return Layout.response(page.body, title: viewer.s.taskTitle, request: req, status: .unprocessableEntity)
        } catch DomainError.conflict {
            let page = try await TaskPage.load(req, viewer: viewer, id: id, notice: viewer.s.workChangedMeanwhile)
            return Layout.response(page.body, title: viewer.s.taskTitle, request: req, status: .conflict)
        }
        return req.redirect(to: SiteURL.task(id.rawValue).path)
    }

    /// The tasks list, or its CSV.
    func list(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let params = ListParams(req)
        if params.csv != nil { return try await TaskListPage.csv(req, viewer: viewer, params: params) }
        let page = try await TaskListPage.load(req, viewer: viewer, params: params)
        return Layout.response(page.body, title: viewer.s.tasksTitle, request: req)
    }

    func new(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let zone = viewer.zone
        var form = NewTaskPage.Form()
        form.customer_id = req.query[String.self, at: "customer"]
        form.due_at = FormDates.inputValue(req.now.addingTimeInterval(3600), zone: zone)
        return try await render(req, viewer: viewer, form: form, errors: [])
    }

    func render(_ req: Request, viewer: ViewerContext, form: NewTaskPage.Form, errors: [FieldError]) async throws
        -> Response
    {
        let customer = try? await form.customer_id.flatMap(CustomerID.init(string:)).asyncMap {
            try await req.customers.get($0, actor: viewer.staff)
        }
        let page = NewTaskPage(
            viewer: viewer, form: form, customer: customer ?? nil,
            staff: try await req.staffAccounts.list(actor: viewer.staff), errors: errors)
        return Layout.response(
            page.body, title: viewer.s.newTask, request: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func create(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let form = try req.content.decode(NewTaskPage.Form.self)
        var errors: [FieldError] = []
        let customerID = try await CustomerPicker.resolve(
            form.customer_id, req: req, actor: viewer.staff, required: false, collecting: &errors)
        let due = form.due_at.flatMap { FormDates.parse($0, zone: viewer.zone) }
        if form.due_at?.isEmpty == false, due == nil {
            errors.append(FieldError(field: "due_at", code: .invalidFormat, detail: "a date and time"))
        }
        do {
            guard errors.isEmpty else { throw DomainError.invalid(errors) }
            let task = try await TaskActions.makeByHand(
                text: form.text, assignee: form.assignee_id.flatMap(StaffID.init(string:)), dueAt: due,
                customerID: customerID, actor: viewer.staff, in: req.serviceContext)
            return req.redirect(
                to: task.assigneeID == viewer.staff.id
                    ? SiteURL.today(team: false).path : SiteURL.task(task.id.rawValue).path)
        } catch DomainError.invalid(let more) {
            return try await render(req, viewer: viewer, form: form, errors: more)
        }
    }
}
