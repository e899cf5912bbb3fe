import FluentKit
import Foundation

final class SettingsRecord: Model, @unchecked Sendable {
    static let schema = "settings"

    @ID(key: .id) var id: UUID?
    @Field(key: "key") var key: String
    @Field(key: "document") var document: String
    @Field(key: "updated_at") var updatedAt: Date
    @OptionalField(key: "updated_by_id") var updatedByID: UUID?

    init() {}
}
