import EarnedAnalytics
import EarnedDemo
import EarnedDomain
import EarnedServices
import EarnedStore
import Foundation
import SQLKit
import Testing
import Vapor

@testable import EarnedStore
@testable import EarnedWeb

/// The dashboards on the scored demo business: each scorecard figure against plain SQL where
/// SQL can count it, every drill-down against its figure, and the planted weaknesses named in
/// words on the consistency page.
extension ScoreDemoTests {
    func checkPages(_ app: Application, demo: DemoBusiness) async throws {
        let owner = try #require(try await StaffRepository(db: app.db).firstOwner())
        let session = try await app.session(for: owner)
        let store = ScoreStore(db: app.db)
        let (card, _) = try #require(
            try await store.snapshot(Scorecard.self, key: Score.scorecardKey(days: 90, scope: .business)))

        // Every page answers in both languages.
        for path in [
            "/scorecard", "/scorecard?period=30", "/scorecard?period=365", "/consistency",
            "/consistency?measure=first_reply_in_target", "/loyalty", "/loyalty?segment=true_loyalty",
        ] {
            for lang in ["ru", "en"] {
                let page = try await app.send(
                    .GET, path, cookie: session.cookie + "; earned_lang=\(lang)")
                #expect(page.status == .ok, "\(path) \(lang)")
            }
        }

        // The loyalty page says which model, how it did on the held-out weeks, and what service does;
        // its holdout table is the chosen model's.
        let loyalty = try await app.send(.GET, "/loyalty", cookie: session.cookie + "; earned_lang=en")
        let run = try #require(try await store.snapshot(Score.RunSummary.self, key: Score.runKey)?.0.lifetime)
        let validation = try #require(run.validation)
        let words = Strings(lang: .en)
        for text in [
            words.holdoutVerdict(validation), words.trackingTitle, words.serviceEffectsTitle,
            words.serviceEffectsTest(try #require(run.serviceEffects)),
        ] {
            #expect(loyalty.text.contains(H.escape(text)), "\(text)")
        }
        #expect(loyalty.text.contains("class=\"chart chart-tracking\""))
        let holdout = try await csvRows(app, session.cookie, "/loyalty?export=holdout")
        #expect(holdout.map { $0[1] } == validation.chosenResult!.table.map { Format.integer($0.customers, .en) })

        // Every figure's drill-down lists exactly its records: as many, and as many met.
        for figure in card.figures where figure.sampleSize > 0 {
            let rows = try await csvRows(
                app, session.cookie,
                "/scorecard/records?step=\(figure.step.rawValue)&scope=business&period=90&result=all&export=csv")
            #expect(rows.count == figure.sampleSize, "\(figure.step)")
            let met = rows.filter { $0[3] == Strings(lang: .en).recordResult(figure.step, success: true) }
            #expect(met.count == figure.successes, "\(figure.step)")
            let missed = try await csvRows(
                app, session.cookie,
                "/scorecard/records?step=\(figure.step.rawValue)&scope=business&period=90&result=missed&export=csv")
            #expect(missed.count == figure.sampleSize - figure.successes, "\(figure.step)")
        }

        try await checkHardFigures(app, card)
        try await checkForecastBaseline(app, card)

        let sql = try app.db.sql
        let start = card.start
        let end = card.end
        // Keep promises, counted by hand from the raw promises: those first due in the period that
        // were kept or broken, and the kept ones (the due time a promise was first given is in
        // its document, so SQL alone cannot place a renegotiated one).
        let documents = try await sql.select().column("document").from("promises").all()
            .map { try DocumentCoding.decode(Promise.self, try $0.decode(column: "document", as: String.self)) }
            .filter { $0.originalDueAt >= start && $0.originalDueAt < end && ($0.keptAt != nil || $0.brokenAt != nil) }
        let keep = try #require(card.figure(.keepPromises))
        #expect(keep.sampleSize == documents.count)
        #expect(keep.successes == documents.filter { $0.keptAt != nil }.count)

        // Cases, counted by hand from the raw cases: closed in the period (by confirmation, else
        // resolution) and how many without a hand-over; claims with a corrective action opened
        // in the period and how many were accepted on the customer's word.
        let cases = try await sql.select().column("document").from("service_cases").all()
            .map { try DocumentCoding.decode(ServiceCase.self, try $0.decode(column: "document", as: String.self)) }
        func inPeriod(_ date: Date?) -> Bool { date.map { $0 >= start && $0 < end } ?? false }
        let closed = cases.filter { $0.status == .closed && inPeriod($0.confirmedAt ?? $0.resolvedAt) }
        let handedOver = closed.filter { c in
            c.events.contains { if case .transferred = $0.kind { true } else { false } }
        }
        let responsibility = try #require(card.figure(.takeResponsibility))
        #expect(responsibility.sampleSize == closed.count)
        #expect(responsibility.successes == closed.count - handedOver.count)
        let claims = cases.filter {
            ($0.source == .complaint || $0.source == .problem) && !$0.actions.isEmpty && inPeriod($0.openedAt)
        }
        let trust = try #require(card.figure(.trustThem))
        #expect(trust.sampleSize == claims.count)
        #expect(trust.successes == claims.filter(\.acceptedOnCustomersWord).count)

        // Problems solved: cases resolved in the period whose fate is known (confirmed, reopened,
        // or two weeks without a word), and the confirmed ones.
        let decided = cases.filter { c in
            guard let resolved = c.resolvedAt, inPeriod(resolved) else { return false }
            return c.confirmedAt != nil || c.reopenCount > 0 || end.timeIntervalSince(resolved) > 14 * 86_400
        }
        let solved = try #require(card.figure(.solveProblems))
        #expect(solved.sampleSize == decided.count)
        #expect(solved.successes == decided.filter { $0.confirmedAt != nil }.count)

        // Contacts, counted by hand: those received in the period that got a first reply are the
        // "reachable" successes and the sample of reply times.
        let answered = try await sql.select().column("document").from("inbound_contacts").all()
            .map { try DocumentCoding.decode(InboundContact.self, try $0.decode(column: "document", as: String.self)) }
            .filter { inPeriod($0.receivedAt) && $0.firstResponseAt != nil }
        #expect(try #require(card.figure(.beReachable)).successes == answered.count)
        #expect(try #require(card.figure(.answerFast)).sampleSize == answered.count)

        // Never late, deliveries: orders promised in the period and delivered by now, and those
        // delivered by the promised time.
        let deliveries = try #require(
            try await sql.raw(
                """
                SELECT COUNT(*) AS n, SUM(CASE WHEN delivered_at <= promised_at THEN 1 ELSE 0 END) AS on_time
                FROM orders WHERE promised_at IS NOT NULL AND delivered_at IS NOT NULL
                AND promised_at >= \(bind: start) AND promised_at < \(bind: end) AND delivered_at <= \(bind: end)
                """
            ).first())
        let late = try await csvRows(
            app, session.cookie, "/scorecard/records?step=never_late&scope=business&period=90&result=all&export=csv")
        let en = Strings(lang: .en)
        let orderRows = late.filter { $0[1] == en.recordKind("order") }
        // …and promises first due in the period that were decided, on time when kept by the due
        // time in force (moved in time with the customer told).
        #expect(late.filter { $0[1] == en.recordKind("promise") }.count == documents.count)
        #expect(
            late.filter { $0[1] == en.recordKind("promise") && $0[3] == en.recordResult(.neverLate, success: true) }
                .count == documents.filter { p in p.keptAt.map { $0 <= p.dueInForce } ?? false }.count)
        #expect(orderRows.count == (try deliveries.decode(column: "n", as: Int.self)))
        #expect(
            orderRows.filter { $0[3] == en.recordResult(.neverLate, success: true) }.count
                == (try deliveries.decode(column: "on_time", as: Int.self)))

        // A location's figure drills down to that location's records only.
        let location = try #require(demo.locations.first)
        let (local, _) = try #require(
            try await store.snapshot(Scorecard.self, key: Score.scorecardKey(days: 90, scope: .location(location.id))))
        let localKeep = try #require(local.figure(.keepPromises))
        let localRows = try await csvRows(
            app, session.cookie,
            "/scorecard/records?step=keep_promises&scope=location:\(location.id)&period=90&result=all&export=csv")
        #expect(localRows.count == localKeep.sampleSize)
        #expect(localRows.allSatisfy { $0[5] == location.name })

        // The planted weakness, in words, on the consistency page.
        let page = try await app.send(
            .GET, "/consistency?measure=delivery_on_time", cookie: session.cookie + "; earned_lang=en")
        guard case .shift(let ekb, let evening) = try #require(demo.groundTruth.weakness(id: "ekb-evening-late")).slot
        else { throw Abort(.internalServerError) }
        let ekbName = try #require(demo.locations.first { $0.id == ekb }?.name)
        let sentence = "The “\(evening)” shift at \(ekbName): "
        #expect(page.text.contains(H.escape(sentence)), "no sentence naming the evening shift at \(ekbName)")
        #expect(page.text.contains("The last hour before closing: "))
    }

    /// The data rows of a CSV download (without its header), split on commas outside quotes.
    func csvRows(_ app: Application, _ cookie: String, _ path: String) async throws -> [[String]] {
        let response = try await app.send(.GET, path, cookie: cookie + "; earned_lang=en")
        #expect(response.status == .ok, "\(path)")
        #expect(response.headers.contentType?.subType == "csv")
        var text = response.text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        return lines.dropFirst().map(Self.fields)
    }

    static func fields(_ line: String) -> [String] {
        var out: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(line)
        var i = 0
        while i < chars.count {
            let c = chars[i]
            if quoted {
                if c == "\"" {
                    if i + 1 < chars.count, chars[i + 1] == "\"" {
                        field.append("\"")
                        i += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                out.append(field)
                field = ""
            } else {
                field.append(c)
            }
            i += 1
        }
        out.append(field)
        chars.removeAll()
        return out
    }
}
