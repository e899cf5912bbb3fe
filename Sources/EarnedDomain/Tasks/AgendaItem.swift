import Foundation

/// One line of a person's Today: a task, a promise due, a case, a reply waiting.
public struct AgendaItem: Hashable, Sendable {
    public enum Source: String, Hashable, Sendable, CaseIterable {
        case task
        case promise
        case serviceCase = "case"
        case contact
    }

    public var source: Source
    public var id: UUID
    /// When it must be done by; nil for work with no deadline (a case waiting on a department).
    public var dueAt: Date?
    public var assigneeID: StaffID?
    public var customerID: CustomerID?

    public init(source: Source, id: UUID, dueAt: Date?, assigneeID: StaffID?, customerID: CustomerID?) {
        self.source = source
        self.id = id
        self.dueAt = dueAt
        self.assigneeID = assigneeID
        self.customerID = customerID
    }

    public func isOverdue(at now: Date) -> Bool { dueAt.map { $0 < now } ?? false }

    /// The agenda's order: overdue first (the longest overdue on top), then by time left;
    /// items without a deadline last. Ties keep a stable order by id.
    public static func ordered(_ items: [AgendaItem], now: Date) -> [AgendaItem] {
        items.sorted { a, b in
            switch (a.dueAt, b.dueAt) {
            case (let x?, let y?): return x != y ? x < y : a.id.uuidString < b.id.uuidString
            case (.some, nil): return true
            case (nil, .some): return false
            case (nil, nil): return a.id.uuidString < b.id.uuidString
            }
        }
    }
}
