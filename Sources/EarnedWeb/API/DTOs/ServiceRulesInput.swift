import EarnedDomain
import EarnedStore
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

struct ServiceRulesInput: Content {
    struct LocationRules: Content {
        var location_id: UUID?
        var handover: AfterSalePolicy.HandoverContact?
        var follow_up_days: [Int]?
        var reply_targets: [String: ServiceRulesDTO.TargetDTO]?
    }

    var reminder_lead_minutes: [String: Int]?
    var locations: [LocationRules]?

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
            rules.replyTargets[id] = targets
        }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        return rules
    }
}

struct OutreachSettingsDTO: APIObject {
    struct TemplateDTO: Content {
        var occasion: GreetingOccasion.Kind
        var language: String
        var text: String
    }

    struct HolidayDTO: Content {
        var id: String
        var month: Int
        var day: Int
        var name_ru: String
        var name_en: String
    }

    var greetings_enabled: Bool
    var max_touches: Int
    var window_days: Int
    var send_from: String
    var send_until: String
    var templates: [TemplateDTO]
    var disabled_holidays: [String]
    var custom_holidays: [HolidayDTO]

    init(_ s: OutreachSettings) {
        greetings_enabled = s.greetingsEnabled
        max_touches = s.budget.maxTouches
        window_days = s.budget.windowDays
        send_from = SettingsController.clock(s.quietHours.sendFrom)
        send_until = SettingsController.clock(s.quietHours.sendUntil)
        templates = s.templates.map { TemplateDTO(occasion: $0.occasion, language: $0.language, text: $0.text) }
        disabled_holidays = s.holidays.disabledIDs.sorted()
        custom_holidays = s.holidays.custom.map {
            HolidayDTO(id: $0.id, month: $0.month, day: $0.day, name_ru: $0.nameRu, name_en: $0.nameEn)
        }
    }
}

struct OutreachSettingsInput: Content {
    var greetings_enabled: Bool?
    var max_touches: Int?
    var window_days: Int?
    var send_from: String?
    var send_until: String?
    var templates: [OutreachSettingsDTO.TemplateDTO]?
    var disabled_holidays: [String]?
    var custom_holidays: [OutreachSettingsDTO.HolidayDTO]?

    var draft: OutreachSettingsDraft {
        get throws {
            var errors: [FieldError] = []
            func minutes(_ field: String, _ text: String?) -> Int? {
                guard let text else { return nil }
                guard let m = SettingsController.minutes(text) else {
                    errors.append(FieldError(field: field, code: .invalidFormat, detail: "HH:MM"))
                    return nil
                }
                return m
            }
            let from = minutes("send_from", send_from)
            let until = minutes("send_until", send_until)
            if !errors.isEmpty { throw DomainError.invalid(errors) }
            return OutreachSettingsDraft(
                templates: templates?.map {
                    GreetingTemplateDraft(occasion: $0.occasion, language: $0.language, text: $0.text)
                },
                holidays: custom_holidays == nil && disabled_holidays == nil
                    ? nil
                    : HolidayCalendarDraft(
                        custom: custom_holidays?.map {
                            Holiday(id: $0.id, month: $0.month, day: $0.day, nameRu: $0.name_ru, nameEn: $0.name_en)
                        }, disabledIDs: disabled_holidays),
                budget: max_touches == nil && window_days == nil
                    ? nil : FatigueBudgetDraft(maxTouches: max_touches, windowDays: window_days),
                quietHours: from == nil && until == nil ? nil : QuietHoursDraft(sendFrom: from, sendUntil: until),
                greetingsEnabled: greetings_enabled)
        }
    }
}
