import Foundation

/// Why a submitted answer was refused.
public enum SurveyAnswerError: Error, Hashable, Sendable {
    /// The link may not be answered (unknown, expired, already answered).
    case refused(SurveyAccess)
    /// Bad values, field by field.
    case invalid([FieldError])

    /// The domain error the web layer maps to HTTP.
    public var domainError: DomainError {
        switch self {
        case .refused(let access): access.error ?? .conflict("survey link refused")
        case .invalid(let errors): .invalid(errors)
        }
    }
}
