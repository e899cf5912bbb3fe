import EarnedDomain
import Vapor

/// The owner's settings in the API's shape: snake_case, minutes and hours rather than seconds.
struct ServiceRulesDTO: APIObject {
    struct TargetDTO: Content {
        var first_response_minutes: Double
        var resolution_hours: Double
    }

    /// A warning before a target: with `fraction` of it left, at least `minimum_minutes`.
    struct WarningDTO: Content {
        var fraction: Double
        var minimum_minutes: Double

        init(_ w: WarningLead) {
            fraction = w.fraction
            minimum_minutes = w.minimum / 60
        }

        var domain: WarningLead { WarningLead(fraction: fraction, minimum: minimum_minutes * 60) }
    }

    struct LocationRulesDTO: APIObject {
        var location_id: UUID
        var handover: String
        var follow_up_days: [Int]
        var reply_targets: [String: TargetDTO]
        /// Multipliers of the normal-priority reply targets: urgent 0.25, high 0.5…
        var priority_factors: [String: Double]
        var reply_warning: WarningDTO
    }

    struct CaseTargetsDTO: Content {
        /// First response and resolution per priority, in business hours (minutes for the first).
        var by_priority: [String: TargetDTO]
        var warning: WarningDTO
    }

    var reminder_lead_minutes: [String: Int]
    var locations: [LocationRulesDTO]
    var case_targets: CaseTargetsDTO

    init(_ rules: ServiceRules, locations: [Location]) {
        reminder_lead_minutes = Dictionary(
            uniqueKeysWithValues: Promise.Kind.allCases.map { ($0.rawValue, rules.reminders.leadMinutes(for: $0)) })
        self.locations = locations.map { location in
            let policy = rules.afterSale(at: location.id)
            let targets = rules.replyTargets(at: location.id)
            return LocationRulesDTO(
                location_id: location.id.rawValue, handover: policy.handover.rawValue,
                follow_up_days: policy.offsetsDays,
                reply_targets: Dictionary(
                    uniqueKeysWithValues: InboundContact.Channel.allCases.map { channel in
                        let t = targets.target(for: channel, priority: .normal)
                        return (
                            channel.rawValue,
                            TargetDTO(
                                first_response_minutes: t.firstResponse / 60, resolution_hours: t.resolution / 3600)
                        )
                    }),
                priority_factors: Dictionary(
                    uniqueKeysWithValues: Priority.allCases.map {
                        ($0.rawValue, targets.priorityFactors[$0] ?? ReplyTargets.defaultPriorityFactors[$0] ?? 1)
                    }), reply_warning: WarningDTO(targets.warning))
        }
        case_targets = CaseTargetsDTO(
            by_priority: Dictionary(
                uniqueKeysWithValues: Priority.allCases.map { priority in
                    let t = rules.caseTargets.target(for: priority)
                    return (
                        priority.rawValue,
                        TargetDTO(first_response_minutes: t.firstResponse / 60, resolution_hours: t.resolution / 3600)
                    )
                }), warning: WarningDTO(rules.caseTargets.warning))
    }
}
