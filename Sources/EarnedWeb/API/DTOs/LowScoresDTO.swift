import Vapor

struct LowScoresDTO: Content {
    var csat_at_most: Int
    var nps_at_most: Int
    var ces_at_least: Int
}
