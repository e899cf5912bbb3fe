import Foundation

/// What a person, the API or a rule (a bad survey answer, an incident) supplies to open or edit a
/// service case.
///
/// Opening needs the customer, the owner, who opened it and a title. An edit may change the
/// description, source, link, priority, location and the on-the-customer's-word flag; the owner
/// and the holder change only through `transferOwnership` and `handOff`, so an edit that names
/// another owner is refused.
public struct ServiceCaseDraft: Sendable, Codable, Hashable {
    public var customerID: CustomerID?
    public var locationID: LocationID?
    public var title: String?
    public var detail: String?
    public var source: ServiceCase.Source?
    public var link: UUID?
    /// The accountable owner; required to open.
    public var ownerID: StaffID?
    /// The department that takes the case first.
    public var department: String?
    /// The person who works on it first; defaults to the owner.
    public var holderID: StaffID?
    public var priority: Priority?
    /// Defaults to `now`.
    public var openedAt: Date?
    /// Who opened the case; required to open (the signed-in user).
    public var openedByID: StaffID?
    public var acceptedOnCustomersWord: Bool?

    public init(
        customerID: CustomerID? = nil, locationID: LocationID? = nil, title: String? = nil, detail: String? = nil,
        source: ServiceCase.Source? = nil, link: UUID? = nil, ownerID: StaffID? = nil, department: String? = nil,
        holderID: StaffID? = nil, priority: Priority? = nil, openedAt: Date? = nil, openedByID: StaffID? = nil,
        acceptedOnCustomersWord: Bool? = nil
    ) {
        self.customerID = customerID
        self.locationID = locationID
        self.title = title
        self.detail = detail
        self.source = source
        self.link = link
        self.ownerID = ownerID
        self.department = department
        self.holderID = holderID
        self.priority = priority
        self.openedAt = openedAt
        self.openedByID = openedByID
        self.acceptedOnCustomersWord = acceptedOnCustomersWord
    }

    /// How far ahead of `now` the opening time may lie.
    public static let futureTolerance: TimeInterval = 5 * 60

    /// Checks the draft and returns the case it describes, reporting every bad field. A new case
    /// is open, with an `opened` event, held by the department and person given (the owner when no
    /// person is). An edit keeps the history, owner, holder, times and status of `existing`.
    public func validated(id: CaseID, now: Date, existing: ServiceCase? = nil) throws(DomainError) -> ServiceCase {
        var v = Validator()
        let customerID = customerID ?? existing?.customerID
        if customerID == nil { v.add("customer_id", .required) }
        let title = v.text("title", title ?? existing?.title, required: true, max: ServiceCase.titleLimit)
        let detail = v.text("detail", detail ?? existing?.detail, max: ServiceCase.detailLimit)
        let department = v.text("department", department, max: ServiceCase.departmentLimit)
        if let existing {
            if let ownerID, ownerID != existing.ownerID {
                v.add("owner_id", .inconsistent, detail: "ownership changes only by a transfer with a reason")
            }
            if department != nil || holderID != nil {
                v.add("holder", .inconsistent, detail: "the holder changes only by a handoff")
            }
            if let openedAt, openedAt != existing.openedAt {
                v.add("opened_at", .inconsistent, detail: "the opening time cannot change")
            }
        } else {
            if ownerID == nil { v.add("owner_id", .required) }
            if openedByID == nil { v.add("opened_by_id", .required) }
            if let openedAt, openedAt > now.addingTimeInterval(Self.futureTolerance) {
                v.add("opened_at", .outOfRange, detail: "cannot be in the future")
            }
        }
        try v.check()
        if var updated = existing {
            updated.customerID = customerID!
            updated.locationID = locationID ?? updated.locationID
            updated.title = title ?? ""
            updated.detail = detail ?? ""
            updated.source = source ?? updated.source
            updated.link = link ?? updated.link
            updated.priority = priority ?? updated.priority
            updated.acceptedOnCustomersWord = acceptedOnCustomersWord ?? updated.acceptedOnCustomersWord
            updated.updatedAt = max(updated.updatedAt, now)
            return updated
        }
        let holder = ServiceCase.Holder(department: department, staffID: holderID ?? ownerID)
        return ServiceCase(
            id: id, customerID: customerID!, locationID: locationID, title: title ?? "", detail: detail ?? "",
            source: source ?? .complaint, link: link, ownerID: ownerID!, holder: holder, openingHolder: holder,
            priority: priority ?? .normal, openedAt: openedAt ?? now, openedByID: openedByID!,
            acceptedOnCustomersWord: acceptedOnCustomersWord ?? false, updatedAt: now)
    }
}
