import Foundation

public typealias CaseID = Identifier<ServiceCase>

/// A complaint or a problem of one customer, with one accountable owner from the moment it is
/// opened until the customer confirms it is fixed. The work may pass between departments and
/// people (the holder) without the owner changing; ownership itself moves only by an explicit
/// transfer with a reason. The history is kept as events, from which the time spent in each
/// department and the time spent waiting on the customer are derived.
public struct ServiceCase: Hashable, Codable, Sendable, Identifiable {
    /// What opened the case.
    public enum Source: String, Codable, Sendable, CaseIterable {
        case complaint
        case problem
        case followUp = "follow_up"
        case survey
        case incident
        case contact
        case other
    }

    public enum Status: String, Codable, Sendable, CaseIterable {
        case open
        /// Waiting on the customer: the case's clocks are paused.
        case waitingOnCustomer = "waiting_on_customer"
        /// Staff say it is fixed; the customer has not confirmed yet.
        case resolved
        /// The customer confirmed the fix.
        case closed
    }

    /// Who is working on the case now: a department, a person, or both.
    public struct Holder: Hashable, Codable, Sendable {
        public var department: String?
        public var staffID: StaffID?

        public init(department: String? = nil, staffID: StaffID? = nil) {
            self.department = department
            self.staffID = staffID
        }
    }

    /// The key under which `timeByDepartment` reports time spent with no department.
    public static let noDepartment = ""

    public static let titleLimit = 200
    public static let detailLimit = 4000
    public static let departmentLimit = 80
    public static let reasonLimit = 1000

    public var id: CaseID
    public var customerID: CustomerID
    public var locationID: LocationID?
    public var title: String
    public var detail: String
    public var source: Source
    /// The id of the thing that opened the case (a contact, a survey response, an incident).
    public var link: UUID?
    /// The staff member accountable for the case until it is closed.
    public var ownerID: StaffID
    /// Who is working on it now.
    public var holder: Holder
    /// Who held the case when it was opened; the department time before the first handoff goes to it.
    public var openingHolder: Holder
    public var priority: Priority
    public var openedAt: Date
    public var openedByID: StaffID
    public var firstResponseAt: Date?
    /// When staff last said the problem was fixed; cleared by a reopening.
    public var resolvedAt: Date?
    /// When the customer confirmed the fix and the case closed; cleared by a reopening.
    public var confirmedAt: Date?
    public var status: Status
    public var reopenCount: Int
    /// The customer's claim was accepted on their word, without proof.
    public var acceptedOnCustomersWord: Bool
    /// The history, oldest first.
    public var events: [CaseEvent]
    public var actions: [CorrectiveAction]
    public var updatedAt: Date

    public init(
        id: CaseID = CaseID(), customerID: CustomerID, locationID: LocationID? = nil, title: String,
        detail: String = "", source: Source = .complaint, link: UUID? = nil, ownerID: StaffID, holder: Holder,
        openingHolder: Holder? = nil, priority: Priority = .normal, openedAt: Date, openedByID: StaffID,
        firstResponseAt: Date? = nil, resolvedAt: Date? = nil, confirmedAt: Date? = nil, status: Status = .open,
        reopenCount: Int = 0, acceptedOnCustomersWord: Bool = false, events: [CaseEvent]? = nil,
        actions: [CorrectiveAction] = [], updatedAt: Date? = nil
    ) {
        self.id = id
        self.customerID = customerID
        self.locationID = locationID
        self.title = title
        self.detail = detail
        self.source = source
        self.link = link
        self.ownerID = ownerID
        self.holder = holder
        self.openingHolder = openingHolder ?? holder
        self.priority = priority
        self.openedAt = openedAt
        self.openedByID = openedByID
        self.firstResponseAt = firstResponseAt
        self.resolvedAt = resolvedAt
        self.confirmedAt = confirmedAt
        self.status = status
        self.reopenCount = reopenCount
        self.acceptedOnCustomersWord = acceptedOnCustomersWord
        self.events = events ?? [CaseEvent(at: openedAt, byID: openedByID, kind: .opened)]
        self.actions = actions
        self.updatedAt = updatedAt ?? openedAt
    }

    /// Open or waiting on the customer: somebody still has work to do.
    public var isActive: Bool { status == .open || status == .waitingOnCustomer }

    /// What the corrective actions cost, one amount per currency, ordered by currency code.
    public var totalCost: [Money] {
        var sums: [String: Int64] = [:]
        for action in actions { sums[action.currency, default: 0] += action.costMinorUnits }
        return sums.keys.sorted().map { Money(minorUnits: sums[$0]!, currency: $0) }
    }

    /// What the corrective actions in `currency` cost, in minor units.
    public func totalCost(in currency: String) -> Int64 {
        actions.filter { $0.currency == currency }.reduce(0) { $0 + $1.costMinorUnits }
    }

    /// The instant of the latest event (the opening when there is none).
    public var lastEventAt: Date { events.last?.at ?? openedAt }
}
