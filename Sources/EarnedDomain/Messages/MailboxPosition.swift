import Foundation

/// Where Earned stands in a mailbox it reads: the folder's UIDVALIDITY and the last UID taken.
/// Every new message has a higher UID; a new UIDVALIDITY means the folder was made anew.
public struct MailboxPosition: Codable, Sendable, Hashable {
    public var uidValidity: UInt64
    public var lastUID: UInt64

    public init(uidValidity: UInt64, lastUID: UInt64) {
        self.uidValidity = uidValidity
        self.lastUID = lastUID
    }
}
