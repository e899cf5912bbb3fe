import EarnedDomain
import Foundation

/// Sign-in's second step: the code from the app or a recovery code. `message` stands above the
/// form (the whole step), `fieldMessage` beside the field (the code).
struct SignInCodePage {
    var s: Strings
    var csrf: String
    var message: String?
    var fieldMessage: String?
    var next: String?
}
