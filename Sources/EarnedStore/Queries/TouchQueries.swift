import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// The fatigue budget's touches: each recorded once per task key, however often a pass runs
/// (`ON CONFLICT (task_key) DO NOTHING`; a touch without a key is always new).
enum TouchQueries {
    static func record(
        _ touches: [(customer: CustomerID, touch: Touch, taskKey: String?)], on db: any Database
    ) async throws {
        let sql = try db.sql
        for item in touches {
            try await sql.raw(
                "INSERT INTO customer_touches (id, customer_id, kind, at, task_key) VALUES (\(bind: IDGenerator.next()), \(bind: item.customer.rawValue), \(bind: item.touch.kind.rawValue), \(bind: item.touch.at), \(bind: item.taskKey)) ON CONFLICT (task_key) DO NOTHING"
            ).run()
        }
    }
}
