import EarnedDomain
import Foundation

/// One message read from the mailbox: its bytes, or only its header when it is over the size
/// limit (`complete` false).
public struct FetchedMail: Sendable, Hashable {
    public var uid: UInt64
    public var size: Int
    public var bytes: [UInt8]
    public var complete: Bool

    public init(uid: UInt64, size: Int, bytes: [UInt8], complete: Bool) {
        self.uid = uid
        self.size = size
        self.bytes = bytes
        self.complete = complete
    }
}

public struct MailboxFetch: Sendable, Hashable {
    /// Where the mailbox stands after these messages.
    public var position: MailboxPosition
    public var messages: [FetchedMail]

    public init(position: MailboxPosition, messages: [FetchedMail]) {
        self.position = position
        self.messages = messages
    }
}

/// How Earned reads the shop's mailbox (IMAP), leaving it as it was: nothing is marked read,
/// moved or deleted. The web layer passes its client; tests pass a real server on loopback.
public protocol MailboxReader: Sendable {
    /// Up to `limit` messages of `folder` after `position`, oldest first; those over
    /// `sizeLimit` bytes as their header only. With no position, or one of another
    /// UIDVALIDITY, nothing is read: the answer says where the mailbox stands now, so only
    /// mail that arrives after it was set up becomes contacts.
    func fetch(
        _ endpoint: MailEndpoint, folder: String, after position: MailboxPosition?, limit: Int, sizeLimit: Int
    ) async throws(MailTransportError) -> MailboxFetch

    /// Connects, signs in, opens the folder and leaves: the settings page's check.
    func check(_ endpoint: MailEndpoint, folder: String) async throws(MailTransportError)
}
