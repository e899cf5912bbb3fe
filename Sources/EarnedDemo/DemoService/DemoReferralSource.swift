import EarnedDomain
import Foundation

/// A customer as a possible referrer: who, where they shop, and when a satisfied follow-up
/// asked them for a referral.
struct DemoReferralSource: Sendable {
    var customerID: CustomerID
    var homeLocationID: LocationID?
    /// When they were asked, oldest first.
    var asks: [Date]
}
