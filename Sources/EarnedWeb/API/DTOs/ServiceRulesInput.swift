import EarnedDomain
import Vapor

struct ServiceRulesInput: Content {
    struct LocationRules: Content {
        var location_id: UUID?
        var handover: AfterSalePolicy.HandoverContact?
        var follow_up_days: [Int]?
        var reply_targets: [String: ServiceRulesDTO.TargetDTO]?
        var priority_factors: [String: Double]?
        var reply_warning: ServiceRulesDTO.WarningDTO?
    }

    struct CaseTargetsInput: Content {
        var by_priority: [String: ServiceRulesDTO.TargetDTO]?
        var warning: ServiceRulesDTO.WarningDTO?
    }

    var reminder_lead_minutes: [String: Int]?
    var locations: [LocationRules]?
    var case_targets: CaseTargetsInput?

    /// The rules after this change: what it leaves out keeps its value.
    func applied(to current: ServiceRules, visible: [Location]) throws -> ServiceRules {
        var rules = current
        var errors: [FieldError] = []
        if let leads = reminder_lead_minutes {
            var overrides = rules.reminders.overrideMinutes
            for (key, minutes) in leads {
                guard let kind = Promise.Kind(rawValue: key) else {
                    errors.append(FieldError(field: "reminder_lead_minutes.\(key)", code: .invalidChoice))
                    continue
                }
                overrides[kind] = minutes
            }
            rules.reminders = PromiseReminderPolicy(overrideMinutes: overrides)
        }
        for (index, entry) in (locations ?? []).enumerated() {
            guard let id = entry.location_id.map(LocationID.init), visible.contains(where: { $0.id == id }) else {
                errors.append(FieldError(field: "locations.\(index).location_id", code: .unknownReference))
                continue
            }
            var policy = rules.afterSale(at: id)
            if let handover = entry.handover { policy.handover = handover }
            if let days = entry.follow_up_days { policy.offsetsDays = days }
            rules.afterSale[id] = policy
            var targets = rules.replyTargets(at: id)
            for (key, target) in entry.reply_targets ?? [:] {
                guard let channel = InboundContact.Channel(rawValue: key) else {
                    errors.append(FieldError(field: "locations.\(index).reply_targets.\(key)", code: .invalidChoice))
                    continue
                }
                targets.base[channel] = ServiceTarget(
                    firstResponse: target.first_response_minutes * 60, resolution: target.resolution_hours * 3600)
            }
            for (key, factor) in entry.priority_factors ?? [:] {
                guard let priority = Priority(rawValue: key) else {
                    errors.append(FieldError(field: "locations.\(index).priority_factors.\(key)", code: .invalidChoice))
                    continue
                }
                targets.priorityFactors[priority] = factor
            }
            if let warning = entry.reply_warning { targets.warning = warning.domain }
            rules.replyTargets[id] = targets
        }
        if let cases = case_targets {
            for (key, target) in cases.by_priority ?? [:] {
                guard let priority = Priority(rawValue: key) else {
                    errors.append(FieldError(field: "case_targets.by_priority.\(key)", code: .invalidChoice))
                    continue
                }
                rules.caseTargets.byPriority[priority] = ServiceTarget(
                    firstResponse: target.first_response_minutes * 60, resolution: target.resolution_hours * 3600)
            }
            if let warning = cases.warning { rules.caseTargets.warning = warning.domain }
        }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        return rules
    }
}
