import Foundation

/// One entry of a service case's history, in the order things happened.
public struct CaseEvent: Hashable, Codable, Sendable {
    public enum Kind: Hashable, Codable, Sendable {
        /// The case was opened (by `byID`, with the holder in `ServiceCase.openingHolder`).
        case opened
        /// The work moved to another department or person; the accountable owner did not change.
        case handedOff(department: String?, staffID: StaffID?)
        /// Accountability moved from one owner to another, for the reason given.
        case transferred(fromOwner: StaffID, toOwner: StaffID, reason: String)
        /// A corrective action was taken.
        case action(CorrectiveAction)
        /// The case started waiting on the customer.
        case waitingStarted
        /// The customer came back; the case is worked on again.
        case waitingEnded
        /// Staff replied to the customer.
        case responded
        /// Staff say the problem is fixed.
        case resolved
        /// The customer confirmed the fix; the case is closed.
        case confirmed
        /// The customer says it is not fixed after all.
        case reopened(reason: String)
        /// A remark for the record.
        case note(text: String)
    }

    public var at: Date
    /// Who did it; nil when the customer or the system did (a confirmation through a link).
    public var byID: StaffID?
    public var kind: Kind

    public init(at: Date, byID: StaffID?, kind: Kind) {
        self.at = at
        self.byID = byID
        self.kind = kind
    }
}
