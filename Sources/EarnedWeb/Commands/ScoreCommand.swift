import EarnedServices
import Foundation
import Vapor

/// `earned score`: one run now, with progress on the terminal.
struct ScoreCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String {
        "Recomputes and stores lifetime models, segments, consistency, the cost of broken promises and the scorecards."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await prepareDatabase(app)
        let console = context.console
        guard
            let summary = try await Score(db: app.db, logger: app.logger, metrics: app.earnedMetrics).runHoldingLease(
                now: app.earned.clock(), holder: "command-" + UUID().uuidString, progress: { console.print("  " + $0) })
        else {
            console.print("Another instance is computing the scores now; try again when it is done.")
            throw ExitCode(1)
        }
        console.print(
            "Scored \(summary.customers) customers and \(summary.orders) orders in "
                + String(format: "%.1f", summary.seconds) + " s.")
    }
}
