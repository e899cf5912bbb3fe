import EarnedDomain
import FluentKit
import Foundation
import SQLKit

/// Where a scheduler step stopped: every instant up to `through` has been worked through under
/// the settings whose fingerprint is `fingerprint`. A step reads only what fell due or changed
/// after it; with no watermark, or one made under other settings, it works through everything.
public struct SchedulerWatermark: Sendable, Equatable {
    public var through: Date
    public var fingerprint: String

    public init(through: Date, fingerprint: String) {
        self.through = through
        self.fingerprint = fingerprint
    }
}

public struct SchedulerWatermarks: Sendable {
    let db: any Database

    public init(db: any Database) { self.db = db }

    public func get(_ step: String) async throws -> SchedulerWatermark? {
        guard
            let row = try await db.sql.select().column("through").column("fingerprint").from("scheduler_watermarks")
                .where("step", .equal, step).first()
        else { return nil }
        return SchedulerWatermark(
            through: try row.decode(column: "through", as: Date.self),
            fingerprint: try row.decode(column: "fingerprint", as: String.self))
    }

    /// Records that `step` has worked through `mark.through`. Passes on several instances may
    /// finish out of order: the later instant stays (each pass vouches for everything up to its
    /// own), and the fingerprint is the last writer's, so a pass under other settings than the
    /// next one's makes that one work through everything.
    public func advance(_ step: String, to mark: SchedulerWatermark, now: Date) async throws {
        try await db.sql.raw(
            """
            INSERT INTO scheduler_watermarks (id, step, through, fingerprint, updated_at) \
            VALUES (\(bind: IDGenerator.next()), \(bind: step), \(bind: mark.through), \(bind: mark.fingerprint), \
            \(bind: now)) \
            ON CONFLICT (step) DO UPDATE SET \
            through = CASE WHEN excluded.through > scheduler_watermarks.through \
            THEN excluded.through ELSE scheduler_watermarks.through END, \
            fingerprint = excluded.fingerprint, updated_at = excluded.updated_at
            """
        ).run()
    }
}
