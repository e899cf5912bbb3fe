import Foundation

/// The order in which staff should pick up unresolved contacts.
public enum ContactQueue {
    /// One contact with its reply clock's result.
    public typealias Item = (contact: InboundContact, status: ReplyClock.Result)

    /// Unresolved contacts, most urgent first: by the business time left on their most urgent
    /// running target, ascending, so breached contacts come first with the most overdue leading;
    /// ties by the time received (oldest first), then by id. Resolved contacts are left out.
    public static func ordered(_ items: [Item]) -> [Item] {
        items.filter { !$0.contact.isResolved && $0.status.mostUrgent != nil }
            .sorted { a, b in
                let left = (urgency(a.status), urgency(b.status))
                if left.0 != left.1 { return left.0 < left.1 }
                if a.contact.receivedAt != b.contact.receivedAt { return a.contact.receivedAt < b.contact.receivedAt }
                return a.contact.id.description < b.contact.id.description
            }
    }

    /// The business seconds left on the most urgent running target (negative when overdue).
    static func urgency(_ result: ReplyClock.Result) -> TimeInterval {
        result.mostUrgent?.businessSecondsLeft ?? .infinity
    }
}
