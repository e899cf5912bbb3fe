import EarnedDomain
import FluentKit
import Foundation

final class PromiseRecord: Model, @unchecked Sendable {
    static let schema = "promises"

    @ID(key: .id) var id: UUID?
    @Field(key: "customer_id") var customerID: UUID
    @Field(key: "owner_id") var ownerID: UUID
    @OptionalField(key: "location_id") var locationID: UUID?
    @Field(key: "kind") var kind: String
    /// open, kept or broken.
    @Field(key: "status") var status: String
    @Field(key: "due_at") var dueAt: Date
    @Field(key: "due_in_force_at") var dueInForceAt: Date
    @OptionalField(key: "closed_at") var closedAt: Date?
    @OptionalField(key: "link_id") var linkID: UUID?
    @Field(key: "document") var document: String
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ promise: Promise) throws {
        id = promise.id.rawValue
        try apply(promise)
    }

    func apply(_ p: Promise) throws {
        customerID = p.customerID.rawValue
        ownerID = p.ownerID.rawValue
        locationID = p.locationID?.rawValue
        kind = p.kind.rawValue
        status = p.keptAt != nil ? "kept" : p.brokenAt != nil ? "broken" : "open"
        dueAt = p.dueAt
        dueInForceAt = p.dueInForce
        closedAt = p.keptAt ?? p.brokenAt
        linkID = p.link?.id
        document = try DocumentCoding.string(p)
        createdAt = p.createdAt
        updatedAt = p.updatedAt
    }

    func domain() throws -> Promise { try DocumentCoding.decode(Promise.self, document) }
}

final class ServiceCaseRecord: Model, @unchecked Sendable {
    static let schema = "service_cases"

    @ID(key: .id) var id: UUID?
    @Field(key: "customer_id") var customerID: UUID
    @OptionalField(key: "location_id") var locationID: UUID?
    @Field(key: "owner_id") var ownerID: UUID
    @OptionalField(key: "holder_id") var holderID: UUID?
    @OptionalField(key: "holder_department") var holderDepartment: String?
    @Field(key: "status") var status: String
    @Field(key: "priority") var priority: String
    @Field(key: "source") var source: String
    @OptionalField(key: "link_id") var linkID: UUID?
    @Field(key: "opened_at") var openedAt: Date
    @Field(key: "document") var document: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ c: ServiceCase) throws {
        id = c.id.rawValue
        try apply(c)
    }

    func apply(_ c: ServiceCase) throws {
        customerID = c.customerID.rawValue
        locationID = c.locationID?.rawValue
        ownerID = c.ownerID.rawValue
        holderID = c.holder.staffID?.rawValue
        holderDepartment = c.holder.department
        status = c.status.rawValue
        priority = c.priority.rawValue
        source = c.source.rawValue
        linkID = c.link
        openedAt = c.openedAt
        document = try DocumentCoding.string(c)
        updatedAt = c.updatedAt
    }

    func domain() throws -> ServiceCase { try DocumentCoding.decode(ServiceCase.self, document) }
}

final class InboundContactRecord: Model, @unchecked Sendable {
    static let schema = "inbound_contacts"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "customer_id") var customerID: UUID?
    @Field(key: "location_id") var locationID: UUID
    @OptionalField(key: "owner_id") var ownerID: UUID?
    @Field(key: "channel") var channel: String
    @Field(key: "priority") var priority: String
    @Field(key: "status") var status: String
    @Field(key: "received_at") var receivedAt: Date
    @OptionalField(key: "external_id") var externalID: String?
    @Field(key: "document") var document: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ c: InboundContact) throws {
        id = c.id.rawValue
        try apply(c)
    }

    func apply(_ c: InboundContact) throws {
        customerID = c.customerID?.rawValue
        locationID = c.locationID.rawValue
        ownerID = c.ownerID?.rawValue
        channel = c.channel.rawValue
        priority = c.priority.rawValue
        status = c.status.rawValue
        receivedAt = c.receivedAt
        externalID = c.externalID
        document = try DocumentCoding.string(c)
        updatedAt = c.updatedAt
    }

    func domain() throws -> InboundContact { try DocumentCoding.decode(InboundContact.self, document) }
}

final class IncidentRecord: Model, @unchecked Sendable {
    static let schema = "incidents"

    @ID(key: .id) var id: UUID?
    @OptionalField(key: "location_id") var locationID: UUID?
    @Field(key: "found_at") var foundAt: Date
    @Field(key: "document") var document: String
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ incident: Incident) throws {
        id = incident.id.rawValue
        try apply(incident)
    }

    func apply(_ i: Incident) throws {
        locationID = i.locationID?.rawValue
        foundAt = i.foundAt
        document = try DocumentCoding.string(i)
        updatedAt = i.updatedAt
    }

    func domain() throws -> Incident { try DocumentCoding.decode(Incident.self, document) }
}

final class IncidentCustomerRecord: Model, @unchecked Sendable {
    static let schema = "incident_customers"

    @ID(key: .id) var id: UUID?
    @Field(key: "incident_id") var incidentID: UUID
    @Field(key: "customer_id") var customerID: UUID
    @OptionalField(key: "told_at") var toldAt: Date?

    init() {}

    init(incident: IncidentID, customer: CustomerID) {
        id = IDGenerator.next()
        incidentID = incident.rawValue
        customerID = customer.rawValue
    }
}

final class TouchRecord: Model, @unchecked Sendable {
    static let schema = "customer_touches"

    @ID(key: .id) var id: UUID?
    @Field(key: "customer_id") var customerID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "at") var at: Date
    @OptionalField(key: "task_key") var taskKey: String?

    init() {}

    init(customer: CustomerID, touch: Touch, taskKey: String?) {
        id = IDGenerator.next()
        customerID = customer.rawValue
        kind = touch.kind.rawValue
        at = touch.at
        self.taskKey = taskKey
    }

    var domain: Touch { Touch(at: at, kind: TouchKind(rawValue: kind) ?? .other) }
}

final class ReferralRecord: Model, @unchecked Sendable {
    static let schema = "referrals"

    @ID(key: .id) var id: UUID?
    @Field(key: "referrer_id") var referrerID: UUID
    @Field(key: "referred_id") var referredID: UUID
    @OptionalField(key: "order_id") var orderID: UUID?
    @OptionalField(key: "recorded_by_id") var recordedByID: UUID?
    @Field(key: "recorded_at") var recordedAt: Date

    init() {}

    init(_ r: Referral) {
        id = r.id.rawValue
        referrerID = r.referrerID.rawValue
        referredID = r.referredID.rawValue
        orderID = r.orderID?.rawValue
        recordedByID = r.recordedByID?.rawValue
        recordedAt = r.recordedAt
    }

    var domain: Referral {
        Referral(
            id: ReferralID(id!), referrerID: CustomerID(referrerID), referredID: CustomerID(referredID),
            recordedAt: recordedAt, recordedByID: recordedByID.map(StaffID.init), orderID: orderID.map(OrderID.init))
    }
}
