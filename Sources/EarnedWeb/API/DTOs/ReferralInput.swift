import Vapor

struct ReferralInput: Content {
    var referred_id: UUID?
    var order_id: UUID?
}
