import EarnedDomain
import EarnedStore
import Foundation
import Plot

/// Survey invitations: when each is sent, to whom, who served the customer, its state and expiry.
struct SurveyInvitationsPage {
    var viewer: ViewerContext
    var invitations: [SurveyInvitation]
    var state: String?
    var names: [CustomerID: String]
    var staffNames: [StaffID: String]
    var now: Date
}
