import EarnedDomain
import FluentKit
import Foundation

final class AbsenceRecord: Model, @unchecked Sendable {
    static let schema = "absences"

    @ID(key: .id) var id: UUID?
    @Field(key: "staff_id") var staffID: UUID
    @Field(key: "cover_id") var coverID: UUID
    @Field(key: "starts_at") var startsAt: Date
    @Field(key: "ends_at") var endsAt: Date
    @OptionalField(key: "handed_over_at") var handedOverAt: Date?
    @OptionalField(key: "handed_back_at") var handedBackAt: Date?
    @Field(key: "document") var document: String

    init() {}

    init(_ absence: Absence) throws {
        id = absence.id.rawValue
        try apply(absence)
    }

    func apply(_ a: Absence) throws {
        staffID = a.staffID.rawValue
        coverID = a.coverID.rawValue
        startsAt = a.startsAt
        endsAt = a.endsAt
        handedOverAt = a.handedOverAt
        handedBackAt = a.handedBackAt
        document = try DocumentCoding.string(a)
    }

    func domain() throws -> Absence { try DocumentCoding.decode(Absence.self, document) }
}

extension AbsenceRecord: DocumentRecord {}
