import Foundation
import Testing

@testable import EarnedDomain

@Suite("Survey answers")
struct SurveyAnswerTests {
    typealias F = SurveyFixture

    func invitation() -> SurveyInvitation {
        SurveyInvitation(
            key: "survey:x:order:y", definitionID: F.definition().id, customerID: CustomerID(),
            subject: .init(kind: .order, id: UUID()), channel: .sms, language: "en", sendAt: F.now,
            expiresAt: F.now.addingTimeInterval(14 * 86_400), tokenHash: "h", attribution: F.attribution(),
            createdAt: F.now)
    }

    func errors(_ body: () throws(SurveyAnswerError) -> Void) -> SurveyAnswerError? {
        do {
            try body()
            return nil
        } catch { return error }
    }

    @Test("a good answer is recorded once; the invitation becomes answered; a second answer is refused")
    func once() throws {
        var invitation = invitation()
        let draft = SurveyAnswerDraft(
            csat: 4, nps: 10, ces: 2, shareOfWallet: "mostly_here", fastEnough: true, comment: "  Спасибо! ",
            mayQuote: true, mayAskReferral: false)
        let answer = try invitation.answer(draft, definition: F.definition(), id: SurveyAnswerID(), now: F.now)
        #expect(answer.values.csat == 4 && answer.values.nps == 10 && answer.values.ces == 2)
        #expect(answer.values.shareOfWallet == .mostlyHere)
        #expect(answer.values.comment == "Спасибо!")
        #expect(answer.values.mayAskReferral == false)
        #expect(answer.invitationID == invitation.id)
        #expect(answer.language == "en")
        #expect(invitation.storedState == .answered)
        #expect(invitation.answeredAt == F.now)
        let second = errors { () throws(SurveyAnswerError) in
            _ = try invitation.answer(
                SurveyAnswerDraft(csat: 1), definition: F.definition(), id: SurveyAnswerID(), now: F.now)
        }
        #expect(second == .refused(.alreadyAnswered))
        #expect(second?.domainError == .conflict("this survey was already answered"))
    }

    @Test("an expired link is refused and stays open for nothing")
    func expired() {
        var invitation = invitation()
        let refused = errors { () throws(SurveyAnswerError) in
            _ = try invitation.answer(
                SurveyAnswerDraft(csat: 5), definition: F.definition(), id: SurveyAnswerID(),
                now: invitation.expiresAt)
        }
        #expect(refused == .refused(.expired))
        #expect(invitation.storedState == .open)
    }

    @Test("each out-of-range value is refused naming its question; the invitation stays open")
    func outOfRange() {
        var invitation = invitation()
        let draft = SurveyAnswerDraft(
            csat: 0, nps: 11, ces: 8, shareOfWallet: "sometimes",
            comment: String(repeating: "я", count: SurveyAnswer.commentLimit + 1))
        let refused = errors { () throws(SurveyAnswerError) in
            _ = try invitation.answer(draft, definition: F.definition(), id: SurveyAnswerID(), now: F.now)
        }
        guard case .invalid(let list) = refused else {
            Issue.record("expected invalid, got \(String(describing: refused))")
            return
        }
        #expect(list.map(\.field) == ["csat", "nps", "ces", "share_of_wallet", "free_text"])
        #expect(list.map(\.code) == [.outOfRange, .outOfRange, .outOfRange, .invalidChoice, .tooLong])
        #expect(list[0].reason == "is out of range: 1 to 5")
        #expect(list[1].reason == "is out of range: 0 to 10")
        #expect(invitation.storedState == .open)
    }

    @Test("scale edges are accepted", arguments: [(1, 0, 1), (5, 10, 7)])
    func edges(_ csat: Int, _ nps: Int, _ ces: Int) throws {
        let values = try SurveyAnswerDraft(csat: csat, nps: nps, ces: ces).validated(
            asking: SurveyQuestion.Kind.allCases)
        #expect(values.csat == csat && values.nps == nps && values.ces == ces)
    }

    @Test("a value for a question the survey does not ask is refused; an empty answer is refused")
    func notAsked() {
        let fields = F.invalidFields {
            _ = try SurveyAnswerDraft(nps: 9, comment: "ok").validated(asking: [.csat])
        }
        #expect(fields == ["nps", "free_text"])
        #expect(
            F.invalidFields { _ = try SurveyAnswerDraft(comment: "  ").validated(asking: [.freeText]) } == ["answers"])
    }
}
