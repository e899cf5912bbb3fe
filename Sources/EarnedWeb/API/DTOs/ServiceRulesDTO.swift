import EarnedDomain
import Vapor

/// The owner's settings in the API's shape: snake_case, minutes and hours rather than seconds.
struct ServiceRulesDTO: APIObject {
    struct TargetDTO: Content {
        var first_response_minutes: Double
        var resolution_hours: Double
    }

    struct LocationRulesDTO: APIObject {
        var location_id: UUID
        var handover: String
        var follow_up_days: [Int]
        var reply_targets: [String: TargetDTO]
    }

    var reminder_lead_minutes: [String: Int]
    var locations: [LocationRulesDTO]

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
                    }))
        }
    }
}
