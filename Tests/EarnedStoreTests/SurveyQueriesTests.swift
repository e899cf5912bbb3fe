import EarnedDomain
import EarnedTestSupport
import FluentKit
import Foundation
import Testing

@testable import EarnedStore

@Suite("Survey queries: results, triggers, invitations")
struct SurveyQueriesTests {
    static let questions: [SurveyQuestion] = [.csat, .nps, .fastEnough, .freeText].map { SurveyQuestion(kind: $0) }

    /// Not a real hash: the store keeps whatever it is given.
    static func hash(_ token: String) -> String { "hash:" + token }

    func definition(_ f: TestFixture, on db: any Database) async throws -> SurveyDefinition {
        try await SurveyRepository(db: db).create(
            SurveyDefinitionDraft(
                name: "После покупки", trigger: .orderDelivered, questions: Self.questions, delayMinutes: 60),
            actor: f.owner, now: testNow - 30 * 86_400)
    }

    /// An invitation about `order`, as the scheduler would issue it, and its token's hash.
    func invitation(
        _ definition: SurveyDefinition, order: Order, seed: UInt64, sendAt: Date = testNow - 3600
    ) -> SurveyInvitation {
        let planned = PlannedSurveyInvitation(
            key: "test:\(seed)", definitionID: definition.id, customerID: order.customerID,
            subject: .init(kind: .order, id: order.id.rawValue), channel: .sms, sendAt: sendAt, language: "ru",
            attribution: SurveyAttribution(
                staffID: order.sellerID, role: .seller, locationID: order.locationID, shiftName: "День",
                channel: .sales(.store), servedAt: order.deliveredAt ?? sendAt))
        var generator = SeededGenerator(seed: seed)
        return SurveyInvitation.issue(
            planned, definition: definition, id: SurveyInvitationID(), now: sendAt, using: &generator,
            hash: Self.hash
        ).invitation
    }

    /// Stores an answer through a link as the closed loop does, without its follow-ups: the
    /// claim of the invitation, then the answer. Throws when the link is unknown or answered.
    @discardableResult
    func answer(_ repo: SurveyRepository, tokenHash: String, draft: SurveyAnswerDraft, now: Date) async throws
        -> SurveyResponse
    {
        guard var invitation = try await repo.invitation(tokenHash: tokenHash) else {
            throw SurveyAnswerError.refused(.unknown)
        }
        let definition = try await repo.definition(invitation.definitionID)
        let answer = try invitation.answer(draft, definition: definition, id: SurveyAnswerID(), now: now)
        guard try await repo.claimForAnswer(invitation.id, now: now) else {
            throw SurveyAnswerError.refused(.alreadyAnswered)
        }
        return try await repo.saveAnswer(answer, attribution: invitation.attribution, caseID: nil, now: now)
    }

    @Test("results count answers and invitations by attribution and score, per location")
    func tallies() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            let survey = try await definition(f, on: db)
            let anna = try await f.customer("Анна", on: db)
            let north = try await f.order(anna, by: f.northSeller, at: testNow - 2 * 86_400, on: db)
            let south = try await f.order(anna, by: f.southSeller, at: testNow - 2 * 86_400, on: db)
            let invitations = [
                invitation(survey, order: north, seed: 1), invitation(survey, order: north, seed: 2),
                invitation(survey, order: north, seed: 3), invitation(survey, order: south, seed: 4),
                // Not sent yet: not counted.
                invitation(survey, order: north, seed: 5, sendAt: testNow + 3600),
            ]
            let repo = SurveyRepository(db: db)
            #expect(try await repo.createNew(invitations).count == 5)
            for (i, invitation) in invitations.prefix(2).enumerated() {
                _ = try await answer(
                    repo, tokenHash: invitation.tokenHash,
                    draft: SurveyAnswerDraft(csat: 5, nps: 9, fastEnough: i == 0),
                    now: testNow - 60)
            }
            _ = try await answer(
                repo, tokenHash: invitations[3].tokenHash, draft: SurveyAnswerDraft(csat: 4, nps: 8), now: testNow - 60)

            let all = try await SurveyResultQueries.tallies(
                from: testNow - 7 * 86_400, to: testNow, locations: nil, now: testNow, on: db)
            #expect(all.answers.map(\.count).reduce(0, +) == 3)
            let northFast = all.answers.filter { $0.locationID == f.north.id && $0.fastEnough == true }
            #expect(northFast.map(\.count) == [1])
            #expect(northFast.first?.staffID == f.northSeller.id)
            #expect(northFast.first?.definitionID == survey.id)
            #expect(northFast.first?.shiftName == "День")
            #expect(northFast.first?.csat == 5 && northFast.first?.nps == 9)
            let southAnswers = all.answers.filter { $0.locationID == f.south.id }
            #expect(southAnswers.map(\.count) == [1])
            #expect(southAnswers.first?.csat == 4 && southAnswers.first?.fastEnough == nil)
            let sent = Dictionary(all.invitations.map { ($0.locationID, ($0.sent, $0.answered)) }) { a, b in
                (a.0 + b.0, a.1 + b.1)
            }
            #expect(sent[f.north.id]?.0 == 3 && sent[f.north.id]?.1 == 2)
            #expect(sent[f.south.id]?.0 == 1 && sent[f.south.id]?.1 == 1)

            // The repository reads the same; a location narrows; no locations is nothing.
            let viaRepo = try await repo.tallies(from: testNow - 7 * 86_400, to: testNow, locations: nil, now: testNow)
            #expect(Set(viaRepo.answers) == Set(all.answers) && Set(viaRepo.invitations) == Set(all.invitations))
            let southOnly = try await SurveyResultQueries.tallies(
                from: testNow - 7 * 86_400, to: testNow, locations: [f.south.id], now: testNow, on: db)
            #expect(southOnly.answers.map(\.locationID) == [f.south.id])
            #expect(southOnly.invitations.map(\.sent) == [1])
            let none = try await SurveyResultQueries.tallies(
                from: testNow - 7 * 86_400, to: testNow, locations: [], now: testNow, on: db)
            #expect(none.answers.isEmpty && none.invitations.isEmpty)
            // Answers after the period's end are not in it.
            let before = try await SurveyResultQueries.tallies(
                from: testNow - 7 * 86_400, to: testNow - 120, locations: nil, now: testNow, on: db)
            #expect(before.answers.isEmpty)
        }
    }

    @Test("an invitation is created once per key and answered once; a new link replaces the old one")
    func invitationsOnce() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            let survey = try await definition(f, on: db)
            let anna = try await f.customer("Анна", on: db)
            let order = try await f.order(anna, by: f.northSeller, at: testNow - 2 * 86_400, on: db)
            let first = invitation(survey, order: order, seed: 1)
            let repo = SurveyRepository(db: db)
            #expect(try await repo.createNew([first], sentAt: testNow - 3600).map(\.id) == [first.id])
            // The same key planned again, by this instance or another: nothing new.
            let twin = invitation(survey, order: order, seed: 1)
            #expect(try await repo.createNew([twin]).isEmpty)
            #expect(try await SurveyInvitationQueries.insertNew([twin], sentAt: nil, on: db).isEmpty)

            let renewed = try await repo.renewLink(first.id, tokenHash: "hash:new", actor: f.owner, now: testNow - 120)
            #expect(renewed.tokenHash == "hash:new")
            #expect(try await repo.invitation(tokenHash: first.tokenHash) == nil)
            #expect(try await repo.sentAt(first.id) == testNow - 120)

            _ = try await answer(repo, tokenHash: "hash:new", draft: SurveyAnswerDraft(csat: 5), now: testNow - 60)
            await #expect(throws: SurveyAnswerError.self) {
                try await answer(repo, tokenHash: "hash:new", draft: SurveyAnswerDraft(csat: 1), now: testNow)
            }
            #expect(try await !SurveyInvitationQueries.claimForAnswer(first.id, now: testNow, on: db))
            #expect(try await !SurveyInvitationQueries.renewLink(first.id, tokenHash: "x", now: testNow, on: db))
            let answered = try await repo.invitation(tokenHash: "hash:new")
            #expect(answered?.answeredAt == testNow - 60)
        }
    }

    @Test("a relationship survey asks each customer who bought since a time once")
    func customersBuyingSince() async throws {
        try await TestDatabase.with { db in
            let f = try await TestFixture.make(db)
            let anna = try await f.customer("Анна", on: db)
            let boris = try await f.customer("Борис", on: db)
            let vera = try await f.customer("Вера", on: db)
            _ = try await f.order(anna, by: f.northSeller, at: testNow - 2 * 86_400, on: db)
            _ = try await f.order(anna, by: f.southSeller, at: testNow - 86_400, on: db)
            _ = try await f.order(boris, by: f.northSeller, at: testNow - 3 * 86_400, on: db)
            _ = try await f.order(vera, by: f.northSeller, at: testNow - 20 * 86_400, on: db)

            // Orders are placed an hour before they are delivered.
            let since = testNow - 3 * 86_400 - 3600
            let buyers = try await SurveyTriggerQueries.customersBuyingSince(since, on: db)
            #expect(buyers.count == 2)
            #expect(Set(buyers) == [anna.id, boris.id])
            #expect(Set(try await SurveyRepository(db: db).customersBuyingSince(since + 1)) == [anna.id])
        }
    }
}
