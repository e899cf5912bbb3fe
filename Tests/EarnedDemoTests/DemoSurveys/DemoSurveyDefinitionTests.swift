import EarnedDomain
import Foundation
import Testing

@testable import EarnedDemo

@Suite("Demo survey definitions")
struct DemoSurveyDefinitionTests {
    let now = DemoSurveyFixture.now

    @Test func theFourSurveysAskWhatTheyShouldAfterTheirTriggers() throws {
        let definitions = DemoBusiness(seed: 5, scale: 0, now: now).surveyDefinitions
        #expect(
            definitions.map(\.trigger) == [
                .orderDelivered, .contactResolved, .caseClosed, .relationship(intervalDays: 180),
            ])
        let kinds = definitions.map { $0.questions.map(\.kind) }
        #expect(
            kinds[0] == [.csat, .nps, .shareOfWallet, .fastEnough, .freeText, .quotePermission, .referralPermission])
        #expect(kinds[1] == [.csat, .ces, .fastEnough, .freeText])
        #expect(kinds[2] == [.csat, .ces, .freeText])
        #expect(kinds[3] == [.nps, .shareOfWallet, .freeText])
        #expect(definitions[0].samplingRate < 1 && definitions.dropFirst().allSatisfy { $0.samplingRate == 1 })
        // Named in Russian, the owner's language.
        #expect(definitions.allSatisfy { $0.name.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } })
        #expect(Set(definitions.map(\.id)).count == 4)
    }

    @Test func eachSurveyIsOneTheOwnerCouldHaveEntered() throws {
        for definition in DemoBusiness(seed: 5, scale: 0, now: now).surveyDefinitions {
            let draft = SurveyDefinitionDraft(
                name: definition.name, trigger: definition.trigger, questions: definition.questions,
                samplingRate: definition.samplingRate, delayMinutes: Int(definition.delay / 60))
            let entered = try draft.validated(id: definition.id, now: definition.createdAt)
            #expect(entered == definition)
        }
    }

    @Test func idsComeFromTheSeed() {
        let a = DemoBusiness(seed: 5, scale: 0, now: now).surveyDefinitions.map(\.id)
        let b = DemoBusiness(seed: 5, scale: 0, now: now.addingTimeInterval(86_400)).surveyDefinitions.map(\.id)
        let c = DemoBusiness(seed: 6, scale: 0, now: now).surveyDefinitions.map(\.id)
        #expect(a == b)
        #expect(Set(a).isDisjoint(with: c))
    }

    @Test func theSurveysExistBeforeAnythingTheyAreAbout() {
        let business = DemoSurveyFixture.business
        let first = DemoSurveyFixture.data.orders.map(\.placedAt).min()!
        #expect(business.surveyDefinitions.allSatisfy { $0.createdAt < first && $0.isActive })
    }
}
