import CoreMetrics
import EarnedDomain
import EarnedFormats
import EarnedServices
import Prometheus
import Vapor

/// What `/metrics` shows, in Prometheus text format: the requests Vapor reports through
/// swift-metrics (`http_requests_total`, `http_request_duration_seconds`,
/// `http_request_errors_total`), and Earned's own work — scheduler passes, webhook deliveries,
/// score runs and imported rows — counted where that work happens.
///
/// swift-metrics takes one factory per process (`MetricsSystem.bootstrap` may run once), while the
/// tests build many apps in one process. So the request metrics go to one process-wide registry,
/// bootstrapped the first time an app is configured, and each app counts its own work in a
/// registry of its own: a test reads the counters of its own app, untouched by the others.
final class EarnedMetrics: ServiceInstruments {
    /// Where swift-metrics reports, for every app of the process. Swift runs a static's
    /// initializer exactly once, however many apps start at once, so the bootstrap (which traps
    /// when called a second time) runs once.
    static let process: PrometheusCollectorRegistry = {
        let registry = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        return registry
    }()

    /// This app's own series.
    let registry = PrometheusCollectorRegistry()

    private let schedulerPasses: Prometheus.Counter
    private let schedulerFailures: Prometheus.Counter
    private let schedulerDuration: DurationHistogram
    private let webhookDeliveries: [WebhookOutcome: Prometheus.Counter]
    private let scoreRuns: Prometheus.Counter
    private let scoreFailures: Prometheus.Counter
    private let scoreDuration: DurationHistogram
    private let scoreLastSuccess: Prometheus.Gauge
    private let importedRows: [ImportKind: Prometheus.Counter]

    /// How a webhook delivery attempt ended.
    typealias WebhookOutcome = EarnedServices.WebhookOutcome

    init() {
        // Request metrics start flowing into the process registry from the first app on.
        _ = Self.process
        let registry = registry
        func name(_ subsystem: String, _ metric: String, _ unit: String, _ help: String) -> MetricNameDescriptor {
            MetricNameDescriptor(
                namespace: "earned", subsystem: subsystem, metricName: metric, unitName: unit, helpText: help)
        }
        schedulerPasses = registry.makeCounter(
            descriptor: name("scheduler", "passes", "total", "Scheduler passes run (serve's loop and earned tick)."))
        schedulerFailures = registry.makeCounter(
            descriptor: name("scheduler", "pass_failures", "total", "Scheduler passes that stopped with an error."))
        schedulerDuration = registry.makeDurationHistogram(
            descriptor: name(
                "scheduler", "pass_duration", "seconds", "Time a scheduler pass took, failed ones included."),
            buckets: [
                .milliseconds(10), .milliseconds(50), .milliseconds(100), .milliseconds(500), .seconds(1),
                .seconds(5), .seconds(10), .seconds(30), .seconds(60),
            ])
        let delivery = name(
            "webhook", "deliveries", "total",
            "Webhook delivery attempts by outcome (delivered, rejected by the receiver, unreachable).")
        webhookDeliveries = Dictionary(
            uniqueKeysWithValues: WebhookOutcome.allCases.map {
                ($0, registry.makeCounter(descriptor: delivery, labels: [("outcome", $0.rawValue)]))
            })
        scoreRuns = registry.makeCounter(
            descriptor: name(
                "score", "runs", "total", "Score runs (serve's check and earned score), failed ones included."))
        scoreFailures = registry.makeCounter(
            descriptor: name("score", "run_failures", "total", "Score runs that stopped with an error."))
        scoreDuration = registry.makeDurationHistogram(
            descriptor: name("score", "run_duration", "seconds", "Time a score run took, failed ones included."),
            buckets: [
                .seconds(1), .seconds(5), .seconds(10), .seconds(30), .seconds(60), .seconds(120),
                .seconds(300), .seconds(600), .seconds(1800),
            ])
        scoreLastSuccess = registry.makeGauge(
            descriptor: name(
                "score", "last_success_timestamp", "seconds",
                "Unix time of the last score run that finished, as the run dates its results; 0 before the first."))
        let imported = name(
            "imported", "rows", "total",
            "Lines taken in by imports (added, updated or already there), by kind; a refused import adds none.")
        importedRows = Dictionary(
            uniqueKeysWithValues: ImportKind.allCases.map {
                ($0, registry.makeCounter(descriptor: imported, labels: [("kind", $0.rawValue)]))
            })
    }

    /// The page `/metrics` answers: the process's request metrics, then this app's own.
    func render() -> String {
        Self.process.emitToString() + registry.emitToString()
    }

    /// Runs one scheduler pass, counting it, its time, and its failure if it throws.
    func schedulerPass<T: Sendable>(_ body: () async throws -> T) async throws -> T {
        let started = ContinuousClock.now
        defer {
            schedulerPasses.increment()
            schedulerDuration.record(ContinuousClock.now - started)
        }
        do {
            return try await body()
        } catch {
            schedulerFailures.increment()
            throw error
        }
    }

    func webhookDelivery(_ outcome: WebhookOutcome) {
        webhookDeliveries[outcome]?.increment()
    }

    /// Runs one score computation, counting it, its time, its failure, and on success the
    /// time the run dates its results at.
    func scoreRun<T: Sendable>(computedAt: (T) -> Date, _ body: () async throws -> T) async throws -> T {
        let started = ContinuousClock.now
        defer {
            scoreRuns.increment()
            scoreDuration.record(ContinuousClock.now - started)
        }
        do {
            let result = try await body()
            scoreLastSuccess.set(computedAt(result).timeIntervalSince1970)
            return result
        } catch {
            scoreFailures.increment()
            throw error
        }
    }

    /// Counts the lines an import took in; nothing when it was refused and rolled back.
    func imported(_ report: ImportReport, kind: ImportKind) {
        guard !report.rolledBack else { return }
        let taken = report.created + report.updated + report.unchanged
        if taken > 0 { importedRows[kind]?.increment(by: Int64(taken)) }
    }
}

extension Application {
    private struct MetricsKey: StorageKey {
        typealias Value = EarnedMetrics
    }

    /// This app's metrics, set up by `configure`.
    var earnedMetrics: EarnedMetrics {
        get {
            if let metrics = storage[MetricsKey.self] { return metrics }
            let metrics = EarnedMetrics()
            storage[MetricsKey.self] = metrics
            return metrics
        }
        set { storage[MetricsKey.self] = newValue }
    }
}
