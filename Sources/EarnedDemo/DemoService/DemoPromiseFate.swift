import EarnedDomain
import Foundation

/// What becomes of a demo promise, decided when it is made and lived out step by step through
/// `Promise`'s own transitions, up to `now`.
enum DemoPromiseFate: Sendable {
    /// Nothing happens before `now`.
    case open
    /// Kept at that instant (on time or late, as the instant falls).
    case kept(at: Date)
    /// Marked broken at that instant.
    case broken(at: Date, reason: String)
    /// The due time is moved at `at` (in time or not, told or not), then kept at `keptAt`.
    case renegotiated(at: Date, to: Date, via: ContactChannel?, note: String?, keptAt: Date)
}
