import EarnedAnalytics
import EarnedDomain
import EarnedStore
import FluentKit
import Foundation

/// The customer's whole story on one line of time, and what the scores say about them: the
/// segment and why, the lifetime model's outlook, and the service they actually received.
struct CustomerStory: Sendable {
    /// One event of the timeline.
    struct Entry: Sendable {
        var at: Date
        var locationID: LocationID?
        var kind: String
        var text: String
        var href: String?
        /// A status word and its tone, where the event has one.
        var status: (text: String, tone: String)?
    }

    /// The service the customer met, as the scorecard counted it.
    struct Experience: Sendable {
        var step: ScorecardStep
        var total: Int
        var met: Int
    }

    static let limit = 60

    var score: CustomerScoreRow?
    var assessment: LoyaltyAssessment?
    var experience: [Experience]
    var entries: [Entry]
    var hidden: Int

    static func load(
        _ db: any Database, customer: Customer, page: CustomerPage, contacts: [InboundContact], touches: [Touch]
    ) async throws -> CustomerStory {
        let store = ScoreStore(db: db)
        let score = try await store.customerScore(customer.id)
        let assessment = score.flatMap { try? ScoreStore.decode(LoyaltyAssessment.self, document: $0.document) }
        // One read for every step: each step counts only its own kind of record.
        let tallies = try await store.tallies(
            recordIDs: page.promises.map(\.id.rawValue) + page.orders.map(\.id.rawValue)
                + contacts.map(\.id.rawValue) + page.cases.map(\.id.rawValue))
        let experience: [Experience] = [ScorecardStep.keepPromises, .neverLate, .answerFast, .solveProblems]
            .compactMap { step in
                tallies[step.rawValue].map { Experience(step: step, total: $0.total, met: $0.successes) }
            }
        let s = page.viewer.s
        var entries: [Entry] = []
        for o in page.orders {
            var text = Format.money(o.amount, s.lang)
            if o.discountMinorUnits > 0 { text += " · " + s.withDiscount }
            if let items = o.itemsSummary, !items.isEmpty { text += " · " + items }
            var status: (String, String)?
            if o.state != .active {
                status = (s.orderState(o.state), "warn")
                if let reason = o.endReason { text += " · " + reason }
            } else if let promised = o.promisedAt, let delivered = o.deliveredAt {
                status = delivered <= promised ? (s.deliveredOnTime, "good") : (s.deliveredLate, "bad")
            }
            entries.append(
                .init(
                    at: o.placedAt, locationID: o.locationID, kind: s.storyOrder, text: text,
                    href: SiteURL.order(o.id.rawValue).path, status: status))
        }
        for p in page.promises {
            let outcome = p.outcome(at: page.now)
            entries.append(
                .init(
                    at: p.originalDueAt, locationID: p.locationID, kind: s.storyPromise, text: p.text,
                    href: SiteURL.promise(p.id.rawValue).path,
                    status: (s.promiseOutcome(outcome), outcome.isFailed ? "bad" : "neutral")))
        }
        for c in contacts {
            entries.append(
                .init(
                    at: c.receivedAt, locationID: c.locationID, kind: s.inboundChannel(c.channel), text: c.subject,
                    href: SiteURL.contact(c.id.rawValue).path,
                    status: c.firstResponseAt == nil ? (s.noReplyYet, "warn") : nil))
        }
        for k in page.cases {
            entries.append(
                .init(
                    at: k.openedAt, locationID: k.locationID, kind: s.storyCase, text: k.title,
                    href: SiteURL.serviceCase(k.id.rawValue).path, status: (s.caseStatus(k.status), "neutral")))
        }
        for a in page.surveyAnswers {
            entries.append(
                .init(
                    at: a.answeredAt, locationID: a.attribution?.locationID, kind: s.storySurvey,
                    text: SurveyResultsPage.scoreText(a.values) + (a.values.comment.map { " · «\($0)»" } ?? "")))
        }
        for touch in touches {
            entries.append(.init(at: touch.at, locationID: nil, kind: s.touchKind(touch.kind), text: ""))
        }
        // E-mail and Telegram messages the shop sent itself, with what the server said when it did not take it.
        for m in try await OutboxStore(db: db).messages(to: customer.id, limit: limit) {
            let refused = m.status == .refused || m.status == .failed
            entries.append(
                .init(
                    at: m.sentAt ?? m.createdAt, locationID: m.locationID, kind: s.storyMessage(m),
                    text: m.subject + (refused ? " · " + (m.lastResult ?? "") : ""),
                    status: (s.messageStatusName(m.status), s.messageStatusTone(m.status))))
        }
        for r in page.referrals.gave {
            entries.append(
                .init(
                    at: r.recordedAt, locationID: nil, kind: s.storyReferral,
                    text: s.referredSomeone(page.referralNames[r.referredID] ?? s.none),
                    href: SiteURL.customer(r.referredID.rawValue).path))
        }
        for r in page.referrals.broughtBy {
            entries.append(
                .init(
                    at: r.recordedAt, locationID: nil, kind: s.storyReferral,
                    text: s.broughtBy(page.referralNames[r.referrerID] ?? s.none),
                    href: SiteURL.customer(r.referrerID.rawValue).path))
        }
        entries.sort { $0.at > $1.at }
        let hidden = max(0, entries.count - limit)
        return CustomerStory(
            score: score, assessment: assessment, experience: experience, entries: Array(entries.prefix(limit)),
            hidden: hidden)
    }

    func loyaltySection(_ viewer: ViewerContext) -> HTMLNode {
        let s = viewer.s
        guard let score else {
            return H.el("section", [("class", "card")], [H.h2(s.loyaltyTitle), H.p("muted", s.notScoredYet)])
        }
        var facts: [(String, String)] = [(s.segmentColumn, s.segmentName(score.segment))]
        if let a = assessment {
            facts.append((s.reasonColumn, ([a.reason] + a.context).map(s.reasonText).joined(separator: "; ")))
            facts.append((s.nextActionColumn, s.actionText(a.nextAction)))
        }
        facts.append(
            (
                s.pAliveColumn,
                score.probabilityAlive.map { p in
                    score.aliveLimits.map {
                        s.withInterval(s.percent(p), s.percent($0.lowerBound), s.percent($0.upperBound))
                    }
                        ?? s.percent(p)
                } ?? s.notEnoughData
            ))
        facts.append(
            (
                s.expectedPurchasesLabel,
                score.expectedPurchases.map { e in
                    score.purchasesLimits.map {
                        s.withInterval(
                            s.decimal(e, digits: 1), s.decimal($0.lowerBound, digits: 1),
                            s.decimal($0.upperBound, digits: 1))
                    } ?? s.decimal(e, digits: 1)
                } ?? s.notEnoughData
            ))
        facts.append(
            (
                s.lifetimeValueColumn,
                score.lifetimeValueMinor.flatMap { v in
                    score.currency.map { currency in
                        let money = { (m: Int64) in Format.money(Money(minorUnits: m, currency: currency), s.lang) }
                        return score.valueLimitsMinor.map {
                            s.withInterval(money(v), money($0.lowerBound), money($0.upperBound))
                        } ?? money(v)
                    }
                } ?? s.notEnoughData
            ))
        if let share = score.discountShare { facts.append((s.discountShareLabel, s.percent(share))) }
        for e in experience {
            facts.append((s.experienceLabel(e.step), s.experienceText(e.met, of: e.total)))
        }
        return H.el(
            "section", [("class", "card"), ("id", "loyalty")],
            [
                H.h2(s.loyaltyTitle),
                score.atRisk ? H.el("p", [], [H.badge("! " + s.atRiskTitle, tone: "bad")]) : H.empty,
                H.el(
                    "dl", [("class", "facts")],
                    facts.flatMap { [H.el("dt", [], [H.text($0.0)]), H.el("dd", [], [H.text($0.1)])] }),
            ])
    }

    func timelineSection(_ viewer: ViewerContext) -> HTMLNode {
        let s = viewer.s
        return H.el(
            "section", [("class", "card"), ("id", "story")],
            [
                H.h2(s.storyTitle),
                entries.isEmpty
                    ? H.p("empty", s.storyEmpty)
                    : H.el(
                        "ol", [("class", "timeline")],
                        entries.map { e in
                            H.el(
                                "li", [],
                                [
                                    H.el(
                                        "time", [("datetime", ISO8601DateFormatter().string(from: e.at))],
                                        [H.text(viewer.dateTime(e.at, at: e.locationID))]),
                                    H.span("timeline-kind", e.kind),
                                    e.href.map { H.a($0, e.text.isEmpty ? e.kind : e.text) } ?? H.text(e.text),
                                    e.status.map { H.group([H.text(" "), H.badge($0.text, tone: $0.tone)]) } ?? H.empty,
                                ])
                        }),
                hidden > 0 ? H.p("muted small", s.olderEntriesHidden(hidden)) : H.empty,
            ])
    }
}
