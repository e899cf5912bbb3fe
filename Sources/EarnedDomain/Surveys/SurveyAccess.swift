import Foundation

/// What a public survey link may do at a moment.
public enum SurveyAccess: String, Codable, Sendable, CaseIterable {
    /// Open: the survey may be shown and answered.
    case ok
    /// No invitation has this token.
    case unknown
    /// The link's validity ran out (or the invitation was closed as expired) before an answer.
    case expired
    /// The survey was answered already; a link answers once.
    case alreadyAnswered = "already_answered"

    /// The access of a stored invitation found by a token's hash (nil: none found) at `now`.
    public static func check(_ invitation: SurveyInvitation?, now: Date) -> SurveyAccess {
        guard let invitation else { return .unknown }
        switch invitation.state(at: now) {
        case .open: return .ok
        case .answered: return .alreadyAnswered
        case .expired: return .expired
        }
    }

    /// The domain error for a refused link: unknown and expired links are not found (so a
    /// guessed token tells nothing), a reused one is a conflict; nil when `ok`.
    public var error: DomainError? {
        switch self {
        case .ok: nil
        case .unknown: .notFound("survey link")
        case .expired: .notFound("this survey link has expired")
        case .alreadyAnswered: .conflict("this survey was already answered")
        }
    }
}
