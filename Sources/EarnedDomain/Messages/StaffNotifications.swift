import Foundation

/// What a member of staff may be told by e-mail as it happens, rather than finding it on Today.
public enum NotificationKind: String, Codable, Sendable, CaseIterable {
    /// A customer gave a low survey score: the call-back is theirs.
    case lowScore = "low_score"
    /// A contact's reply target was missed and escalated to them.
    case escalation
    /// A promise of theirs is about to be late.
    case promiseDueSoon = "promise_due_soon"
    /// A case was handed or transferred to them.
    case caseHanded = "case_handed"
    /// A weekly control chart of the business moved out of its usual range (owners).
    case chartJump = "chart_jump"

    /// The notice a new task of `kind` gives its assignee, if any.
    public static func about(_ kind: ServiceTask.Kind) -> NotificationKind? {
        switch kind {
        case .surveyFollowUp: .lowScore
        case .replyEscalation: .escalation
        case .promiseReminder: .promiseDueSoon
        default: nil
        }
    }
}

/// One person's choices: which notices they get by e-mail, and when they may arrive (in the
/// time of their home location; a notice that falls in the quiet hours waits for the morning).
public struct NotificationPreferences: Codable, Hashable, Sendable {
    public var email: Bool
    public var kinds: Set<NotificationKind>
    /// When notices may arrive, as minutes of the day: 08:00–21:00 unless the person says otherwise.
    public var hours: QuietHours
    /// One message a day (at the start of their hours) with the day's notices, instead of one
    /// message each.
    public var digest: Bool

    public static let standard = NotificationPreferences(
        email: true, kinds: Set(NotificationKind.allCases), hours: QuietHours(sendFrom: 8 * 60, sendUntil: 21 * 60))

    public init(email: Bool, kinds: Set<NotificationKind>, hours: QuietHours, digest: Bool = false) {
        self.email = email
        self.kinds = kinds
        self.hours = hours
        self.digest = digest
    }

    enum CodingKeys: String, CodingKey {
        case email, kinds, hours, digest
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        email = try c.decode(Bool.self, forKey: .email)
        // A kind this version does not know (stored by a newer one) is left out, not an error.
        kinds = Set(try c.decode([String].self, forKey: .kinds).compactMap(NotificationKind.init(rawValue:)))
        hours = try c.decode(QuietHours.self, forKey: .hours)
        // Stored before the digest existed: single messages.
        digest = try c.decodeIfPresent(Bool.self, forKey: .digest) ?? false
    }

    public func wants(_ kind: NotificationKind) -> Bool { email && kinds.contains(kind) }
}
