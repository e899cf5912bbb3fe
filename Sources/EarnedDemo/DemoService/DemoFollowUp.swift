import EarnedDomain
import Foundation

/// The structured outcome of one after-sale task of the demo history (the task itself keeps
/// only a summary in words): which order and step, who made the contact and when, and what
/// came of it.
public struct DemoFollowUp: Hashable, Codable, Sendable {
    /// The task's key, "aftersale:<order>:<step>".
    public var taskKey: String
    public var orderID: OrderID
    public var customerID: CustomerID
    public var step: FollowUpStep
    public var staffID: StaffID
    public var at: Date
    public var outcome: FollowUpOutcome
    /// The case opened for the problem found, if any.
    public var caseID: CaseID?

    public init(
        taskKey: String, orderID: OrderID, customerID: CustomerID, step: FollowUpStep, staffID: StaffID, at: Date,
        outcome: FollowUpOutcome, caseID: CaseID? = nil
    ) {
        self.taskKey = taskKey
        self.orderID = orderID
        self.customerID = customerID
        self.step = step
        self.staffID = staffID
        self.at = at
        self.outcome = outcome
        self.caseID = caseID
    }
}
