import EarnedAnalytics
import EarnedDemo
import EarnedDomain
import EarnedServices
import Foundation
import Testing
import Vapor

@testable import EarnedStore
@testable import EarnedWeb

/// The analytics API on the scored demo: every endpoint answers with the figure its page shows
/// the same person (read from the page's own CSV or HTML), and each is scoped like its page.
extension ScoreDemoTests {
    /// The people who ask, each with an API token and a browser session.
    struct Askers {
        struct Asker {
            var staff: Staff
            var token: String
            var cookie: String
        }
        var owner: Asker
        var manager: Asker
        var staff: Asker
    }

    func checkAnalyticsAPI(_ app: Application) async throws {
        let everyone = try await StaffRepository(db: app.db).all().filter(\.isActive)
        func asker(_ role: Role) async throws -> Askers.Asker {
            let member = try #require(
                everyone.first { $0.role == role && ($0.role == .owner || $0.homeLocationID != nil) })
            let secret = "ern_test_" + member.id.description
            _ = try await SecurityStore(db: app.db).createToken(
                staffID: member.id, name: "analytics", tokenHash: Secrets.sha256(secret),
                prefix: String(secret.prefix(10)), now: testNow)
            return Askers.Asker(staff: member, token: secret, cookie: try await app.session(for: member).cookie)
        }
        let askers = Askers(
            owner: try await asker(.owner), manager: try await asker(.manager), staff: try await asker(.staff))
        try await checkScorecardAPI(app, askers)
        try await checkScorecardRecordsAPI(app, askers)
        try await checkLoyaltyAPI(app, askers)
        try await checkConsistencyAPI(app, askers)
        try await checkCustomerScoreAPI(app, askers)
    }

    func api(_ app: Application, _ path: String, _ asker: Askers.Asker) async throws -> [String: Any] {
        let response = try await app.send(.GET, path, token: asker.token, headers: ["Accept-Language": "en"])
        #expect(response.status == .ok, "\(path): \(response.text.prefix(300))")
        return try response.json()
    }

    /// The figure a scorecard entry of the API describes, to word it as the page does.
    static func figure(_ json: [String: Any]) throws -> ScorecardFigure {
        let step = try #require(ScorecardStep(rawValue: json["step"] as? String ?? ""))
        let estimate: ScorecardFigure.Estimate? =
            (json["value"] as? Double).map {
                .init(value: $0, lower: json["lower"] as? Double ?? .nan, upper: json["upper"] as? Double ?? .nan)
            }
        return ScorecardFigure(
            step: step, kind: ScorecardFigure.Kind(rawValue: json["kind"] as? String ?? "") ?? .share,
            estimate: estimate, sampleSize: json["sample_size"] as? Int ?? -1,
            successes: json["successes"] as? Int ?? -1,
            minimumSample: json["minimum_sample"] as? Int ?? -1, details: [:], trend: [], change: nil)
    }

    /// Scorecard: each step's figure, interval and sample as the page's table gives them, for the
    /// owner's business and a manager's location; a manager may not ask for the business, and
    /// staff get their own figures only.
    func checkScorecardAPI(_ app: Application, _ askers: Askers) async throws {
        let en = Strings(lang: .en)
        let home = try #require(askers.manager.staff.homeLocationID)
        for (asker, scope) in [(askers.owner, "business"), (askers.manager, "location:\(home)")] {
            let json = try await api(app, "/api/v1/analytics/scorecard?scope=\(scope)&period=90", asker)
            #expect(json["scope"] as? String == scope)
            let figures = try #require(json["figures"] as? [[String: Any]])
            #expect(figures.count == ScorecardStep.allCases.count)
            let rows = try await csvRows(app, asker.cookie, "/scorecard?scope=\(scope)&period=90&export=steps")
            #expect(rows.count == figures.count)
            for (row, entry) in zip(rows, figures) {
                let f = try Self.figure(entry)
                #expect(row[0] == en.stepName(f.step))
                #expect(row[1] == en.figureValue(f), "\(f.step) at \(scope)")
                #expect(row[2] == en.figureInterval(f), "\(f.step) at \(scope)")
                #expect(row[3] == Format.integer(f.sampleSize, .en), "\(f.step) at \(scope)")
                if let value = f.estimate?.value {
                    // Never a figure outside its own interval.
                    #expect(f.estimate!.lower <= value && value <= f.estimate!.upper)
                } else {
                    #expect(entry["lower"] is NSNull && entry["upper"] is NSNull)
                }
            }
            let beneath = try #require(json["beneath"] as? [[String: Any]])
            if scope == "business" { #expect(!beneath.isEmpty) }
        }
        let refused = try await app.send(
            .GET, "/api/v1/analytics/scorecard?scope=business", token: askers.manager.token)
        #expect(refused.status == .forbidden && refused.isProblem)
        let own = try await api(app, "/api/v1/analytics/scorecard", askers.staff)
        #expect(own["scope"] as? String == "person:\(askers.staff.staff.id)")
        let staffRefused = try await app.send(
            .GET, "/api/v1/analytics/scorecard?scope=location:\(home)", token: askers.staff.token)
        #expect(staffRefused.status == .forbidden)
        let badPeriod = try await app.send(.GET, "/api/v1/analytics/scorecard?period=7", token: askers.owner.token)
        #expect(badPeriod.isProblem && badPeriod.problemFields == ["period"], "\(badPeriod.text)")
        let badScope = try await app.send(
            .GET, "/api/v1/analytics/scorecard?scope=everything", token: askers.owner.token)
        #expect(badScope.isProblem && badScope.problemFields == ["scope"], "\(badScope.text)")
    }

    /// Records: as many as the page lists, in the page's order, and the figure's own counts.
    func checkScorecardRecordsAPI(_ app: Application, _ askers: Askers) async throws {
        let card = try await api(app, "/api/v1/analytics/scorecard?scope=business&period=90", askers.owner)
        let figures = try #require(card["figures"] as? [[String: Any]])
        let keep = try #require(figures.first { $0["step"] as? String == ScorecardStep.keepPromises.rawValue })
        let link = try #require(keep["records"] as? String)
        let json = try await api(app, link + "&result=missed", askers.owner)
        let total = try #require(json["total"] as? Int)
        let successes = try #require(json["successes"] as? Int)
        #expect(total == keep["sample_size"] as? Int && successes == keep["successes"] as? Int)
        #expect(json["listed"] as? Int == total - successes)
        let records = try #require(json["records"] as? [[String: Any]])
        #expect(records.count == min(ScorecardRecordsPage.pageSize, total - successes))
        #expect(records.allSatisfy { $0["success"] as? Bool == false })
        let rows = try await csvRows(
            app, askers.owner.cookie,
            "/scorecard/records?step=keep_promises&scope=business&period=90&result=missed&export=csv")
        #expect(rows.count == total - successes)
        #expect(
            Array(rows.prefix(records.count)).map { $0[2] }
                == records.map { $0["customer_name"] as? String ?? Strings(lang: .en).none })
        let second = try await api(app, link + "&result=missed&page=2", askers.owner)
        let more = try #require(second["records"] as? [[String: Any]])
        if total - successes > ScorecardRecordsPage.pageSize {
            #expect(more.first?["record_id"] as? String != records.first?["record_id"] as? String)
        }
        let noStep = try await app.send(.GET, "/api/v1/analytics/scorecard/records", token: askers.owner.token)
        #expect(noStep.isProblem && noStep.problemFields == ["step"], "\(noStep.text)")
    }

    /// Loyalty: the segment sizes, the movement and a segment's customers as the page's tables
    /// give them; the owner's only.
    func checkLoyaltyAPI(_ app: Application, _ askers: Askers) async throws {
        let en = Strings(lang: .en)
        let json = try await api(app, "/api/v1/analytics/loyalty?segment=true_loyalty", askers.owner)
        let segments = try #require(json["segments"] as? [[String: Any]])
        let sizes = try await csvRows(app, askers.owner.cookie, "/loyalty?segment=true_loyalty&export=segments")
        #expect(sizes.count == segments.count && !sizes.isEmpty)
        for (row, entry) in zip(sizes, segments) {
            #expect(row[0] == entry["name"] as? String)
            #expect(row[1] == Format.integer(entry["customers"] as? Int ?? -1, .en))
        }
        #expect(segments.reduce(0) { $0 + ($1["customers"] as? Int ?? 0) } == json["customers"] as? Int)
        let customers = try #require(json["segment_customers"] as? [[String: Any]])
        let listed = try await csvRows(app, askers.owner.cookie, "/loyalty?segment=true_loyalty&export=segment")
        #expect(listed.count == customers.count && !customers.isEmpty)
        for (row, entry) in zip(listed, customers) {
            #expect(row[0] == entry["name"] as? String)
            #expect(row[1] == entry["segment_name"] as? String)
            #expect(row[2] == (entry["reason"] as? [String: Any])?["text"] as? String)
            #expect(row[3] == (entry["next_action"] as? [String: Any])?["text"] as? String)
            #expect(row[4] == ((entry["probability_alive"] as? Double).map(en.percent) ?? en.none))
        }
        if let movement = json["movement"] as? [String: Any] {
            let counts = try #require(movement["counts"] as? [[Int]])
            let table = try await csvRows(app, askers.owner.cookie, "/loyalty?export=movement")
            #expect(table.map { Array($0.dropFirst()) } == counts.map { $0.map { Format.integer($0, .en) } })
        }
        try checkLifetimeModelAPI(json)
        let share = try #require(json["discounted_share"] as? [String: Any])
        let value = try #require(share["value"] as? Double)
        #expect((share["lower"] as? Double ?? 2) <= value && value <= (share["upper"] as? Double ?? -1))
        for asker in [askers.manager, askers.staff] {
            let refused = try await app.send(.GET, "/api/v1/analytics/loyalty", token: asker.token)
            #expect(refused.status == .forbidden && refused.isProblem)
        }
        let bad = try await app.send(.GET, "/api/v1/analytics/loyalty?segment=loyalish", token: askers.owner.token)
        #expect(bad.isProblem && bad.problemFields == ["segment"], "\(bad.text)")
    }

    /// The lifetime model: the model chosen on the held-out weeks, both models' validation, the
    /// totals inside their intervals, and the service's effects with the test.
    func checkLifetimeModelAPI(_ json: [String: Any]) throws {
        let model = try #require(json["lifetime_model"] as? [String: Any])
        let validation = try #require(model["validation"] as? [String: Any])
        #expect(validation["holdout_weeks"] as? Int == 13)
        #expect(model["model"] as? String == validation["chosen"] as? String)
        let models = try #require(validation["models"] as? [[String: Any]])
        #expect(models.compactMap { $0["name"] as? String } == ["BG/NBD", "Pareto/NBD"])
        for m in models {
            let table = try #require(m["table"] as? [[String: Any]])
            #expect(table.reduce(0) { $0 + ($1["customers"] as? Int ?? 0) } == validation["customers"] as? Int)
            #expect((m["tracking"] as? [Any])?.isEmpty == false)
        }
        #expect((validation["verdict_text"] as? String)?.isEmpty == false)
        for key in ["active_customers", "expected_purchases"] {
            let total = try #require(model[key] as? [String: Any])
            let value = try #require(total["value"] as? Double)
            #expect((total["lower"] as? Double ?? .infinity) < value && value < (total["upper"] as? Double ?? 0))
        }
        let effects = try #require(model["service_effects"] as? [String: Any])
        #expect(effects["degrees_of_freedom"] as? Int == 4)
        let p = try #require(effects["p_value"] as? Double)
        #expect(p >= 0 && p <= 1)
        let list = try #require(effects["effects"] as? [[String: Any]])
        #expect(list.compactMap { $0["name"] as? String } == ["broken_promises", "late_replies"])
    }

    /// Consistency: each way of cutting the week's index and interval, and the flagged slots,
    /// as the page's tables give them; the owner's only.
    func checkConsistencyAPI(_ app: Application, _ askers: Askers) async throws {
        let en = Strings(lang: .en)
        let json = try await api(app, "/api/v1/analytics/consistency?measure=delivery_on_time", askers.owner)
        let dimensions = try #require(json["dimensions"] as? [[String: Any]])
        let table = try await csvRows(app, askers.owner.cookie, "/consistency?measure=delivery_on_time&export=index")
        #expect(table.count == dimensions.count && !dimensions.isEmpty)
        for (row, entry) in zip(table, dimensions) {
            #expect(row[0] == entry["name"] as? String)
            let index = entry["index"] as? [String: Any]
            #expect(row[1] == ((index?["value"] as? Double).map(en.indexValue) ?? en.notEnoughData))
            if let lower = index?["lower"] as? Double, let upper = index?["upper"] as? Double {
                #expect(row[2] == en.indexValue(lower) + " – " + en.indexValue(upper))
            }
            #expect(row[4] == Format.integer(entry["records"] as? Int ?? -1, .en))
        }
        let flags = try #require(json["flags"] as? [[String: Any]])
        let weak = try await csvRows(
            app, askers.owner.cookie, "/consistency?measure=delivery_on_time&export=weak-slots")
        #expect(weak.map { $0[1] } == flags.map { $0["slot_name"] as? String ?? "" })
        #expect(!flags.isEmpty, "the demo's planted weaknesses are flagged")
        let weekly = try #require(json["weekly"] as? [String: Any])
        let weeks = try #require(weekly["weeks"] as? [[String: Any]])
        let chart = try await csvRows(app, askers.owner.cookie, "/consistency?measure=delivery_on_time&export=weekly")
        #expect(chart.count == weeks.count)
        for asker in [askers.manager, askers.staff] {
            let refused = try await app.send(.GET, "/api/v1/analytics/consistency", token: asker.token)
            #expect(refused.status == .forbidden && refused.isProblem)
        }
        let bad = try await app.send(.GET, "/api/v1/analytics/consistency?measure=mood", token: askers.owner.token)
        #expect(bad.isProblem && bad.problemFields == ["measure"], "\(bad.text)")
    }

    /// A customer's scores: what their page's loyalty card says; a customer one may not see is
    /// not found.
    func checkCustomerScoreAPI(_ app: Application, _ askers: Askers) async throws {
        let en = Strings(lang: .en)
        let loyalty = try await api(app, "/api/v1/analytics/loyalty?segment=spurious_loyalty", askers.owner)
        let someone = try #require((loyalty["segment_customers"] as? [[String: Any]])?.first)
        let id = try #require(someone["customer_id"] as? String)
        let json = try await api(app, "/api/v1/customers/\(id)/score", askers.owner)
        #expect(json["segment"] as? String == "spurious_loyalty")
        #expect(json["probability_alive"] as? Double == someone["probability_alive"] as? Double)
        // Each figure lies inside its 90 % interval.
        for (point, interval) in [
            ("probability_alive", "probability_alive_interval"), ("expected_purchases", "expected_purchases_interval"),
        ] {
            let value = try #require(json[point] as? Double)
            let limits = try #require(json[interval] as? [Double])
            #expect(limits.count == 2 && limits[0] <= value && value <= limits[1], "\(point): \(limits) \(value)")
        }
        if let value = json["lifetime_value"] as? Int, let limits = json["lifetime_value_interval"] as? [Int] {
            #expect(limits[0] <= value && value <= limits[1])
        }
        let page = try await app.send(.GET, "/customers/\(id)", cookie: askers.owner.cookie + "; earned_lang=en")
        #expect(page.status == .ok)
        let html = page.text
        for text in [
            json["segment_name"] as? String, (json["next_action"] as? [String: Any])?["text"] as? String,
            (json["probability_alive"] as? Double).map(en.percent),
        ] {
            let text = try #require(text)
            let escaped = text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
                .replacingOccurrences(of: ">", with: "&gt;")
            #expect(html.contains(text) || html.contains(escaped), "\(text)")
        }
        // Someone else's customer: staff who neither see the customer's location nor serve them.
        let customers = try await CustomerRepository(db: app.db).list(
            CustomerQuery(limit: 500), actor: askers.owner.staff)
        let elsewhere = customers.items.first {
            $0.homeLocationID != nil && !askers.staff.staff.canSee(location: $0.homeLocationID)
        }
        if let elsewhere {
            let hidden = try await app.send(.GET, "/api/v1/customers/\(elsewhere.id)/score", token: askers.staff.token)
            #expect(hidden.status == .notFound || hidden.status == .forbidden, "\(hidden.status)")
        }
        let unknown = try await app.send(.GET, "/api/v1/customers/\(UUID())/score", token: askers.owner.token)
        #expect(unknown.status == .notFound && unknown.isProblem)
    }
}
