import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// API tokens: the live ones, making one (its secret shown once) and revoking one.
struct TokensPage {
    var viewer: ViewerContext
    var tokens: [APITokenInfo]
    var created: String?
    var errors: [FieldError]
}
