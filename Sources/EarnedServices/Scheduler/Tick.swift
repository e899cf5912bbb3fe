import EarnedDomain
import EarnedStore
import FluentKit
import Foundation
import Logging

/// One pass of the scheduler: creates the tasks that are due, fires reminders and
/// escalations, and sends webhooks. Every step works from the state in the database, not from
/// what a process remembers, and every task has a unique key: a pass may run on any instance,
/// twice, or after a long stop, and creates each task exactly once.
package struct Tick: Sendable {
    package struct Report: Sendable, Equatable, CustomStringConvertible {
        package var tasksCreated = 0
        package var eventsQueued = 0
        package var deliveriesSent = 0
        package var deliveriesFailed = 0
        package var mailQueued = 0
        package var mail = MailSender.Report()
        package var mailboxes = MailboxPoller.Report()
        package var telegram = TelegramPoller.Report()
        package var notices = 0
        /// How long each step of the pass took, in the order they ran, and what it read.
        package var steps = StepTimes()

        package init() {}

        /// One line a step: its name, its time, and how many records it read where it counts them.
        package var stepLines: [String] {
            steps.list.map { step in
                let ms = String(format: "%8.1f ms", step.seconds * 1000)
                return "  \(step.name.padding(toLength: 18, withPad: " ", startingAt: 0)) \(ms)"
                    + (step.read.map { "  \($0) read" } ?? "")
            }
        }

        package var description: String {
            "\(tasksCreated) tasks created, \(eventsQueued) events queued, \(deliveriesSent) webhooks delivered, \(deliveriesFailed) failed"
                + (mailQueued + mail.sent + mail.refused + mail.deferred > 0
                    ? "; e-mail: \(mailQueued) queued, \(mail.sent) sent, \(mail.refused) refused, \(mail.deferred) to retry"
                    : "")
                + (notices > 0 ? "; \(notices) notices to staff" : "")
                + (mailboxes.mailboxes > 0
                    ? "; mailboxes: \(mailboxes.newContacts) new contacts, \(mailboxes.joined) answers, \(mailboxes.failures) failed"
                    : "")
                + (telegram.updates + telegram.failures > 0
                    ? "; Telegram: \(telegram.updates) updates, \(telegram.newContacts) new contacts, \(telegram.joined) answers"
                    : "")
        }
    }

    /// A step's name and time, and how many records it read where it counts them.
    package struct StepTime: Sendable, Equatable {
        package var name: String
        package var seconds: Double
        package var read: Int?
    }

    /// The steps' times of a pass: not part of what the pass did, so two reports that did the
    /// same are equal however long their passes took.
    package struct StepTimes: Sendable, Equatable {
        package var list: [StepTime] = []

        package init() {}

        package static func == (_: StepTimes, _: StepTimes) -> Bool { true }
    }

    package let db: any Database
    package let transport: any WebhookTransport
    package let logger: Logger
    /// The start of survey links.
    package let linkBase: String
    package let metrics: (any ServiceInstruments)?
    /// How e-mail leaves, and the key that opens the mail password; without a transport, no
    /// e-mail is sent (it waits in the outbox).
    package let mailTransport: (any MailTransport)?
    package let secrets: SecretBox?
    /// How the shop's mailboxes are read; without one, none is.
    package let mailboxReader: (any MailboxReader)?
    /// The language of notices to staff.
    package let staffLanguage: String
    /// How calls to Telegram's Bot API leave, and where it is; without a transport, the bot is
    /// neither read nor written to.
    package let botTransport: (any JSONTransport)?
    package let telegramBase: String

    package init(
        db: any Database, transport: any WebhookTransport, logger: Logger, linkBase: String,
        metrics: (any ServiceInstruments)? = nil, mailTransport: (any MailTransport)? = nil, secrets: SecretBox? = nil,
        mailboxReader: (any MailboxReader)? = nil, staffLanguage: String = "ru",
        botTransport: (any JSONTransport)? = nil, telegramBase: String = TelegramBot.standardBase
    ) {
        self.botTransport = botTransport
        self.telegramBase = telegramBase
        self.db = db
        self.transport = transport
        self.logger = logger
        self.linkBase = linkBase
        self.metrics = metrics
        self.mailTransport = mailTransport
        self.secrets = secrets
        self.mailboxReader = mailboxReader
        self.staffLanguage = staffLanguage
    }

    /// What every step of a pass reads: the locations with their calendars and the owner's
    /// settings, read once a pass.
    package struct Setting: Sendable {
        package var locations: [Location]
        package var calendars: [LocationID: BusinessCalendar]
        package var rules: ServiceRules
        package var outreach: OutreachSettings
        /// The business's e-mail accounts: a message to a customer who consented to e-mail goes
        /// out directly where its location has one.
        package var mail: MailSettings = .none
        /// The business's Telegram bot, if it has one.
        package var telegram: TelegramSettings? = nil

        package static func load(_ db: any Database) async throws -> Setting {
            let locations = try await LocationRepository(db: db).all()
            let store = SettingsStore(db: db)
            return Setting(
                locations: locations,
                calendars: Dictionary(
                    locations.map { ($0.id, BusinessCalendar(location: $0)) }, uniquingKeysWith: { a, _ in a }),
                rules: try await store.service(), outreach: try await store.outreach(), mail: try await store.mail(),
                telegram: try await store.telegram())
        }
    }

    /// One pass, counted for `/metrics` (passes, time, failures).
    package func run(now: Date) async throws -> Report {
        guard let metrics else { return try await pass(now: now) }
        return try await metrics.schedulerPass { try await pass(now: now) }
    }

    /// Times the steps of a pass one after another: each `lap` closes the step that ran since the last.
    struct StepClock {
        var last = ContinuousClock.now

        mutating func lap(_ name: String, _ report: inout Report, read: Int? = nil) {
            let now = ContinuousClock.now
            let elapsed = (now - last).components
            report.steps.list.append(
                StepTime(
                    name: name, seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18, read: read))
            last = now
        }
    }

    private func pass(now: Date) async throws -> Report {
        var report = Report()
        var clock = StepClock()
        let setting = try await Setting.load(db)
        // First, so the work of someone away, and what this pass makes for them, is their cover's.
        _ = try await AbsenceActions.settleDue(now: now, on: db)
        clock.lap("settings, absences", &report)
        // Mail first, so a contact that arrived now has its reply clock read in this pass.
        if let mailboxReader {
            report.mailboxes = try await MailboxPoller(db: db, reader: mailboxReader, secrets: secrets, logger: logger)
                .pollAll(now: now, mail: setting.mail, locations: setting.locations)
            clock.lap("mailboxes", &report)
        }
        let bot = TelegramActions.bot(
            setting.telegram, transport: botTransport, base: telegramBase, secrets: secrets)
        if let bot, setting.telegram?.mode == .polling {
            report.telegram = try await TelegramPoller(db: db, bot: bot, logger: logger, language: staffLanguage)
                .poll(now: now, locations: setting.locations)
            clock.lap("telegram", &report)
        }
        let afterSaleRead = try await afterSale(now: now, setting, report: &report)
        clock.lap("after-sale", &report, read: afterSaleRead)
        try await promiseReminders(now: now, setting, report: &report)
        clock.lap("promise reminders", &report)
        let replyRead = try await replyTargets(now: now, setting, report: &report)
        clock.lap("reply targets", &report, read: replyRead)
        try await greetings(now: now, setting, report: &report)
        clock.lap("greetings", &report)
        try await surveys(now: now, setting, report: &report)
        clock.lap("surveys", &report)
        // New work of today's steps, and a low score's call-back made on the survey page since.
        report.notices = try await StaffNotifier.notify(
            now: now, linkBase: linkBase, language: staffLanguage, mail: setting.mail, telegram: bot != nil,
            locations: setting.locations, on: db)
        report.notices += try await StaffNotifier.chartJumps(
            now: now, linkBase: linkBase, language: staffLanguage,
            channels: .init(mail: setting.mail, telegram: bot != nil, locations: setting.locations), on: db)
        report.notices += try await StaffNotifier.sendDigests(
            now: now, language: staffLanguage, locations: setting.locations, on: db)
        clock.lap("notices", &report)
        let sent = try await WebhookSender(db: db, transport: transport, logger: logger, metrics: metrics).sendDue(
            now: now)
        report.deliveriesSent += sent.delivered
        report.deliveriesFailed += sent.failed
        clock.lap("webhooks", &report)
        if let mailTransport {
            report.mail = try await MailSender(
                db: db, transport: mailTransport, secrets: secrets, logger: logger, linkBase: linkBase, telegram: bot
            ).sendDue(now: now)
            clock.lap("mail out", &report)
        }
        try await SecurityStore(db: db).sweep(now: now)
        try await ImportUploadStore(db: db).sweep(now: now)
        try await TelegramStore(db: db).sweep(now: now)
        clock.lap("sweeps", &report)
        return report
    }

    /// Creates the tasks whose keys are new and tells subscribers about each, in one
    /// transaction: a task never exists without its event.
    @discardableResult
    package func create(_ tasks: [ServiceTask], now: Date, report: inout Report) async throws -> [ServiceTask] {
        try await Self.create(tasks, now: now, on: db, report: &report)
    }

    @discardableResult
    package static func create(_ tasks: [ServiceTask], now: Date, on db: any Database, report: inout Report)
        async throws -> [ServiceTask]
    {
        guard !tasks.isEmpty else { return [] }
        let outer = db.inTransaction
        let (created, queued) = try await db.transaction { db in
            // Who covers for whom is read under the cover lock: an absence recorded meanwhile
            // has either committed, and is read here, or waits, and hands over what this pass
            // creates.
            try await CoverLock.take(db, outer: outer)
            // Work meant for someone away goes to whoever covers for them.
            let covers = try await AbsenceRepository(db: db).covers(now: now)
            let tasks = tasks.map { task in
                var task = task
                if let person = task.assigneeID, let cover = covers[person] { task.assigneeID = cover }
                return task
            }
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

    package func publish(_ event: WebhookEvent, now: Date) async throws -> Int {
        try await WebhookStore(db: db).publish(event, now: now)
    }
}
