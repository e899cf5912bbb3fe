import EarnedDomain
import Foundation

extension DemoBusiness {
    /// The interval of the demo's relationship survey, in days.
    public static let relationshipSurveyIntervalDays = 180
    /// The share of delivered orders the after-delivery survey goes to.
    public static let orderSurveySamplingRate = 0.5

    /// The demo business's surveys, in Russian (the owner's language; the questions keep their
    /// built-in wording in both languages, so each customer reads their own): after a delivery or
    /// the start of a service (half of the orders), after an inbound contact is resolved, after a
    /// service case is closed, and a relationship survey every 180 days.
    ///
    /// Their ids come from the seed, so the same seed names the same surveys; all were set up
    /// when the first shop opened in the system, before any trigger of the history.
    public var surveyDefinitions: [SurveyDefinition] {
        let createdAt = locations.map(\.createdAt).min() ?? now
        func id(_ number: UInt64) -> SurveyDefinitionID {
            var random = surveyRandom(.definitions, index: number)
            return SurveyDefinitionID(random.uuid())
        }
        func questions(_ kinds: [SurveyQuestion.Kind]) -> [SurveyQuestion] { kinds.map { SurveyQuestion(kind: $0) } }
        return [
            SurveyDefinition(
                id: id(0), name: "После доставки заказа", trigger: .orderDelivered,
                questions: questions([
                    .csat, .nps, .shareOfWallet, .fastEnough, .freeText, .quotePermission, .referralPermission,
                ]),
                samplingRate: Self.orderSurveySamplingRate, delay: 3 * 3600, createdAt: createdAt,
                updatedAt: createdAt),
            SurveyDefinition(
                id: id(1), name: "После обращения", trigger: .contactResolved,
                questions: questions([.csat, .ces, .fastEnough, .freeText]), delay: 3600, createdAt: createdAt,
                updatedAt: createdAt),
            SurveyDefinition(
                id: id(2), name: "После решения проблемы", trigger: .caseClosed,
                questions: questions([.csat, .ces, .freeText]), delay: 2 * 3600, createdAt: createdAt,
                updatedAt: createdAt),
            SurveyDefinition(
                id: id(3), name: "Отношения с клиентом (раз в полгода)",
                trigger: .relationship(intervalDays: Self.relationshipSurveyIntervalDays),
                questions: questions([.nps, .shareOfWallet, .freeText]), createdAt: createdAt, updatedAt: createdAt),
        ]
    }
}
