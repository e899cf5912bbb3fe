import EarnedDomain
import EarnedStore
import Fluent
import Vapor

/// One pass of the scheduler: creates the tasks that are due, fires reminders and
/// escalations, and sends webhooks. Every step works from the state in the database, not from
/// what a process remembers, and every task has a unique key: a pass may run on any instance,
/// twice, or after a long stop, and creates each task exactly once.
struct Tick: Sendable {
    struct Report: Sendable, Equatable, CustomStringConvertible {
        var tasksCreated = 0
        var eventsQueued = 0
        var deliveriesSent = 0
        var deliveriesFailed = 0

        var description: String {
            "\(tasksCreated) tasks created, \(eventsQueued) events queued, \(deliveriesSent) webhooks delivered, \(deliveriesFailed) failed"
        }
    }

    let db: any Database
    let client: any Client
    let logger: Logger
    /// The start of survey links.
    let linkBase: String
    let metrics: EarnedMetrics

    init(app: Application) {
        db = app.db
        client = app.client
        logger = app.logger
        linkBase = app.earned.config.publicBase
        metrics = app.earnedMetrics
    }

    /// What every step of a pass reads: the locations with their calendars and the owner's
    /// settings, read once a pass.
    struct Setting: Sendable {
        var locations: [Location]
        var calendars: [LocationID: BusinessCalendar]
        var rules: ServiceRules
        var outreach: OutreachSettings

        static func load(_ db: any Database) async throws -> Setting {
            let locations = try await LocationRepository(db: db).all()
            let store = SettingsStore(db: db)
            return Setting(
                locations: locations,
                calendars: Dictionary(
                    locations.map { ($0.id, BusinessCalendar(location: $0)) }, uniquingKeysWith: { a, _ in a }),
                rules: try await store.service(), outreach: try await store.outreach())
        }
    }

    /// One pass, counted for `/metrics` (passes, time, failures).
    func run(now: Date) async throws -> Report {
        try await metrics.schedulerPass { try await pass(now: now) }
    }

    private func pass(now: Date) async throws -> Report {
        var report = Report()
        let setting = try await Setting.load(db)
        try await afterSale(now: now, setting, report: &report)
        try await promiseReminders(now: now, setting, report: &report)
        try await replyTargets(now: now, setting, report: &report)
        try await greetings(now: now, setting, report: &report)
        try await surveys(now: now, setting, report: &report)
        let sent = try await WebhookSender(db: db, client: client, logger: logger, metrics: metrics).sendDue(
            now: now)
        report.deliveriesSent += sent.delivered
        report.deliveriesFailed += sent.failed
        try await SecurityStore(db: db).sweep(now: now)
        try await ImportUploadStore(db: db).sweep(now: now)
        return report
    }

    /// Creates the tasks whose keys are new and tells subscribers about each, in one
    /// transaction: a task never exists without its event.
    @discardableResult
    func create(_ tasks: [ServiceTask], now: Date, report: inout Report) async throws -> [ServiceTask] {
        guard !tasks.isEmpty else { return [] }
        let (created, queued) = try await db.transaction { db in
            let created = try await TaskRepository(db: db).createNew(tasks)
            var queued = 0
            let hooks = WebhookStore(db: db)
            for task in created { queued += try await hooks.publish(.taskCreated(task, at: now), now: now) }
            return (created, queued)
        }
        report.tasksCreated += created.count
        report.eventsQueued += queued
        return created
    }

    func publish(_ event: WebhookEvent, now: Date) async throws -> Int {
        try await WebhookStore(db: db).publish(event, now: now)
    }
}

/// Runs `Tick` every `interval` seconds inside `earned serve`, from boot to shutdown, and
/// beside it checks every `scoreCheck` seconds whether the scores are due (`Score.runIfDue`).
final class SchedulerLifecycle: LifecycleHandler, @unchecked Sendable {
    let interval: TimeInterval
    let scoreCheck: TimeInterval = 300
    private var loop: Task<Void, Never>?
    private var scoring: Task<Void, Never>?

    init(interval: TimeInterval) { self.interval = interval }

    func didBootAsync(_ app: Application) async throws {
        let interval = interval
        let tick = Tick(app: app)
        let clock = app.earned.clock
        let logger = app.logger
        loop = Task {
            while !Task.isCancelled {
                do {
                    let report = try await tick.run(now: clock())
                    if report != Tick.Report() { logger.info("scheduler: \(report)") }
                } catch {
                    logger.error("scheduler pass failed: \(String(describing: error))")
                }
                try? await Task.sleep(for: .seconds(interval))
            }
        }
        let score = Score(db: app.db, logger: app.logger, metrics: app.earnedMetrics)
        let holder = "serve-" + UUID().uuidString
        let check = scoreCheck
        scoring = Task {
            // Let the first scheduler pass go first.
            try? await Task.sleep(for: .seconds(min(check, 30)))
            while !Task.isCancelled {
                do {
                    if let summary = try await score.runIfDue(now: clock(), holder: holder) {
                        logger.info(
                            "scores: \(summary.customers) customers, \(summary.flags) weak slots, \(String(format: "%.1f", summary.seconds)) s"
                        )
                    }
                } catch {
                    logger.error("score run failed: \(String(describing: error))")
                }
                try? await Task.sleep(for: .seconds(check))
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        loop?.cancel()
        scoring?.cancel()
        _ = await loop?.value
        _ = await scoring?.value
    }
}

/// `earned tick`: one scheduler pass from the command line; no cron is needed, but one may
/// call this.
struct TickCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Runs one scheduler pass: creates due tasks, fires reminders, sends webhooks." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await prepareDatabase(app)
        let report = try await Tick(app: app).run(now: app.earned.clock())
        context.console.print(report.description)
    }
}
