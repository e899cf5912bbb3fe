import EarnedDomain
import Foundation

/// The service rules as the owner's form holds them: reminder leads per promise kind, and per
/// location the hand-over contact, the follow-up days and the reply targets per channel; read
/// into the rules the settings store checks, each of its problems put back at the field.
struct ServiceSettingsForm {
    var values: [String: String]

    init(values: [String: String]) {
        self.values = values
    }

    /// The form filled with the rules in force at these locations.
    init(_ rules: ServiceRules, locations: [Location]) {
        var values: [String: String] = [:]
        for kind in Promise.Kind.allCases {
            values["lead_\(kind.rawValue)"] = "\(rules.reminders.leadMinutes(for: kind))"
        }
        for location in locations {
            let id = location.id.description
            let policy = rules.afterSale(at: location.id)
            values["handover_\(id)"] = policy.handover.rawValue
            values["offsets_\(id)"] = policy.offsetsDays.map(String.init).joined(separator: ", ")
            let targets = rules.replyTargets(at: location.id)
            for channel in InboundContact.Channel.allCases {
                let target = targets.target(for: channel, priority: .normal)
                values["first_\(id)_\(channel.rawValue)"] = "\(Int((target.firstResponse / 60).rounded()))"
                values["resolve_\(id)_\(channel.rawValue)"] = Self.hours(target.resolution)
            }
            for priority in Priority.allCases {
                let factor = targets.priorityFactors[priority] ?? ReplyTargets.defaultPriorityFactors[priority] ?? 1
                values["factor_\(id)_\(priority.rawValue)"] = Self.number(factor * 100)
            }
            values["warn_fraction_\(id)"] = Self.number(targets.warning.fraction * 100)
            values["warn_min_\(id)"] = Self.number(targets.warning.minimum / 60)
        }
        for priority in Priority.allCases {
            let target = rules.caseTargets.target(for: priority)
            values["case_first_\(priority.rawValue)"] = Self.hours(target.firstResponse)
            values["case_resolve_\(priority.rawValue)"] = Self.hours(target.resolution)
        }
        values["case_warn_fraction"] = Self.number(rules.caseTargets.warning.fraction * 100)
        values["case_warn_min"] = Self.number(rules.caseTargets.warning.minimum / 60)
        self.values = values
    }

    static func hours(_ seconds: TimeInterval) -> String { number(seconds / 3600) }

    /// A whole number as it is, else one decimal.
    static func number(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value))" : String(format: "%.1f", value)
    }

    /// The rules in force with the form's changes at these locations, or every field that does
    /// not read (`DomainError.invalid`).
    func rules(from current: ServiceRules, locations: [Location]) throws(DomainError) -> ServiceRules {
        var rules = current
        var errors: [FieldError] = []
        func number(_ field: String) -> Double? {
            let text = values[field] ?? ""
            let cleaned = text.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
            guard let n = Double(cleaned), n.isFinite else {
                errors.append(FieldError(field: field, code: .invalidFormat, detail: "a number"))
                return nil
            }
            return n
        }
        var leads: [Promise.Kind: Int] = [:]
        for kind in Promise.Kind.allCases {
            if let n = number("lead_\(kind.rawValue)") { leads[kind] = Int(n) }
        }
        rules.reminders = PromiseReminderPolicy(overrideMinutes: leads)
        for location in locations {
            let id = location.id.description
            var offsets: [Int] = []
            for part in (values["offsets_\(id)"] ?? "").split(whereSeparator: { $0 == "," || $0 == " " || $0 == ";" }) {
                guard let days = Int(part) else {
                    errors.append(
                        FieldError(field: "offsets_\(id)", code: .invalidFormat, detail: "days, e.g. 1, 7, 30"))
                    break
                }
                offsets.append(days)
            }
            rules.afterSale[location.id] = AfterSalePolicy(
                handover: AfterSalePolicy.HandoverContact(rawValue: values["handover_\(id)"] ?? "") ?? .visit,
                offsetsDays: offsets)
            var targets = rules.replyTargets(at: location.id)
            for channel in InboundContact.Channel.allCases {
                let first = number("first_\(id)_\(channel.rawValue)")
                let resolve = number("resolve_\(id)_\(channel.rawValue)")
                if let first, let resolve {
                    targets.base[channel] = ServiceTarget(firstResponse: first * 60, resolution: resolve * 3600)
                }
            }
            for priority in Priority.allCases {
                if let percent = number("factor_\(id)_\(priority.rawValue)") {
                    targets.priorityFactors[priority] = percent / 100
                }
            }
            if let fraction = number("warn_fraction_\(id)"), let minimum = number("warn_min_\(id)") {
                targets.warning = WarningLead(fraction: fraction / 100, minimum: minimum * 60)
            }
            rules.replyTargets[location.id] = targets
        }
        var cases = rules.caseTargets
        for priority in Priority.allCases {
            let first = number("case_first_\(priority.rawValue)")
            let resolve = number("case_resolve_\(priority.rawValue)")
            if let first, let resolve {
                cases.byPriority[priority] = ServiceTarget(firstResponse: first * 3600, resolution: resolve * 3600)
            }
        }
        if let fraction = number("case_warn_fraction"), let minimum = number("case_warn_min") {
            cases.warning = WarningLead(fraction: fraction / 100, minimum: minimum * 60)
        }
        rules.caseTargets = cases
        guard errors.isEmpty else { throw .invalid(errors) }
        return rules
    }

    /// A problem the settings store names by the rules' path, at the field the owner typed into.
    static func field(of error: FieldError) -> FieldError {
        var e = error
        let parts = e.field.split(separator: ".").map(String.init)
        if parts.first == "after_sale", parts.count > 1 {
            e.field = "offsets_\(parts[1])"
        } else if parts.first == "reply_targets", parts.count > 4, parts[2] == "base" {
            e.field = (parts[4] == "first_response" ? "first_" : "resolve_") + "\(parts[1])_\(parts[3])"
        } else if parts.first == "reply_targets", parts.count > 3, parts[2] == "priority_factors" {
            e.field = "factor_\(parts[1])_\(parts[3])"
        } else if parts.first == "reply_targets", parts.count > 3, parts[2] == "warning" {
            e.field = (parts[3] == "fraction" ? "warn_fraction_" : "warn_min_") + parts[1]
        } else if parts.first == "case_targets", parts.count > 3, parts[1] == "by_priority" {
            e.field = (parts[3] == "first_response" ? "case_first_" : "case_resolve_") + parts[2]
        } else if parts.first == "case_targets", parts.count > 2, parts[1] == "warning" {
            e.field = parts[2] == "fraction" ? "case_warn_fraction" : "case_warn_min"
        } else if parts.first == "lead_minutes", parts.count > 1 {
            e.field = "lead_\(parts[1])"
        }
        return e
    }
}
