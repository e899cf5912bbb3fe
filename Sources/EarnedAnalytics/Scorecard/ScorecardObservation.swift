import EarnedDomain
import Foundation

/// One record behind a scorecard figure: when it counts, who and where it belongs to, whether
/// it met the step (or its value), and for the consistency step the slot it fell in. The
/// record's id lets a page list exactly the records that make a figure.
public struct ScorecardObservation: Sendable, Hashable, Codable {
    public var step: ScorecardStep
    /// The id of the promise, order, case, contact, answer or affected customer.
    public var recordID: UUID
    public var at: Date
    public var locationID: LocationID?
    public var staffID: StaffID?
    /// Whether the record met the step (satisfied, kept, on time, answered…).
    public var success: Bool
    /// A measured value: the CSAT score, the first-reply or fix time in seconds.
    public var value: Double?
    /// For `buildTrust`: the slot the record fell in (e.g. location and shift).
    public var slot: String?
    /// What kind of record `recordID` names ("promise", "order", "contact", "case", "answer",
    /// "customer"), so a list of the records can link to each.
    public var recordKind: String?

    public init(
        step: ScorecardStep, recordID: UUID, at: Date, locationID: LocationID?, staffID: StaffID?, success: Bool,
        value: Double? = nil, slot: String? = nil, recordKind: String? = nil
    ) {
        self.step = step
        self.recordID = recordID
        self.at = at
        self.locationID = locationID
        self.staffID = staffID
        self.success = success
        self.value = value
        self.slot = slot
        self.recordKind = recordKind
    }
}

/// Whose figures a scorecard shows.
public enum ScorecardScope: Hashable, Sendable, Codable {
    case business
    case location(LocationID)
    /// A team: the staff of one department.
    case team(String)
    case person(StaffID)

    /// A stable key, e.g. "location:<uuid>".
    public var key: String {
        switch self {
        case .business: "business"
        case .location(let id): "location:\(id)"
        case .team(let name): "team:\(name)"
        case .person(let id): "person:\(id)"
        }
    }

    /// Whether an observation belongs to this scope; `department` tells a person's team.
    public func contains(_ o: ScorecardObservation, department: (StaffID) -> String?) -> Bool {
        switch self {
        case .business: true
        case .location(let id): o.locationID == id
        case .team(let name): o.staffID.flatMap(department) == name
        case .person(let id): o.staffID == id
        }
    }
}
