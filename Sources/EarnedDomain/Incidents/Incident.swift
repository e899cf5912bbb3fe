import Foundation

public typealias IncidentID = Identifier<Incident>

/// Something that went wrong for a group of customers — a faulty batch, a bad day at a branch —
/// recorded so the business can call them first, before they find out on their own.
public struct Incident: Hashable, Codable, Sendable, Identifiable {
    public var id: IncidentID
    public var title: String
    public var detail: String?
    /// When the business found out; the told-first race starts here.
    public var foundAt: Date
    public var reportedByID: StaffID
    /// The location where it happened, if it is one location's.
    public var locationID: LocationID?
    /// Who is affected.
    public var scope: Scope
    public var createdAt: Date
    public var updatedAt: Date
    public var closedAt: Date?

    public init(
        id: IncidentID = IncidentID(), title: String, detail: String? = nil, foundAt: Date, reportedByID: StaffID,
        locationID: LocationID? = nil, scope: Scope, createdAt: Date, updatedAt: Date, closedAt: Date? = nil
    ) {
        self.id = id
        self.title = title
        self.detail = detail
        self.foundAt = foundAt
        self.reportedByID = reportedByID
        self.locationID = locationID
        self.scope = scope
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.closedAt = closedAt
    }

    public var isClosed: Bool { closedAt != nil }

    /// The affected customers: for an explicit list, the list (without repeats); otherwise the
    /// customers of the matching orders, each once, in the order of their first matching order
    /// in `orders`.
    public func affectedCustomers(orders: [Order]) -> [CustomerID] {
        var seen = Set<CustomerID>()
        if case .customers(let ids) = scope {
            return ids.filter { seen.insert($0).inserted }
        }
        return orders.filter { scope.matches($0) }.map(\.customerID).filter { seen.insert($0).inserted }
    }
}

/// What a staff member enters to record or change an incident. Fields left nil keep the
/// existing value.
public struct IncidentDraft: Hashable, Codable, Sendable {
    public var title: String?
    public var detail: String?
    public var foundAt: Date?
    public var reportedByID: StaffID?
    public var locationID: LocationID?
    public var scope: Incident.Scope?
    public var closedAt: Date?

    public init(
        title: String? = nil, detail: String? = nil, foundAt: Date? = nil, reportedByID: StaffID? = nil,
        locationID: LocationID? = nil, scope: Incident.Scope? = nil, closedAt: Date? = nil
    ) {
        self.title = title
        self.detail = detail
        self.foundAt = foundAt
        self.reportedByID = reportedByID
        self.locationID = locationID
        self.scope = scope
        self.closedAt = closedAt
    }

    public static let titleLimit = 200
    public static let detailLimit = 5000
    public static let productTextMinimum = 2
    public static let productTextLimit = 200
    public static let customerLimit = 10_000
    /// How far in the future a time may be, for clocks that disagree a little.
    static let clockSkew: TimeInterval = 300

    /// Checks every field and returns the incident, reporting every problem at once. `foundAt`
    /// defaults to `now`.
    public func validated(id: IncidentID, now: Date, existing: Incident? = nil) throws(DomainError) -> Incident {
        var v = Validator()
        let title = v.text("title", title ?? existing?.title, required: true, max: Self.titleLimit)
        let detail = v.text("detail", detail ?? existing?.detail, max: Self.detailLimit)
        let foundAt = foundAt ?? existing?.foundAt ?? now
        if foundAt > now.addingTimeInterval(Self.clockSkew) {
            v.add("found_at", .outOfRange, detail: "cannot be in the future")
        }
        let reportedByID = reportedByID ?? existing?.reportedByID
        if reportedByID == nil { v.add("reported_by_id", .required) }
        let scope = scope ?? existing?.scope
        if let scope {
            for problem in Self.problems(in: scope, foundAt: foundAt) { v.add(problem) }
        } else {
            v.add("scope", .required)
        }
        let closedAt = closedAt ?? existing?.closedAt
        if let closedAt {
            if closedAt < foundAt {
                v.add("closed_at", .inconsistent, detail: "cannot be before the incident was found")
            } else if closedAt > now.addingTimeInterval(Self.clockSkew) {
                v.add("closed_at", .outOfRange, detail: "cannot be in the future")
            }
        }
        try v.check()
        return Incident(
            id: id, title: title!, detail: detail, foundAt: foundAt, reportedByID: reportedByID!,
            locationID: locationID ?? existing?.locationID, scope: Self.trimmed(scope!),
            createdAt: existing?.createdAt ?? now, updatedAt: now, closedAt: closedAt)
    }

    /// How far back before it was found an incident's scope may reach: orders older than this
    /// are past any outreach, and a wider scope would make one request match a whole history.
    public static let scopeReach: TimeInterval = 2 * 366 * 86_400

    static func problems(in scope: Incident.Scope, foundAt: Date) -> [FieldError] {
        var v = Validator()
        func range(_ from: Date?, _ to: Date?) {
            if let from, let to, from > to { v.add("scope.to", .inconsistent, detail: "cannot be before scope.from") }
            if let to, to > foundAt.addingTimeInterval(Self.clockSkew) {
                v.add("scope.to", .outOfRange, detail: "cannot be after the incident was found")
            }
            if let from, from < foundAt.addingTimeInterval(-Self.scopeReach) {
                v.add("scope.from", .outOfRange, detail: "at most two years before the incident was found")
            }
        }
        switch scope {
        case .product(let text, let from, let to):
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                v.add("scope.text", .required)
            } else if trimmed.count < Self.productTextMinimum {
                v.add("scope.text", .tooShort, limit: Self.productTextMinimum)
            } else if trimmed.count > Self.productTextLimit {
                v.add("scope.text", .tooLong, limit: Self.productTextLimit)
            }
            range(from, to)
        case .dateRange(let from, let to):
            range(from, to)
        case .location(_, let from, let to):
            range(from, to)
        case .customers(let ids):
            if ids.isEmpty {
                v.add("scope.customer_ids", .required)
            } else if ids.count > Self.customerLimit {
                v.add(
                    "scope.customer_ids", .outOfRange, limit: Self.customerLimit, detail: "1 to \(Self.customerLimit)")
            }
        }
        return v.errors
    }

    static func unique(_ ids: [CustomerID]) -> [CustomerID] {
        var seen = Set<CustomerID>()
        return ids.filter { seen.insert($0).inserted }
    }

    static func trimmed(_ scope: Incident.Scope) -> Incident.Scope {
        switch scope {
        case .product(let text, let from, let to):
            .product(text: text.trimmingCharacters(in: .whitespacesAndNewlines), from: from, to: to)
        case .customers(let ids):
            .customers(ids: unique(ids))
        case .dateRange, .location: scope
        }
    }
}
