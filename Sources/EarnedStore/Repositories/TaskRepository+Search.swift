import EarnedDomain
import FluentKit
import Foundation

extension TaskRepository {
    /// Which tasks a list shows by their state.
    public enum Filter: String, Sendable, CaseIterable {
        case open
        /// Open and past due.
        case overdue
        case done
        case skipped
        case all
    }

    /// What a tasks list asks for: a state, whose, where, what kind, due in a period, about
    /// which customers.
    public struct Query: Sendable {
        public var filter: Filter
        public var assignee: StaffID?
        public var location: LocationID?
        public var kind: ServiceTask.Kind?
        public var from: Date?
        public var to: Date?
        /// Only tasks about these customers (what a search by name, phone or e-mail found); nil: any.
        public var customers: [CustomerID]?
        public var cursor: String?
        public var limit: Int

        public init(
            filter: Filter = .open, assignee: StaffID? = nil, location: LocationID? = nil,
            kind: ServiceTask.Kind? = nil, from: Date? = nil, to: Date? = nil, customers: [CustomerID]? = nil,
            cursor: String? = nil, limit: Int = 50
        ) {
            self.filter = filter
            self.assignee = assignee
            self.location = location
            self.kind = kind
            self.from = from
            self.to = to
            self.customers = customers
            self.cursor = cursor
            self.limit = limit
        }
    }

    /// A page of the tasks the actor may see (`Policy.maySee`: their own, and those of their
    /// locations), open ones soonest due first, the rest latest due first, with the count.
    public func search(_ query: Query, actor: Staff, now: Date) async throws -> ResultPage<ServiceTask> {
        let q = ServiceTaskRecord.query(on: db)
        if let assignee = query.assignee { q.filter(\.$assigneeID == assignee.rawValue) }
        if let location = query.location { q.filter(\.$locationID == location.rawValue) }
        if let kind = query.kind { q.filter(\.$kind == kind.rawValue) }
        if let from = query.from { q.filter(\.$dueAt >= from) }
        if let to = query.to { q.filter(\.$dueAt < to) }
        if let customers = query.customers { q.filter(\.$customerID ~~ customers.map(\.rawValue)) }
        var soonestFirst = false
        switch query.filter {
        case .open:
            q.filter(\.$status == ServiceTask.Status.open.rawValue)
            soonestFirst = true
        case .overdue:
            q.filter(\.$status == ServiceTask.Status.open.rawValue).filter(\.$dueAt < now)
            soonestFirst = true
        case .done: q.filter(\.$status == ServiceTask.Status.done.rawValue)
        case .skipped: q.filter(\.$status == ServiceTask.Status.skipped.rawValue)
        case .all: break
        }
        var parts = try await ListParts.visible(q, to: actor, location: "location_id", people: ["assignee_id"])
        if query.filter == .all {
            // Tasks are indexed by state, then due time: one walk per state.
            parts = ListParts.each(parts, of: "status", in: ServiceTask.Status.allCases.map(\.rawValue))
        }
        let page = try await KeysetPage.fetch(
            parts: parts, time: "due_at", descending: !soonestFirst, cursor: query.cursor, limit: query.limit,
            timeOf: \.dueAt)
        return ResultPage(
            items: page.rows.map(\.domain), nextCursor: page.next, total: page.total,
            totalIsLowerBound: page.totalIsLowerBound)
    }
}
