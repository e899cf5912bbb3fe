import EarnedDomain
import FluentKit
import Foundation

final class StaffRecord: Model, @unchecked Sendable {
    static let schema = "staff"

    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "email") var email: String
    @Field(key: "role") var role: String
    @OptionalField(key: "home_location_id") var homeLocationID: UUID?
    @OptionalField(key: "department") var department: String?
    @Field(key: "is_active") var isActive: Bool
    @OptionalField(key: "password_hash") var passwordHash: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ staff: Staff) {
        id = staff.id.rawValue
        apply(staff)
    }

    func apply(_ staff: Staff) {
        name = staff.name
        email = staff.email
        role = staff.role.rawValue
        homeLocationID = staff.homeLocationID?.rawValue
        department = staff.department
        isActive = staff.isActive
        createdAt = staff.createdAt
        updatedAt = staff.updatedAt
    }

    func domain(extraLocations: [UUID]) -> Staff {
        Staff(
            id: StaffID(id!), name: name, email: email, role: Role(rawValue: role) ?? .staff,
            homeLocationID: homeLocationID.map(LocationID.init), extraLocationIDs: extraLocations.map(LocationID.init),
            department: department, isActive: isActive, createdAt: createdAt, updatedAt: updatedAt)
    }
}

final class StaffLocationRecord: Model, @unchecked Sendable {
    static let schema = "staff_locations"

    @ID(key: .id) var id: UUID?
    @Field(key: "staff_id") var staffID: UUID
    @Field(key: "location_id") var locationID: UUID

    init() {}

    init(staffID: UUID, locationID: UUID) {
        self.id = IDGenerator.next()
        self.staffID = staffID
        self.locationID = locationID
    }
}
