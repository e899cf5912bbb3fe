import EarnedDomain
import EarnedStore
import Foundation
import Plot

/// One survey invitation: its customer, channel, state and answer, and the link and message to
/// send by hand.
struct SurveyInvitationPage {
    var viewer: ViewerContext
    var invitation: SurveyInvitation
    var definition: SurveyDefinition
    var customer: Customer
    var staffName: String?
    var now: Date
    var link: (url: String, message: String, address: String)?
}
