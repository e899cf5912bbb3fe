import Foundation
import Testing

@testable import EarnedDomain

@Suite("Survey token and one-time link")
struct SurveyTokenTests {
    typealias F = SurveyFixture
    let fakeHash: (String) -> String = { "h:" + String($0.reversed()) }

    func issued(sendAt: Date = F.now) -> (SurveyInvitation, SurveyToken) {
        let planned = PlannedSurveyInvitation(
            key: "survey:x:order:y", definitionID: F.definition().id, customerID: CustomerID(),
            subject: .init(kind: .order, id: UUID()), channel: .sms, sendAt: sendAt, language: "ru",
            attribution: F.attribution())
        var generator = SeededGenerator(state: 42)
        let (invitation, token) = SurveyInvitation.issue(
            planned, definition: F.definition(), id: SurveyInvitationID(), now: F.now, using: &generator,
            hash: fakeHash)
        return (invitation, token)
    }

    @Test("tokens are 256 bits of URL-safe base64: 43 characters, differ, never fewer than 128 bits")
    func shape() {
        var generator = SystemRandomNumberGenerator()
        let tokens = (0..<200).map { _ in SurveyToken.generate(using: &generator) }
        #expect(Set(tokens).count == 200)
        for token in tokens {
            #expect(token.text.count == 43)
            #expect(token.text.allSatisfy(SurveyToken.alphabet.contains))
            #expect(!token.text.contains("=") && !token.text.contains("+") && !token.text.contains("/"))
        }
        #expect(SurveyToken.generate(byteCount: 4, using: &generator).text.count == 22)
        #expect(!String(describing: tokens[0]).contains(tokens[0].text))
    }

    @Test("the same seed gives the same token; another seed another")
    func seeded() {
        var a = SeededGenerator(state: 7)
        var b = SeededGenerator(state: 7)
        var c = SeededGenerator(state: 8)
        let first = SurveyToken.generate(using: &a)
        #expect(first == SurveyToken.generate(using: &b))
        #expect(first != SurveyToken.generate(using: &c))
        #expect(first != SurveyToken.generate(using: &a))
    }

    @Test(
        "a link's text is checked before any look-up",
        arguments: [
            ("", false), ("short", false), (String(repeating: "a", count: 22), true),
            (String(repeating: "a", count: 42) + "!", false), ("aaaaaaaaaaaaaaaaaaaaa/a", false),
        ])
    func parsing(_ text: String, _ valid: Bool) {
        #expect((SurveyToken(text: text) != nil) == valid)
    }

    @Test("only the hash is stored; the link expires 14 days after sending")
    func stored() {
        let (invitation, token) = issued()
        #expect(invitation.tokenHash == fakeHash(token.text))
        #expect(invitation.tokenHash != token.text)
        #expect(invitation.expiresAt == F.now.addingTimeInterval(14 * 86_400))
        #expect(invitation.storedState == .open)
    }

    @Test("open → ok; at the expiry instant → expired; answered → already answered; none → unknown")
    func access() throws {
        let (invitation, _) = issued()
        #expect(SurveyAccess.check(invitation, now: F.now) == .ok)
        #expect(SurveyAccess.check(invitation, now: invitation.expiresAt.addingTimeInterval(-1)) == .ok)
        #expect(SurveyAccess.check(invitation, now: invitation.expiresAt) == .expired)
        #expect(SurveyAccess.check(nil, now: F.now) == .unknown)
        var answered = invitation
        _ = try answered.answer(
            SurveyAnswerDraft(csat: 5), definition: F.definition(), id: SurveyAnswerID(), now: F.now)
        #expect(SurveyAccess.check(answered, now: F.now) == .alreadyAnswered)
        // Answered stays answered after the expiry.
        #expect(SurveyAccess.check(answered, now: invitation.expiresAt.addingTimeInterval(86_400)) == .alreadyAnswered)
        #expect(SurveyAccess.alreadyAnswered.error == .conflict("this survey was already answered"))
        #expect(SurveyAccess.unknown.error == .notFound("survey link"))
        #expect(SurveyAccess.ok.error == nil)
    }

    @Test("a cleanup pass stores the expiry once, and never expires an answered invitation")
    func expire() throws {
        var (invitation, _) = issued()
        let early = invitation.expireIfDue(at: F.now)
        let due = invitation.expireIfDue(at: invitation.expiresAt)
        let again = invitation.expireIfDue(at: invitation.expiresAt)
        #expect(!early && due && !again)
        #expect(invitation.storedState == .expired)
        // Even a stored expiry wins over a later clock that is earlier than expiresAt (clock skew).
        #expect(invitation.state(at: F.now) == .expired)
        var (answered, _) = issued()
        _ = try answered.answer(SurveyAnswerDraft(nps: 9), definition: F.definition(), id: SurveyAnswerID(), now: F.now)
        let changed = answered.expireIfDue(at: answered.expiresAt)
        #expect(!changed)
        #expect(answered.storedState == .answered)
    }
}
