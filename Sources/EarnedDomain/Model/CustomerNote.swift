import Foundation

public typealias CustomerNoteID = Identifier<CustomerNote>

/// A note a staff member wrote about a customer.
public struct CustomerNote: Hashable, Codable, Sendable, Identifiable {
    public var id: CustomerNoteID
    public var customerID: CustomerID
    public var authorID: StaffID?
    public var text: String
    public var createdAt: Date

    public init(
        id: CustomerNoteID = CustomerNoteID(), customerID: CustomerID, authorID: StaffID?, text: String, createdAt: Date
    ) {
        self.id = id
        self.customerID = customerID
        self.authorID = authorID
        self.text = text
        self.createdAt = createdAt
    }

    public static let textLimit = 4000
}
