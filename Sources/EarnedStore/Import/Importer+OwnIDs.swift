import EarnedDomain
import FluentKit
import Foundation

extension Importer {
    /// Customers by the codes a file names: their external ids, and, for a customer without one,
    /// its own id, as Earned's exports write it (so an export reads back as the same customers).
    func customerKeysWithOwnIDs(_ codes: [String]) async throws -> [String: (
        id: UUID, mergedInto: UUID?, erased: Bool, location: UUID?
    )] {
        var keys = try await BulkWriter(db: db).customerKeys(codes)
        let own = Array(Set(codes.filter { keys[$0] == nil }.compactMap(UUID.init(uuidString:))))
        for start in stride(from: 0, to: own.count, by: chunk) {
            let batch = Array(own[start..<min(start + chunk, own.count)])
            for record in try await CustomerRecord.query(on: db).filter(\.$id ~~ batch).filter(\.$externalID == nil)
                .all()
            {
                let key = (record.id!, record.mergedIntoID, record.erasedAt != nil, record.homeLocationID)
                for code in [record.id!.uuidString, record.id!.uuidString.lowercased()] { keys[code] = key }
            }
        }
        return keys
    }
}
