import EarnedDomain

struct NPSDTO: APIObject {
    var score: Double
    var promoters: Int
    var passives: Int
    var detractors: Int
    var lower: Double?
    var upper: Double?
    var interval_method: String

    init(_ n: NetPromoterScore) {
        score = n.score
        promoters = n.promoters
        passives = n.passives
        detractors = n.detractors
        let enough = n.count >= SurveyResults.minimumAnswers
        lower = enough ? n.lower : nil
        upper = enough ? n.upper : nil
        interval_method = NetPromoterScore.intervalMethod
    }
}
