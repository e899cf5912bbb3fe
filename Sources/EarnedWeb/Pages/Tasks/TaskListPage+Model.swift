import EarnedDomain
import EarnedStore
import Foundation
import Plot
import Vapor

/// Tasks by state (open, overdue, done, skipped, all), person, location, kind, due period and
/// customer, a page at a time with the count, and the same view as CSV. Staff see their own;
/// whoever sees the team's work sees the tasks of their locations.
struct TaskListPage {
    var viewer: ViewerContext
    var params: ListParams
    var filter: TaskRepository.Filter
    var page: ResultPage<ServiceTask>
    var names: [CustomerID: String]
    var staff: [Staff]
    var now: Date
    var errors: [FieldError]

    static func query(_ req: Request, viewer: ViewerContext, params: ListParams, limit: Int = 50) async throws
        -> (TaskRepository.Query, TaskRepository.Filter, [FieldError])
    {
        var read = params.read(zone: viewer.zone)
        var filter = TaskRepository.Filter.open
        if let raw = params.status {
            if let chosen = TaskRepository.Filter(rawValue: raw) {
                filter = chosen
            } else {
                read.errors.append(FieldError(field: "status", code: .invalidChoice))
            }
        }
        var kind: ServiceTask.Kind?
        if let raw = params.kind {
            kind = ServiceTask.Kind(rawValue: raw)
            if kind == nil { read.errors.append(FieldError(field: "kind", code: .invalidChoice)) }
        }
        let me = viewer.staff
        var query = TaskRepository.Query(
            filter: filter, assignee: Policy.may(me, .seeTeamWork) ? read.person : me.id, location: read.location,
            kind: kind, from: read.from, to: read.to, cursor: params.cursor, limit: limit)
        if let q = params.q {
            query.customers = try await req.customers.list(CustomerQuery(search: q, limit: 500), actor: me).items.map(
                \.id)
        }
        return (query, filter, read.errors)
    }

    static func load(_ req: Request, viewer: ViewerContext, params: ListParams) async throws -> TaskListPage {
        let (query, filter, errors) = try await Self.query(req, viewer: viewer, params: params)
        let page = try await TaskRepository(db: req.database).search(query, actor: viewer.staff, now: req.now)
        return TaskListPage(
            viewer: viewer, params: params, filter: filter, page: page,
            names: try await req.customers.names(page.items.compactMap(\.customerID), s: viewer.s),
            staff: try await req.staffAccounts.list(actor: viewer.staff), now: req.now, errors: errors)
    }

    /// What a task asks, in words: its kind (with the follow-up's step) and the text it carries.
    static func what(_ task: ServiceTask, _ s: Strings) -> String {
        var title = s.taskTitle(task)
        if let text = task.text, !text.isEmpty, task.kind != .followUp, task.kind != .handover {
            title += ": " + text
        }
        return title
    }

    /// The whole view, every page of it, as CSV.
    static func csv(_ req: Request, viewer: ViewerContext, params: ListParams) async throws -> Response {
        var (query, _, _) = try await Self.query(req, viewer: viewer, params: params, limit: 500)
        let repo = TaskRepository(db: req.database)
        let tasks = try await ListViews.everyPage { cursor in
            query.cursor = cursor
            return try await repo.search(query, actor: viewer.staff, now: req.now)
        }
        let s = viewer.s
        let names = try await req.customers.names(tasks.compactMap(\.customerID), s: s)
        let people = Dictionary(
            try await req.staffAccounts.list(actor: viewer.staff).map { ($0.id, $0.name) },
            uniquingKeysWith: { a, _ in a })
        return ListViews.csv(
            headers: [s.due, s.kind, s.taskText, s.customer, s.assignee, s.location, s.status, s.outcome],
            rows: tasks.map { t in
                [
                    viewer.dateTime(t.dueAt, at: t.locationID), s.taskKind(t.kind),
                    t.kind == .followUp ? s.followUpStep(t.text) : t.kind == .handover ? "" : t.text ?? "",
                    t.customerID.flatMap { names[$0] } ?? "", t.assigneeID.flatMap { people[$0] } ?? "",
                    viewer.locationName(t.locationID), s.taskStatus(t.status), t.outcome.map(s.taskOutcome) ?? "",
                ]
            }, dialect: params.csv, filename: "tasks")
    }
}
