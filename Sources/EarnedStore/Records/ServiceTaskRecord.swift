import EarnedDomain
import FluentKit
import Foundation

final class ServiceTaskRecord: Model, @unchecked Sendable {
    static let schema = "service_tasks"

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "kind") var kind: String
    @Field(key: "status") var status: String
    @OptionalField(key: "assignee_id") var assigneeID: UUID?
    @OptionalField(key: "location_id") var locationID: UUID?
    @OptionalField(key: "customer_id") var customerID: UUID?
    @OptionalField(key: "subject_kind") var subjectKind: String?
    @OptionalField(key: "subject_id") var subjectID: UUID?
    @Field(key: "due_at") var dueAt: Date
    @OptionalField(key: "channel") var channel: String?
    @OptionalField(key: "text") var text: String?
    @OptionalField(key: "completed_at") var completedAt: Date?
    @OptionalField(key: "completed_by_id") var completedByID: UUID?
    @OptionalField(key: "outcome") var outcome: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ task: ServiceTask) {
        id = task.id.rawValue
        apply(task)
    }

    func apply(_ task: ServiceTask) {
        key = task.key
        kind = task.kind.rawValue
        status = task.status.rawValue
        assigneeID = task.assigneeID?.rawValue
        locationID = task.locationID?.rawValue
        customerID = task.customerID?.rawValue
        subjectKind = task.subject?.kind.rawValue
        subjectID = task.subject?.id
        dueAt = task.dueAt
        channel = task.channel?.rawValue
        text = task.text
        completedAt = task.completedAt
        completedByID = task.completedByID?.rawValue
        outcome = task.outcome
        createdAt = task.createdAt
        updatedAt = task.updatedAt
    }

    var domain: ServiceTask {
        let subject: ServiceTask.Subject? =
            if let subjectKind, let kind = ServiceTask.Subject.Kind(rawValue: subjectKind), let subjectID {
                ServiceTask.Subject(kind: kind, id: subjectID)
            } else {
                nil
            }
        return ServiceTask(
            id: ServiceTaskID(id!), key: key, kind: ServiceTask.Kind(rawValue: kind) ?? .followUp,
            status: ServiceTask.Status(rawValue: status) ?? .open, assigneeID: assigneeID.map(StaffID.init),
            locationID: locationID.map(LocationID.init), customerID: customerID.map(CustomerID.init), subject: subject,
            dueAt: dueAt, channel: channel.flatMap(ContactChannel.init(rawValue:)), text: text,
            completedAt: completedAt, completedByID: completedByID.map(StaffID.init), outcome: outcome,
            createdAt: createdAt, updatedAt: updatedAt)
    }
}
