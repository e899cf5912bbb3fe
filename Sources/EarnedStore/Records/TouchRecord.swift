import FluentKit
import Foundation

/// A contact made on the business's initiative, counted by the fatigue budget.
final class TouchRecord: Model, @unchecked Sendable {
    static let schema = "customer_touches"

    @ID(key: .id) var id: UUID?
    @Field(key: "customer_id") var customerID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "at") var at: Date
    @OptionalField(key: "task_key") var taskKey: String?

    init() {}
}
