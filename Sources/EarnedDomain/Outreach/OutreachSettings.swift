import Foundation

/// How the business reaches out on its own initiative: greeting templates (the owner's, over
/// the built-in ones), the holiday calendar, the contact-fatigue budget shared by greetings,
/// follow-ups and surveys, and the hours messages may go out in the customer's time zone.
public struct OutreachSettings: Hashable, Codable, Sendable {
    /// The owner's templates; each replaces the built-in one for its occasion and language.
    public var templates: [GreetingTemplate]
    public var holidays: HolidayCalendar
    public var budget: FatigueBudget
    public var quietHours: QuietHours
    /// Whether the scheduler plans greetings at all.
    public var greetingsEnabled: Bool

    public static let standard = OutreachSettings()

    public init(
        templates: [GreetingTemplate] = [], holidays: HolidayCalendar = .standard, budget: FatigueBudget = .standard,
        quietHours: QuietHours = .standard, greetingsEnabled: Bool = true
    ) {
        self.templates = templates
        self.holidays = holidays
        self.budget = budget
        self.quietHours = quietHours
        self.greetingsEnabled = greetingsEnabled
    }

    /// The templates the planner uses: the built-in ones, then the owner's (the planner takes
    /// the last one for an occasion and language).
    public var effectiveTemplates: [GreetingTemplate] { GreetingTemplate.defaults + templates }

    /// The template in force for an occasion and language.
    public func template(for occasion: GreetingOccasion.Kind, language: String) -> GreetingTemplate? {
        effectiveTemplates.last { $0.occasion == occasion && $0.language == language }
    }
}

/// What an owner changes on the outreach settings page; nil keeps the current value. Every
/// problem is reported at once, each under its own field.
public struct OutreachSettingsDraft: Sendable {
    public var templates: [GreetingTemplateDraft]?
    public var holidays: HolidayCalendarDraft?
    public var budget: FatigueBudgetDraft?
    public var quietHours: QuietHoursDraft?
    public var greetingsEnabled: Bool?

    public init(
        templates: [GreetingTemplateDraft]? = nil, holidays: HolidayCalendarDraft? = nil,
        budget: FatigueBudgetDraft? = nil, quietHours: QuietHoursDraft? = nil, greetingsEnabled: Bool? = nil
    ) {
        self.templates = templates
        self.holidays = holidays
        self.budget = budget
        self.quietHours = quietHours
        self.greetingsEnabled = greetingsEnabled
    }

    public func validated(existing: OutreachSettings = .standard) throws(DomainError) -> OutreachSettings {
        var errors: [FieldError] = []
        var result = existing
        func collect(_ prefix: String?, _ error: DomainError) {
            guard case .invalid(let found) = error else { return }
            errors += found.map { e in
                var e = e
                if let prefix { e.field = prefix + "." + e.field }
                return e
            }
        }
        if let templates {
            var made: [GreetingTemplate] = []
            for (index, draft) in templates.enumerated() {
                do { made.append(try draft.validated()) } catch { collect("templates.\(index)", error) }
            }
            result.templates = made
        }
        if let holidays {
            do { result.holidays = try holidays.validated(existing: existing.holidays) } catch { collect(nil, error) }
        }
        if let budget {
            do { result.budget = try budget.validated(existing: existing.budget) } catch { collect(nil, error) }
        }
        if let quietHours {
            do { result.quietHours = try quietHours.validated(existing: existing.quietHours) } catch {
                collect(nil, error)
            }
        }
        if let greetingsEnabled { result.greetingsEnabled = greetingsEnabled }
        if !errors.isEmpty { throw .invalid(errors) }
        return result
    }
}
