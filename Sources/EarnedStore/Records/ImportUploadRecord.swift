import FluentKit
import Foundation

/// A file uploaded for import, waiting between its preview and the import.
final class ImportUploadRecord: Model, @unchecked Sendable {
    static let schema = "import_uploads"

    @ID(key: .id) var id: UUID?
    @Field(key: "staff_id") var staffID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "filename") var filename: String
    @Field(key: "size") var size: Int64
    @Field(key: "data") var data: Data
    @Field(key: "created_at") var createdAt: Date

    init() {}
}
