import Foundation

/// How fast inbound contacts should be answered and resolved, in business seconds, per channel
/// and priority. Configurable per business; every part has a default, and a partial JSON
/// document decodes with the defaults filling the gaps.
///
/// A target for (channel, priority) is the explicit override for that pair when there is one,
/// otherwise the channel's normal-priority target times the priority's factor.
public struct ReplyTargets: Hashable, Codable, Sendable {
    /// An explicit target for one channel and priority, winning over the computed one.
    public struct Override: Hashable, Codable, Sendable {
        public var channel: InboundContact.Channel
        public var priority: Priority
        public var target: ServiceTarget

        public init(channel: InboundContact.Channel, priority: Priority, target: ServiceTarget) {
            self.channel = channel
            self.priority = priority
            self.target = target
        }
    }

    /// Normal-priority targets per channel.
    public var base: [InboundContact.Channel: ServiceTarget]
    /// Multipliers of the normal-priority targets per priority.
    public var priorityFactors: [Priority: Double]
    public var overrides: [Override]
    public var warning: WarningLead

    static let minute: TimeInterval = 60
    static let hour: TimeInterval = 3600

    /// Call 1 h / 8 h, e-mail 4 h / 24 h, chat 10 min / 4 h, messenger 30 min / 8 h,
    /// review 8 h / 48 h, visit 15 min / 8 h (first response / resolution).
    public static let defaultBase: [InboundContact.Channel: ServiceTarget] = [
        .call: ServiceTarget(firstResponse: 1 * hour, resolution: 8 * hour),
        .email: ServiceTarget(firstResponse: 4 * hour, resolution: 24 * hour),
        .chat: ServiceTarget(firstResponse: 10 * minute, resolution: 4 * hour),
        .messenger: ServiceTarget(firstResponse: 30 * minute, resolution: 8 * hour),
        .review: ServiceTarget(firstResponse: 8 * hour, resolution: 48 * hour),
        .visit: ServiceTarget(firstResponse: 15 * minute, resolution: 8 * hour),
    ]

    /// Urgent ×0.25, high ×0.5, normal ×1, low ×2.
    public static let defaultPriorityFactors: [Priority: Double] = [
        .urgent: 0.25, .high: 0.5, .normal: 1, .low: 2,
    ]

    /// The defaults above, no overrides, the standard warning.
    public static let standard = ReplyTargets()

    public init(
        base: [InboundContact.Channel: ServiceTarget] = defaultBase,
        priorityFactors: [Priority: Double] = defaultPriorityFactors, overrides: [Override] = [],
        warning: WarningLead = .standard
    ) {
        self.base = base
        self.priorityFactors = priorityFactors
        self.overrides = overrides
        self.warning = warning
    }

    /// The target for a channel and priority (see the type's rule). A channel or priority left
    /// out of `base` or `priorityFactors` uses the default.
    public func target(for channel: InboundContact.Channel, priority: Priority) -> ServiceTarget {
        if let override = overrides.last(where: { $0.channel == channel && $0.priority == priority }) {
            return override.target
        }
        let normal = base[channel] ?? Self.defaultBase[channel]!
        let factor = priorityFactors[priority] ?? Self.defaultPriorityFactors[priority]!
        return normal.scaled(by: factor)
    }

    /// Sets (or replaces) the explicit target of one channel and priority.
    public mutating func setOverride(_ target: ServiceTarget, for channel: InboundContact.Channel, priority: Priority) {
        overrides.removeAll { $0.channel == channel && $0.priority == priority }
        overrides.append(Override(channel: channel, priority: priority, target: target))
    }

    /// The warning lead for a target, in business seconds.
    public func warningLead(for target: TimeInterval) -> TimeInterval { warning.lead(for: target) }

    /// Every target positive and finite, resolution not shorter than first response; factors
    /// positive; the warning sensible.
    public var problems: [FieldError] {
        var errors: [FieldError] = []
        for channel in InboundContact.Channel.allCases {
            if let target = base[channel] { errors += target.problems(field: "base.\(channel.rawValue)") }
        }
        for priority in Priority.allCases {
            if let factor = priorityFactors[priority], !(factor.isFinite && factor > 0) {
                errors.append(
                    FieldError(
                        field: "priority_factors.\(priority.rawValue)", code: .outOfRange, detail: "more than 0"))
            }
        }
        for (index, override) in overrides.enumerated() {
            errors += override.target.problems(field: "overrides.\(index)")
        }
        return errors + warning.problems(field: "warning")
    }

    /// Throws `.invalid` with `problems` unless there are none.
    public func validate() throws(DomainError) {
        let problems = problems
        if !problems.isEmpty { throw .invalid(problems) }
    }

    enum CodingKeys: String, CodingKey {
        case base
        case priorityFactors = "priority_factors"
        case overrides
        case warning
    }

    public init(from decoder: Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            base: try container.decodeIfPresent([InboundContact.Channel: ServiceTarget].self, forKey: .base)
                ?? Self.defaultBase,
            priorityFactors: try container.decodeIfPresent([Priority: Double].self, forKey: .priorityFactors)
                ?? Self.defaultPriorityFactors,
            overrides: try container.decodeIfPresent([Override].self, forKey: .overrides) ?? [],
            warning: try container.decodeIfPresent(WarningLead.self, forKey: .warning) ?? .standard)
    }
}
