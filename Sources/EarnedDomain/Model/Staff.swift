import Foundation

public typealias StaffID = Identifier<Staff>

/// A person who works in the business and signs in to Earned.
public struct Staff: Hashable, Codable, Sendable, Identifiable {
    public var id: StaffID
    public var name: String
    public var email: String
    public var role: Role
    /// Where they usually work; an owner may have none.
    public var homeLocationID: LocationID?
    /// Further locations a manager looks after (the home location is always included).
    public var extraLocationIDs: [LocationID]
    public var department: String?
    public var isActive: Bool
    public var createdAt: Date
    public var updatedAt: Date

    public init(
        id: StaffID = StaffID(), name: String, email: String, role: Role, homeLocationID: LocationID?,
        extraLocationIDs: [LocationID] = [], department: String? = nil, isActive: Bool = true,
        createdAt: Date, updatedAt: Date
    ) {
        self.id = id
        self.name = name
        self.email = email
        self.role = role
        self.homeLocationID = homeLocationID
        self.extraLocationIDs = extraLocationIDs
        self.department = department
        self.isActive = isActive
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// The locations whose customers and orders this person may see; nil means all of them.
    public var visibleLocationIDs: Set<LocationID>? {
        if role == .owner { return nil }
        var ids = Set(extraLocationIDs)
        if let homeLocationID { ids.insert(homeLocationID) }
        return ids
    }

    /// Whether this person may see things that belong to `location` (nil: no location).
    public func canSee(location: LocationID?) -> Bool {
        guard let visible = visibleLocationIDs else { return true }
        guard let location else { return false }
        return visible.contains(location)
    }
}

/// What an owner enters to create or change a staff account.
public struct StaffDraft: Sendable, Codable, Hashable {
    public var name: String?
    public var email: String?
    public var role: Role?
    public var homeLocationID: LocationID?
    public var extraLocationIDs: [LocationID]?
    public var department: String?
    public var isActive: Bool?

    public init(
        name: String? = nil, email: String? = nil, role: Role? = nil, homeLocationID: LocationID? = nil,
        extraLocationIDs: [LocationID]? = nil, department: String? = nil, isActive: Bool? = nil
    ) {
        self.name = name
        self.email = email
        self.role = role
        self.homeLocationID = homeLocationID
        self.extraLocationIDs = extraLocationIDs
        self.department = department
        self.isActive = isActive
    }

    public func validated(id: StaffID, now: Date, existing: Staff? = nil) throws(DomainError) -> Staff {
        var v = Validator()
        let name = v.text("name", name ?? existing?.name, required: true, max: 120)
        let rawEmail = v.text("email", email ?? existing?.email, required: true, max: 254)
        let email = rawEmail.flatMap(ContactNormalizer.email)
        if rawEmail != nil, email == nil { v.add("email", .invalidFormat, detail: "name@example.com") }
        let role = role ?? existing?.role ?? .staff
        let home = homeLocationID ?? existing?.homeLocationID
        if role != .owner, home == nil { v.add("home_location_id", .required) }
        let department = v.text("department", department ?? existing?.department, max: 80)
        try v.check()
        return Staff(
            id: id, name: name ?? "", email: email ?? "", role: role, homeLocationID: home,
            extraLocationIDs: extraLocationIDs ?? existing?.extraLocationIDs ?? [], department: department,
            isActive: isActive ?? existing?.isActive ?? true, createdAt: existing?.createdAt ?? now,
            updatedAt: now)
    }
}
