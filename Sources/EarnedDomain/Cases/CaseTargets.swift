import Foundation

/// How fast service cases should get a first response and be resolved, in business seconds:
/// a default for every priority, with per-priority overrides. A partial JSON document decodes
/// with the defaults filling the gaps.
public struct CaseTargets: Hashable, Codable, Sendable {
    /// Used for priorities without an override: 4 business hours to respond, 48 to resolve.
    public var standard: ServiceTarget
    public var byPriority: [Priority: ServiceTarget]
    public var warning: WarningLead

    /// First response within 4 business hours, resolution within 48.
    public static let defaultTarget = ServiceTarget(firstResponse: 4 * 3600, resolution: 48 * 3600)

    public init(
        standard: ServiceTarget = defaultTarget, byPriority: [Priority: ServiceTarget] = [:],
        warning: WarningLead = .standard
    ) {
        self.standard = standard
        self.byPriority = byPriority
        self.warning = warning
    }

    /// The priority's override, else the standard target.
    public func target(for priority: Priority) -> ServiceTarget { byPriority[priority] ?? standard }

    /// The warning lead for a target, in business seconds.
    public func warningLead(for target: TimeInterval) -> TimeInterval { warning.lead(for: target) }

    /// Every target positive and finite, resolution not shorter than first response; the warning
    /// sensible.
    public var problems: [FieldError] {
        var errors = standard.problems(field: "standard")
        for priority in Priority.allCases {
            if let target = byPriority[priority] {
                errors += target.problems(field: "by_priority.\(priority.rawValue)")
            }
        }
        return errors + warning.problems(field: "warning")
    }

    /// Throws `.invalid` with `problems` unless there are none.
    public func validate() throws(DomainError) {
        let problems = problems
        if !problems.isEmpty { throw .invalid(problems) }
    }

    enum CodingKeys: String, CodingKey {
        case standard
        case byPriority = "by_priority"
        case warning
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            standard: try container.decodeIfPresent(ServiceTarget.self, forKey: .standard) ?? Self.defaultTarget,
            byPriority: try container.decodeIfPresent([Priority: ServiceTarget].self, forKey: .byPriority) ?? [:],
            warning: try container.decodeIfPresent(WarningLead.self, forKey: .warning) ?? .standard)
    }
}
