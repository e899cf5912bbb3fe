import EarnedServices
import Foundation
import Vapor

extension Tick {
    /// A scheduler pass with this application's database, webhook client, log, survey link base,
    /// metrics and mail client.
    init(app: Application) {
        self.init(
            db: app.db, transport: VaporWebhookTransport(client: app.client), logger: app.logger,
            linkBase: app.earned.config.publicBase, metrics: app.earnedMetrics, mailTransport: app.mailTransport,
            secrets: app.secretBox, mailboxReader: app.mailboxReader, staffLanguage: app.earned.config.defaultLanguage,
            botTransport: app.botTransport, telegramBase: app.earned.config.telegramAPI)
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
        for line in report.stepLines { context.console.print(line) }
    }
}
