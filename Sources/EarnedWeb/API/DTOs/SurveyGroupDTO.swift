import EarnedDomain

struct SurveyGroupDTO: APIObject {
    var key: String
    var answers: Int
    var response_rate: ShareDTO
    var nps: NPSDTO?
    var csat_satisfied: ShareDTO?
    var csat_mean: Double?
    var ces_high_effort: ShareDTO?
    var ces_mean: Double?
    var fast_enough: ShareDTO

    init(_ g: SurveyResults.Group) {
        key = g.key
        answers = g.answers
        response_rate = ShareDTO(g.responseRate.answered, of: g.responseRate.sent)
        nps = g.nps.map(NPSDTO.init)
        csat_satisfied = g.csat.map { ShareDTO($0.satisfied, of: $0.count) }
        csat_mean = g.csat?.mean
        ces_high_effort = g.ces.map { ShareDTO($0.highEffort, of: $0.count) }
        ces_mean = g.ces?.mean
        fast_enough = ShareDTO(g.fastEnough, of: g.fastEnoughAsked)
    }
}
