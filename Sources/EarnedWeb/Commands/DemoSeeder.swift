import EarnedDemo
import EarnedDomain
import EarnedServices
import EarnedStore
import Fluent
import Vapor

/// Writes the demo business into an empty database.
enum DemoSeeder {
    struct NotEmpty: Error, CustomStringConvertible {
        var description: String {
            "The database already holds customers; the demo goes into an empty one (for example EARNED_SQLITE_PATH=demo.sqlite)."
        }
    }

    static func seed(
        _ app: Application, seed: UInt64, scale: Int, now: Date, batchSize: Int = 20_000,
        progress: @Sendable (Int, Int) -> Void = { _, _ in }
    ) async throws -> DemoBusiness {
        let db = app.db
        if try await CustomerRepository(db: db).countAll() > 0 { throw NotEmpty() }
        let demo = DemoBusiness(seed: seed, scale: scale, now: now)
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).hash(
            DemoBusiness.password)
        // The business-wide part of the service history: its incidents go in with the staff, as
        // every batch's affected customers point at them; the rest after the last batch.
        let business = demo.businessServiceHistory()
        try await db.transaction { db in
            try await LocationRepository(db: db).insert(demo.locations)
            try await BulkWriter(db: db).insertStaff(demo.staff, passwordHash: hash)
            try await DemoServiceWriter(db: db).write(DemoServiceHistory(incidents: business.incidents))
            try await SurveyRepository(db: db).insert(demo.surveyDefinitions)
        }
        // Demo links are stored under a salted hash: no link, not even one made again from the
        // seed, opens a demo invitation.
        let salt = Secrets.token()
        let linkHash: @Sendable (String) -> String = { Secrets.sha256(salt + $0) }
        var rest = business
        rest.incidents = []
        let count = demo.customerCount
        let batchSize = max(1, batchSize)
        // Generating and writing overlap: a batch's history is worked out while its customers
        // are written, and the next batch while the history is.
        var next: Task<DemoBatch, Never>? = Task { demo.batch(0..<min(batchSize, count)) }
        while let pending = next {
            let batch = await pending.value
            let end = batch.range.upperBound
            let history = Task {
                let service = demo.serviceHistory(for: batch)
                let surveys = demo.surveyHistory(for: batch, service: service, hash: linkHash)
                return (Self.splitReferrals(service, batch: batch), surveys)
            }
            next = end < count ? Task { demo.batch(end..<min(end + batchSize, count)) } : nil
            let later = try await db.transaction { db in
                let writer = BulkWriter(db: db)
                return try await writer.withLargeCache {
                    try await writer.insertCustomers(batch.customers)
                    try await writer.insertOrders(batch.orders)
                    try await writer.insertNotes(batch.notes)
                    let ((part, later), surveys) = await history.value
                    try await DemoServiceWriter(db: db).write(part)
                    try await DemoServiceWriter(db: db).write(surveys)
                    return later
                }
            }
            rest.referrals += later
            progress(end, count)
        }
        let last = rest
        try await db.transaction { db in
            let writer = BulkWriter(db: db)
            try await writer.withLargeCache { try await DemoServiceWriter(db: db).write(last) }
        }
        try await QueryPlannerStatistics.refresh(db)
        return demo
    }

    /// A batch's history without the referrals whose referrer is in another batch (perhaps
    /// not written yet), and those referrals, for after the last batch.
    static func splitReferrals(
        _ history: DemoServiceHistory, batch: DemoBatch
    ) -> (history: DemoServiceHistory, later: [Referral]) {
        let inBatch = Set(batch.customers.map(\.id))
        var history = history
        let later = history.referrals.filter { !inBatch.contains($0.referrerID) }
        history.referrals.removeAll { !inBatch.contains($0.referrerID) }
        return (history, later)
    }
}

/// `earned demo`: a believable business, the same for the same seed.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "seed", help: "Random seed (default 2026)") var seed: Int?
        @Option(name: "scale", help: "Multiplies customers and history: 1 ≈ 5,000 customers, 200 ≈ 1,000,000")
        var scale: Int?
    }

    var help: String {
        "Creates the demo business (3 locations, ~15 staff, ~5,000 customers, two years of orders) in an empty database."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let scale = signature.scale ?? 1
        guard scale >= 1, scale <= 1000 else { throw Abort(.badRequest, reason: "--scale must be from 1 to 1000") }
        try await prepareDatabase(app)
        let started = Date()
        let console = context.console
        let demo = try await DemoSeeder.seed(
            app, seed: UInt64(signature.seed ?? 2026), scale: scale, now: app.earned.clock()
        ) { done, total in
            console.output("\r\(done) / \(total) customers".consoleText(), newLine: false)
        }
        console.output("")
        let seconds = Date().timeIntervalSince(started)
        console.info("Demo business created in \(String(format: "%.1f", seconds)) s: \(demo.customerCount) customers.")
        let truth = demo.groundTruth
        func planted(_ e: DemoGroundTruth.ServiceEffect) -> String {
            String(format: "leaving ×%.3g, purchases ×%.3g", e.dropoutFactor, e.purchaseFactor)
        }
        console.info(
            "Planted after a customer's first service moment: broken_promises \(planted(truth.failedPromiseEffect)); "
                + "late_replies \(planted(truth.lateReplyEffect))")
        console.info("Sign in as \(DemoBusiness.ownerEmail) with password \(DemoBusiness.password)")
    }
}
