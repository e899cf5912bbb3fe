import EarnedDomain
import EarnedServices
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting

@testable import EarnedStore
@testable import EarnedWeb

/// `/metrics`: who may read it, and what Earned's own counters count.
@Suite("Metrics")
struct MetricsTests {
    /// The value of one series in Prometheus text, e.g. `earned_score_runs_total` or
    /// `earned_webhook_deliveries_total{outcome="delivered"}`; nil when it is not there.
    static func sample(_ text: String, _ series: String) -> Double? {
        for line in text.split(separator: "\n") where line.hasPrefix(series + " ") {
            return Double(line.dropFirst(series.count + 1))
        }
        return nil
    }

    func sample(_ app: Application, _ series: String) -> Double? {
        Self.sample(app.earnedMetrics.registry.emitToString(), series)
    }

    /// An app on an in-memory database with `adjust` applied to its configuration.
    func withApp(_ adjust: (inout Config) -> Void, _ body: (Application) async throws -> Void) async throws {
        var config = Config(database: .sqliteMemory, bcryptCost: 4)
        adjust(&config)
        let app = try await Application.make(.testing)
        do {
            try await configure(app, config: config, clock: { testNow })
            try await app.autoMigrate()
            try await body(app)
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
        try await app.asyncShutdown()
    }

    /// A request over a real connection from 127.0.0.1.
    func loopback(_ app: Application, _ path: String, headers: HTTPHeaders = [:]) async throws -> TestingHTTPResponse {
        try await app.testing(method: .running(hostname: "127.0.0.1", port: 0)).sendRequest(
            .GET, path, headers: headers)
    }

    @Test("loopback reads metrics, Vapor's request series among them; others get 403 and no metrics")
    func loopbackOnly() async throws {
        try await withApp({ _ in }) { app in
            #expect(try await app.send(.GET, "/health").status == .ok)
            let local = try await loopback(app, "/metrics")
            #expect(local.status == .ok)
            #expect(local.headers.contentType?.subType == "plain")
            #expect(local.text.contains(#"http_requests_total{method="GET",path="/health",status="200"}"#))
            #expect(local.text.contains("# TYPE http_request_duration_seconds histogram"))
            #expect(Self.sample(local.text, "earned_scheduler_passes_total") == 0)
            #expect(Self.sample(local.text, "earned_score_last_success_timestamp_seconds") == 0)

            // No address (as a request that came from nowhere known), a bearer token when none
            // is set, and a proxied request from loopback: all refused.
            let unknown = try await app.send(.GET, "/metrics")
            #expect(unknown.status == .forbidden)
            #expect(!unknown.text.contains("earned_"))
            #expect(try await app.send(.GET, "/metrics", token: "whatever-token-you-like").status == .forbidden)
            let proxied = try await loopback(app, "/metrics", headers: ["X-Forwarded-For": "203.0.113.7"])
            #expect(proxied.status == .forbidden)
            #expect(!proxied.text.contains("http_requests_total"))
        }
    }

    @Test("a token opens metrics from anywhere; a wrong or missing one gets 401")
    func token() async throws {
        let secret = "metrics-token-0123456789abcdef"
        try await withApp({
            $0.metricsToken = secret; $0.metricsAllow = []
        }) { app in
            let open = try await app.send(.GET, "/metrics", token: secret)
            #expect(open.status == .ok)
            #expect(open.text.contains("# TYPE earned_score_runs_total counter"))
            for token in [nil, "metrics-token-0123456789abcdeF", "x"] {
                let refused = try await app.send(.GET, "/metrics", token: token)
                #expect(refused.status == .unauthorized)
                #expect(refused.headers.first(name: .wwwAuthenticate) == #"Bearer realm="metrics""#)
                #expect(!refused.text.contains("earned_"))
            }
            // With no address allowed, loopback needs the token too.
            #expect(try await loopback(app, "/metrics").status == .unauthorized)
            let proxied = try await loopback(
                app, "/metrics", headers: ["Authorization": "Bearer \(secret)", "Forwarded": "for=203.0.113.7"])
            #expect(proxied.status == .ok)
        }
    }

    @Test("the access rule: listed blocks, IPv4-mapped addresses, proxies, and digests compared whole")
    func accessRule() {
        var config = Config()
        config.metricsAllow = [IPAddressRange("10.0.0.0/8")!, IPAddressRange("::1")!]
        let rule = MetricsAccessMiddleware(config: config)
        #expect(rule.decide(address: "10.20.30.40", throughProxy: false, bearer: nil) == .allowed)
        #expect(rule.decide(address: "::ffff:10.1.1.1", throughProxy: false, bearer: nil) == .allowed)
        #expect(rule.decide(address: "::1", throughProxy: false, bearer: nil) == .allowed)
        #expect(rule.decide(address: "127.0.0.1", throughProxy: false, bearer: nil) == .forbidden)
        #expect(rule.decide(address: "10.20.30.40", throughProxy: true, bearer: nil) == .forbidden)
        #expect(rule.decide(address: nil, throughProxy: false, bearer: "anything") == .forbidden)
        #expect(ConstantTime.equal([1, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.equal([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.equal([1, 2, 3], [1, 2]))
    }

    @Test(
        "addresses and blocks",
        arguments: [
            ("10.0.0.0/8", "10.255.0.1", true), ("10.0.0.0/8", "11.0.0.1", false),
            ("192.168.1.0/24", "192.168.1.77", true), ("192.168.1.0/24", "192.168.2.1", false),
            ("127.0.0.1", "::ffff:127.0.0.1", true), ("::1", "::1", true), ("::1", "127.0.0.1", false),
            ("fd00::/8", "fd12:3456:789a::1", true), ("fd00::/8", "fe80::1", false),
            ("2001:db8::/32", "2001:db8:0:0:0:0:0:1", true), ("0.0.0.0/0", "203.0.113.9", true),
        ])
    func ranges(block: String, address: String, inside: Bool) throws {
        let range = try #require(IPAddressRange(block))
        #expect(range.contains(address) == inside)
    }

    @Test("EARNED_METRICS_TOKEN and EARNED_METRICS_ALLOW are read, and every bad value is listed")
    func config() throws {
        let read = try Config.fromEnvironment(
            ["EARNED_METRICS_TOKEN": "0123456789abcdef0123", "EARNED_METRICS_ALLOW": " 10.0.0.0/8, ::1 ,192.168.0.5"])
        #expect(read.metricsToken == "0123456789abcdef0123")
        #expect(read.metricsAllow.map(\.description) == ["10.0.0.0/8", "0:0:0:0:0:0:0:1", "192.168.0.5"])
        #expect(try Config.fromEnvironment([:]).metricsAllow == IPAddressRange.loopback)
        #expect(try Config.fromEnvironment([:]).metricsToken == nil)
        #expect(try Config.fromEnvironment(["EARNED_METRICS_ALLOW": "none"]).metricsAllow == [])
        do {
            _ = try Config.fromEnvironment(
                [
                    "EARNED_METRICS_TOKEN": "short secret",
                    "EARNED_METRICS_ALLOW": "10.0.0.0/33,localhost,::1,300.1.1.1",
                ])
            Issue.record("bad metrics settings must stop the start")
        } catch let problems as Config.Problems {
            #expect(problems.messages.count == 2)
            #expect(problems.messages.contains { $0.hasPrefix("EARNED_METRICS_TOKEN must be at least 16") })
            #expect(!problems.description.contains("short secret"))
            #expect(problems.messages.contains { $0.hasSuffix("not '10.0.0.0/33', 'localhost', '300.1.1.1'") })
        }
        for bad in ["1.2.3", "1.2.3.4.5", "::1::", "12345::", "1.2.3.4/", "abc", "fe80::1/129"] {
            #expect(IPAddressRange(bad) == nil, "\(bad)")
        }
    }

    @Test("a scheduler pass moves the pass counter and its time; a failing one the failure counter")
    func schedulerPass() async throws {
        try await withEarnedApp { app, _ in
            #expect(sample(app, "earned_scheduler_passes_total") == 0)
            _ = try await Tick(app: app).run(now: testNow)
            #expect(sample(app, "earned_scheduler_passes_total") == 1)
            #expect(sample(app, "earned_scheduler_pass_duration_seconds_count") == 1)
            #expect(sample(app, "earned_scheduler_pass_failures_total") == 0)
            // A pass that cannot read its webhook queue fails, and is counted as such.
            try await (try app.db.sql).raw("DROP TABLE webhook_deliveries").run()
            await #expect(throws: (any Error).self) { try await Tick(app: app).run(now: testNow) }
            #expect(sample(app, "earned_scheduler_passes_total") == 2)
            #expect(sample(app, "earned_scheduler_pass_failures_total") == 1)
        }
    }

    @Test("a score run moves its counter and time, and sets the time of the last success")
    func scoreRun() async throws {
        try await withEarnedApp { app, fixture in
            _ = try await CustomerRepository(db: app.db).create(
                CustomerDraft(kind: .person, name: "Анна Петрова"), actor: fixture.owner, now: testNow)
            #expect(sample(app, "earned_score_runs_total") == 0)
            let score = Score(db: app.db, logger: app.logger, metrics: app.earnedMetrics)
            _ = try #require(try await score.runHoldingLease(now: testNow, holder: "test"))
            #expect(sample(app, "earned_score_runs_total") == 1)
            #expect(sample(app, "earned_score_run_failures_total") == 0)
            #expect(sample(app, "earned_score_run_duration_seconds_count") == 1)
            #expect(sample(app, "earned_score_last_success_timestamp_seconds") == testNow.timeIntervalSince1970)
        }
    }

    @Test("webhook deliveries are counted by outcome")
    func webhookOutcomes() async throws {
        let receiver = try await WebhookReceiver.start(status: .internalServerError)
        defer { Task { await receiver.stop() } }
        try await withEarnedApp { app, fixture in
            let store = WebhookStore(db: app.db)
            _ = try await store.create(
                WebhookSubscriptionDraft(url: receiver.url, events: ["task.created"]), secret: "k",
                actor: fixture.owner, now: testNow)
            let tick = Tick(app: app)
            var report = Tick.Report()
            let task = ServiceTask(
                key: "metrics", kind: .followUp, assigneeID: fixture.northStaff.id, locationID: fixture.north.id,
                customerID: nil, subject: nil, dueAt: testNow, createdAt: testNow, updatedAt: testNow)
            try await tick.create([task], now: testNow, report: &report)
            _ = try await tick.run(now: testNow)
            #expect(sample(app, #"earned_webhook_deliveries_total{outcome="rejected"}"#) == 1)
            #expect(sample(app, #"earned_webhook_deliveries_total{outcome="delivered"}"#) == 0)
            receiver.answer(.ok)
            _ = try await tick.run(now: testNow.addingTimeInterval(86_400))
            #expect(sample(app, #"earned_webhook_deliveries_total{outcome="delivered"}"#) == 1)
            #expect(sample(app, #"earned_webhook_deliveries_total{outcome="unreachable"}"#) == 0)
        }
    }

    @Test("rows imported on the upload page are counted by kind; a refused upload counts none")
    func uploadedRows() async throws {
        try await withEarnedApp { app, f in
            let session = try await app.session(for: f.owner)
            func upload(_ csv: String) async throws -> HTTPStatus {
                let (path, _) = try await app.uploadForImport(Array(csv.utf8), kind: .customers, session: session)
                return try await app.decideImport(path, action: "import", session: session).status
            }
            let customers = #"earned_imported_rows_total{kind="customers"}"#
            #expect(sample(app, customers) == 0)
            let good = "name,phone\nАнна,+7 916 000 00 01\nБорис,+7 916 000 00 02\n"
            #expect(try await upload(good) == .ok)
            #expect(sample(app, customers) == 2)
            #expect(try await upload("name,phone\nВера,+7 916 000 00 03\n,oops\n") == .unprocessableEntity)
            #expect(sample(app, customers) == 2)
            // The same file again: both lines are taken in, as already there.
            #expect(try await upload(good) == .ok)
            #expect(sample(app, customers) == 4)
            #expect(sample(app, #"earned_imported_rows_total{kind="orders"}"#) == 0)
        }
    }

    @Test("earned import counts the lines it took in")
    func importCommand() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "earned-metrics-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = directory.appendingPathComponent("earned.sqlite").path
        let file = directory.appendingPathComponent("customers.csv")
        try Data("external_id;name\nK1;Анна\nK2;Борис\nK3;Вера\n".utf8).write(to: file)
        // Runs `earned …` and answers the app's own metrics as they stand at its end.
        func run(_ arguments: [String]) async throws -> String {
            var env = Environment.testing
            env.arguments = ["earned"] + arguments
            let app = try await Application.make(env)
            do {
                try await configure(
                    app, config: Config(database: .sqlite(path: database), bcryptCost: 4), clock: { testNow })
                try await app.execute()
                let text = app.earnedMetrics.registry.emitToString()
                try await app.asyncShutdown()
                return text
            } catch {
                try? await app.asyncShutdown()
                throw error
            }
        }
        _ = try await run(["user", "add", "--email", "boss@shop.ru", "--name", "Босс", "--password", "a long password"])
        let text = try await run(["import", "customers", file.path])
        #expect(Self.sample(text, #"earned_imported_rows_total{kind="customers"}"#) == 3)
    }
}
