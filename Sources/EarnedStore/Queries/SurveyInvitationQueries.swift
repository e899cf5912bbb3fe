import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// The invitation writes that must hold with several instances and double submits: each is
/// one statement whose `WHERE` or conflict clause decides the race, on both databases.
enum SurveyInvitationQueries {
    /// Inserts the invitations whose keys are new and returns the ids this call created; a key
    /// that exists is left alone (`ON CONFLICT (key) DO NOTHING … RETURNING id`).
    static func insertNew(_ invitations: [SurveyInvitation], sentAt: Date?, on db: any Database) async throws
        -> Set<UUID>
    {
        let sql = try db.sql
        var created = Set<UUID>()
        for start in stride(from: 0, to: invitations.count, by: 100) {
            let batch = invitations[start..<min(start + 100, invitations.count)]
            let insert = sql.insert(into: SurveyInvitationRecord.schema).columns(SurveyRepository.invitationColumns)
            for invitation in batch {
                insert.values(SurveyRepository.values(invitation, sentAt: sentAt).map(\.expression))
            }
            for row in try await insert.ignoringConflicts(with: ["key"]).returning("id").all() {
                created.insert(try row.decode(column: "id", as: UUID.self))
            }
        }
        return created
    }

    /// Gives the open invitation `id` a new token hash, sent at `now`; false when it is no
    /// longer open.
    static func renewLink(_ id: SurveyInvitationID, tokenHash: String, now: Date, on db: any Database) async throws
        -> Bool
    {
        let sql = try db.sql
        let rows = try await sql.update(SurveyInvitationRecord.schema).set("token_hash", to: tokenHash)
            .set("sent_at", to: now).where("id", .equal, id.rawValue).where("state", .equal, "open")
            .returning("id").all()
        return !rows.isEmpty
    }

    /// Marks the open task under `key` done by `actor` at `now` (a task already closed stays
    /// as it was).
    static func completeOpenTask(key: String, actor: StaffID, now: Date, on db: any Database) async throws {
        let sql = try db.sql
        try await sql.update(ServiceTaskRecord.schema).set("status", to: ServiceTask.Status.done.rawValue)
            .set("completed_at", to: now).set("completed_by_id", to: actor.rawValue).set("updated_at", to: now)
            .where("key", .equal, key).where("status", .equal, ServiceTask.Status.open.rawValue)
            .run()
    }

    /// Marks the open invitation `id` answered at `now`; false when it was not open (answered
    /// already, by this submit's twin or an earlier one).
    static func claimForAnswer(_ id: SurveyInvitationID, now: Date, on db: any Database) async throws -> Bool {
        let sql = try db.sql
        let claimed = try await sql.update(SurveyInvitationRecord.schema).set("state", to: "answered")
            .set("answered_at", to: now).where("id", .equal, id.rawValue)
            .where("state", .equal, "open").returning("id").all()
        return !claimed.isEmpty
    }
}
