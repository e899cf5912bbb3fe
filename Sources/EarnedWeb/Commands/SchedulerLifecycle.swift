import EarnedServices
import Foundation
import Vapor

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
