import EarnedDomain
import Foundation

/// How a demo inbound contact comes in: everything `InboundContactDraft` needs, and whether it
/// is settled at the first reply.
struct DemoContactSeed: Sendable {
    var id: ContactID
    /// Nil for someone not on file.
    var customer: Customer?
    var channel: InboundContact.Channel
    var priority: Priority
    var site: DemoSite
    var receivedAt: Date
    var subject: String
    var ownerID: StaffID
    var caseID: CaseID?
    var fromAddress: String?
    /// A question answered on the spot: resolved with the first reply.
    var settledAtOnce: Bool
}
