import EarnedDomain
import Plot
import Vapor

/// A page shown for an error.
struct ErrorPage {
    var title: String
    var text: String
    var status: HTTPResponseStatus
}
