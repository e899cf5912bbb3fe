import Foundation
import Testing

@testable import EarnedDomain

@Suite("Survey definition")
struct SurveyDefinitionTests {
    typealias F = SurveyFixture

    @Test("a minimal draft takes the defaults: everyone sampled, 48 business hours, 14 days, standard thresholds")
    func defaults() throws {
        let draft = SurveyDefinitionDraft(
            name: "  После покупки ", trigger: .orderDelivered, questions: [SurveyQuestion(kind: .csat)])
        let survey = try draft.validated(id: SurveyDefinitionID(), now: F.now)
        #expect(survey.name == "После покупки")
        #expect(survey.samplingRate == 1)
        #expect(survey.delay == 0)
        #expect(survey.followUpTarget == 48 * 3600)
        #expect(survey.linkValidity == 14 * 86_400)
        #expect(survey.thresholds == LowScoreThresholds(csatAtMost: 2, npsAtMost: 6, cesAtLeast: 5))
        #expect(survey.quietHours == .standard)
        #expect(survey.isActive)
    }

    @Test("every bad field is reported at once")
    func everyBadField() {
        let draft = SurveyDefinitionDraft(
            name: " ", trigger: .relationship(intervalDays: 3),
            questions: [
                SurveyQuestion(kind: .nps), SurveyQuestion(kind: .nps),
                SurveyQuestion(kind: .csat, wording: ["de": "Wie zufrieden?", "ru": "  "]),
            ],
            samplingRate: 0, delayMinutes: -5, quietHours: QuietHoursDraft(sendFrom: 1500),
            thresholds: LowScoreThresholds(csatAtMost: 5, npsAtMost: 10, cesAtLeast: 1), followUpHours: 0,
            linkValidityDays: 0)
        let fields = F.invalidFields { _ = try draft.validated(id: SurveyDefinitionID(), now: F.now) }
        #expect(
            fields == [
                "name", "trigger.interval_days", "questions.1.kind", "questions.2.wording.de",
                "questions.2.wording.ru", "sampling_rate", "delay_minutes", "quiet_hours.send_from",
                "low_scores.csat", "low_scores.nps", "low_scores.ces", "follow_up_hours", "link_validity_days",
            ])
    }

    @Test("a missing trigger and no questions are required", arguments: [Double.nan, 1.5, -0.1])
    func required(_ rate: Double) {
        let fields = F.invalidFields {
            _ = try SurveyDefinitionDraft(name: "x", samplingRate: rate).validated(id: SurveyDefinitionID(), now: F.now)
        }
        #expect(fields == ["trigger", "questions", "sampling_rate"])
    }

    @Test("the smallest sampling rate above 0 and exactly 1 are accepted", arguments: [0.001, 1.0])
    func samplingBounds(_ rate: Double) throws {
        let survey = try SurveyDefinitionDraft(
            name: "x", trigger: .caseClosed, questions: [SurveyQuestion(kind: .ces)], samplingRate: rate
        ).validated(id: SurveyDefinitionID(), now: F.now)
        #expect(survey.samplingRate == rate)
    }

    @Test("built-in wording exists in both languages for every question; overrides win in their language only")
    func wording() {
        for kind in SurveyQuestion.Kind.allCases {
            let ru = SurveyQuestion.defaultText(kind, language: "ru")
            let en = SurveyQuestion.defaultText(kind, language: "en")
            #expect(!ru.isEmpty && !en.isEmpty && ru != en)
        }
        let question = SurveyQuestion(kind: .fastEnough, wording: ["ru": "Мы справились быстро?"])
        #expect(question.text(in: "ru") == "Мы справились быстро?")
        #expect(question.text(in: "en") == "Was it fast enough?")
        #expect(question.text(in: "de") == "Was it fast enough?")
    }

    @Test("an edit keeps what it does not name")
    func edit() throws {
        let existing = F.definition(samplingRate: 0.25, delay: 3600)
        let edited = try SurveyDefinitionDraft(name: "Новое имя").validated(
            id: existing.id, now: F.now, existing: existing)
        #expect(edited.name == "Новое имя")
        #expect(edited.samplingRate == 0.25)
        #expect(edited.delay == 3600)
        #expect(edited.questions == existing.questions)
        #expect(edited.createdAt == existing.createdAt)
    }
}
