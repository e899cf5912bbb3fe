import Foundation

public typealias AbsenceID = Identifier<Absence>

/// A person away (a holiday, a sick day) and the colleague who covers: while it lasts, the
/// person's open work — tasks, promises, contacts they answer, and the cases they hold — is with
/// the cover, and new work meant for them goes to the cover too. When it ends, what the cover
/// still holds of the handed work goes back; what the cover finished stays finished.
public struct Absence: Hashable, Codable, Sendable, Identifiable {
    /// One piece of handed work, to hand exactly that back.
    public struct Work: Hashable, Codable, Sendable {
        public enum Kind: String, Codable, Sendable, CaseIterable {
            case task
            case promise
            case contact
            case serviceCase = "case"
        }

        public var kind: Kind
        public var id: UUID

        public init(kind: Kind, id: UUID) {
            self.kind = kind
            self.id = id
        }
    }

    public var id: AbsenceID
    public var staffID: StaffID
    public var coverID: StaffID
    public var startsAt: Date
    public var endsAt: Date
    public var reason: String?
    public var createdByID: StaffID
    public var createdAt: Date
    /// When the open work went to the cover; nil until the absence has started.
    public var handedOverAt: Date?
    /// When it came back; nil until the absence has ended.
    public var handedBackAt: Date?
    /// What was handed over.
    public var handed: [Work]

    public init(
        id: AbsenceID = AbsenceID(), staffID: StaffID, coverID: StaffID, startsAt: Date, endsAt: Date,
        reason: String? = nil, createdByID: StaffID, createdAt: Date, handedOverAt: Date? = nil,
        handedBackAt: Date? = nil, handed: [Work] = []
    ) {
        self.id = id
        self.staffID = staffID
        self.coverID = coverID
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.reason = reason
        self.createdByID = createdByID
        self.createdAt = createdAt
        self.handedOverAt = handedOverAt
        self.handedBackAt = handedBackAt
        self.handed = handed
    }

    public static let reasonLimit = 200
    /// The longest absence recorded at once.
    public static let longest: TimeInterval = 366 * 86_400

    /// Whether the person is away at `now`.
    public func isActive(at now: Date) -> Bool { startsAt <= now && now < endsAt && handedBackAt == nil }

    /// Ends the absence early (the person is back): it ends now.
    public mutating func end(at now: Date) throws(DomainError) {
        guard handedBackAt == nil, now < endsAt else { throw .conflict("the absence has ended") }
        endsAt = max(now, startsAt)
    }
}

/// What a manager enters to mark someone absent.
public struct AbsenceDraft: Hashable, Codable, Sendable {
    public var staffID: StaffID?
    public var coverID: StaffID?
    public var startsAt: Date?
    public var endsAt: Date?
    public var reason: String?

    public init(
        staffID: StaffID? = nil, coverID: StaffID? = nil, startsAt: Date? = nil, endsAt: Date? = nil,
        reason: String? = nil
    ) {
        self.staffID = staffID
        self.coverID = coverID
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.reason = reason
    }

    /// An absence that ends after it starts and after now, lasts at most `Absence.longest`, and
    /// is covered by someone else.
    public func validated(id: AbsenceID, by actor: StaffID, now: Date) throws(DomainError) -> Absence {
        var v = Validator()
        if staffID == nil { v.add("staff_id", .required) }
        if coverID == nil {
            v.add("cover_id", .required)
        } else if coverID == staffID {
            v.add("cover_id", .inconsistent, detail: "someone other than the person away")
        }
        let starts = startsAt ?? now
        if let endsAt {
            if endsAt <= starts {
                v.add("ends_at", .inconsistent, detail: "after the start")
            } else if endsAt <= now {
                v.add("ends_at", .outOfRange, detail: "in the future")
            } else if endsAt.timeIntervalSince(starts) > Absence.longest {
                v.add("ends_at", .outOfRange, detail: "at most a year after the start")
            }
        } else {
            v.add("ends_at", .required)
        }
        if starts > now + Absence.longest { v.add("starts_at", .outOfRange, detail: "within a year") }
        let reason = v.text("reason", reason, max: Absence.reasonLimit)
        try v.check()
        return Absence(
            id: id, staffID: staffID!, coverID: coverID!, startsAt: starts, endsAt: endsAt!, reason: reason,
            createdByID: actor, createdAt: now)
    }
}
