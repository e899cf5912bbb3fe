import EarnedDomain
import EarnedStore
import Vapor

/// The service rules page: promise reminder lead times, and per location the after-sale policy
/// and the reply targets per channel.
extension SettingsController {
    static func serviceValues(_ rules: ServiceRules, locations: [Location]) -> [String: String] {
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
        }
        return values
    }

    static func hours(_ seconds: TimeInterval) -> String {
        let h = seconds / 3600
        return h == h.rounded() ? "\(Int(h))" : String(format: "%.1f", h)
    }

    func service(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageIntegrations)
        let rules = try await req.settings.service()
        return renderService(
            req, viewer: viewer, values: Self.serviceValues(rules, locations: viewer.locations), errors: [],
            saved: req.query[String.self, at: "saved"] != nil)
    }

    func renderService(
        _ req: Request, viewer: ViewerContext, values: [String: String], errors: [FieldError], saved: Bool = false
    ) -> Response {
        Layout.response(
            ServiceSettingsPage(viewer: viewer, values: values, errors: errors, saved: saved).body,
            title: viewer.s.serviceRulesTitle, request: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func saveService(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageIntegrations)
        let values = try req.content.decode([String: String].self)
        var errors: [FieldError] = []
        func number(_ field: String, _ text: String?) -> Double? {
            let cleaned = (text ?? "").trimmingCharacters(in: .whitespaces).replacingOccurrences(of: ",", with: ".")
            guard let n = Double(cleaned), n.isFinite else {
                errors.append(FieldError(field: field, code: .invalidFormat, detail: "a number"))
                return nil
            }
            return n
        }
        var rules = try await req.settings.service()
        var leads: [Promise.Kind: Int] = [:]
        for kind in Promise.Kind.allCases {
            if let n = number("lead_\(kind.rawValue)", values["lead_\(kind.rawValue)"]) { leads[kind] = Int(n) }
        }
        rules.reminders = PromiseReminderPolicy(overrideMinutes: leads)
        for location in viewer.locations {
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
                let first = number("first_\(id)_\(channel.rawValue)", values["first_\(id)_\(channel.rawValue)"])
                let resolve = number("resolve_\(id)_\(channel.rawValue)", values["resolve_\(id)_\(channel.rawValue)"])
                if let first, let resolve {
                    targets.base[channel] = ServiceTarget(firstResponse: first * 60, resolution: resolve * 3600)
                }
            }
            rules.replyTargets[location.id] = targets
        }
        do {
            if !errors.isEmpty { throw DomainError.invalid(errors) }
            try await req.settings.changeService(rules, actor: viewer.staff, now: req.now)
        } catch let error as DomainError {
            guard case .invalid(let fields) = error else { throw error }
            // Each problem at the field the owner typed into.
            let mapped = fields.map { e -> FieldError in
                var e = e
                let parts = e.field.split(separator: ".").map(String.init)
                if parts.first == "after_sale", parts.count > 1 {
                    e.field = "offsets_\(parts[1])"
                } else if parts.first == "reply_targets", parts.count > 4, parts[2] == "base" {
                    e.field = (parts[4] == "first_response" ? "first_" : "resolve_") + "\(parts[1])_\(parts[3])"
                } else if parts.first == "lead_minutes", parts.count > 1 {
                    e.field = "lead_\(parts[1])"
                }
                return e
            }
            return renderService(req, viewer: viewer, values: values, errors: mapped)
        }
        return req.redirect(to: SiteURL.serviceSettings.path + "?saved=1")
    }
}
