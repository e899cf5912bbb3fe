import Vapor

/// A step of an order's rules: deliver (at `delivered_at`, by default now), cancel or return
/// (with a reason).
struct OrderActionInput: Content {
    var action: String?
    var delivered_at: Date?
    var reason: String?
}
