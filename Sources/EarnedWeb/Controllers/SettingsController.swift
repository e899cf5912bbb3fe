import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// The owner's settings pages: greetings and the contact-fatigue budget, and webhook
/// subscriptions with their delivery log.
struct SettingsController {
    // MARK: Outreach

    func outreach(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageIntegrations)
        let settings = try await req.settings.outreach()
        return render(
            req, viewer: viewer, values: Self.values(settings), errors: [],
            saved: req.query[String.self, at: "saved"] != nil)
    }

    func render(
        _ req: Request, viewer: ViewerContext, values: [String: String], errors: [FieldError], saved: Bool = false
    ) -> Response {
        Layout.response(
            SettingsPages.outreach(viewer: viewer, values: values, errors: errors, saved: saved),
            title: viewer.s.outreachTitle, request: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    static let templateSlots: [(GreetingOccasion.Kind, String)] = [
        GreetingOccasion.Kind.birthday, .purchaseAnniversary, .holiday,
    ]
    .flatMap { kind in GreetingTemplate.languages.map { (kind, $0) } }

    static func templateField(_ kind: GreetingOccasion.Kind, _ language: String) -> String {
        "template_\(kind.rawValue)_\(language)"
    }

    /// The form's values for the settings in force.
    static func values(_ s: OutreachSettings) -> [String: String] {
        var values: [String: String] = [
            "max_touches": "\(s.budget.maxTouches)", "window_days": "\(s.budget.windowDays)",
            "send_from": clock(s.quietHours.sendFrom), "send_until": clock(s.quietHours.sendUntil),
            "greetings_enabled": s.greetingsEnabled ? "true" : "",
            "custom_holidays": s.holidays.custom.map {
                String(format: "%02d-%02d", $0.month, $0.day) + "; \($0.nameRu); \($0.nameEn)"
            }.joined(separator: "\n"),
        ]
        for (kind, language) in templateSlots {
            values[templateField(kind, language)] = s.template(for: kind, language: language)?.text ?? ""
        }
        for holiday in HolidayCalendar.builtIn where !s.holidays.disabledIDs.contains(holiday.id) {
            values["holiday_\(holiday.id)"] = "true"
        }
        return values
    }

    static func clock(_ minutes: Int) -> String { ClockText.text(minutes) }

    static func minutes(_ text: String?) -> Int? { ClockText.minutes(text) }

    func saveOutreach(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageIntegrations)
        let values = try req.content.decode([String: String].self)
        var errors: [FieldError] = []
        func number(_ field: String) -> Int? {
            guard let n = values[field].flatMap({ Int($0.trimmingCharacters(in: .whitespaces)) }) else {
                errors.append(FieldError(field: field, code: .invalidFormat, detail: "a whole number"))
                return nil
            }
            return n
        }
        func time(_ field: String) -> Int? {
            guard let m = Self.minutes(values[field]) else {
                errors.append(FieldError(field: field, code: .invalidFormat, detail: "HH:MM"))
                return nil
            }
            return m
        }
        // Only templates that differ from the built-in ones are the owner's.
        var templates: [GreetingTemplateDraft] = []
        var templateFields: [String] = []
        for (kind, language) in Self.templateSlots {
            let field = Self.templateField(kind, language)
            let text = (values[field] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            let builtIn = GreetingTemplate.defaults.last { $0.occasion == kind && $0.language == language }?.text
            // A template left empty, or as built in, is the built-in one.
            guard !text.isEmpty, text != builtIn else { continue }
            templates.append(GreetingTemplateDraft(occasion: kind, language: language, text: text))
            templateFields.append(field)
        }
        var custom: [Holiday] = []
        for (index, line) in (values["custom_holidays"] ?? "").split(whereSeparator: \.isNewline).enumerated() {
            let parts = line.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            let date = parts.first?.split(separator: "-").compactMap { Int($0) } ?? []
            guard parts.count >= 2, date.count == 2 else {
                errors.append(
                    FieldError(
                        field: "custom_holidays", code: .invalidFormat, detail: "line \(index + 1): MM-DD; name; name"))
                continue
            }
            custom.append(
                Holiday(
                    id: String(format: "own-%02d-%02d-%d", date[0], date[1], index + 1), month: date[0], day: date[1],
                    nameRu: parts[1], nameEn: parts.count > 2 ? parts[2] : parts[1]))
        }
        let draft = OutreachSettingsDraft(
            templates: templates,
            holidays: HolidayCalendarDraft(
                custom: custom,
                disabledIDs: HolidayCalendar.builtIn.map(\.id).filter { values["holiday_\($0)"] != "true" }),
            budget: FatigueBudgetDraft(maxTouches: number("max_touches"), windowDays: number("window_days")),
            quietHours: QuietHoursDraft(sendFrom: time("send_from"), sendUntil: time("send_until")),
            greetingsEnabled: values["greetings_enabled"] == "true")
        do {
            if !errors.isEmpty { throw DomainError.invalid(errors) }
            try await req.settings.changeOutreach(draft, actor: viewer.staff, now: req.now)
        } catch let error as DomainError {
            guard case .invalid(let fields) = error else { throw error }
            // Errors of templates and holidays are shown at the field the owner typed into.
            let mapped = fields.map { e -> FieldError in
                var e = e
                if e.field.hasPrefix("templates."), let index = Int(e.field.split(separator: ".")[1]),
                    index < templateFields.count
                {
                    e.field = templateFields[index]
                } else if e.field.hasPrefix("custom") {
                    e.field = "custom_holidays"
                }
                return e
            }
            return render(req, viewer: viewer, values: values, errors: mapped)
        }
        return req.redirect(to: SiteURL.outreachSettings.path + "?saved=1")
    }

    // MARK: Webhooks

    func webhooks(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageIntegrations)
        return try await renderWebhooks(req, viewer: viewer, form: [:], errors: [], secret: nil)
    }

    func renderWebhooks(
        _ req: Request, viewer: ViewerContext, form: [String: String], errors: [FieldError], secret: String?
    ) async throws -> Response {
        let store = WebhookStore(db: req.database)
        let page = SettingsPages.webhooks(
            viewer: viewer, subscriptions: try await store.subscriptions(),
            deliveries: try await store.deliveries(limit: 50),
            form: form, errors: errors, secret: secret)
        return Layout.response(
            page, title: viewer.s.webhooksTitle, request: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func createWebhook(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageIntegrations)
        let form = try req.content.decode([String: String].self)
        let events = WebhookEvent.Kind.allCases.map(\.rawValue).filter { form["event_\($0)"] == "true" }
        let secret = Secrets.token()
        do {
            _ = try await WebhookStore(db: req.database).create(
                WebhookSubscriptionDraft(url: form["url"], events: events, description: form["description"]),
                secret: secret, actor: viewer.staff, now: req.now)
        } catch let error as DomainError {
            guard case .invalid(let fields) = error else { throw error }
            return try await renderWebhooks(req, viewer: viewer, form: form, errors: fields, secret: nil)
        }
        // The secret is shown on this answer only; it is not in the URL or any later page.
        return try await renderWebhooks(req, viewer: viewer, form: [:], errors: [], secret: secret)
    }

    func toggleWebhook(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let form = try req.content.decode([String: String].self)
        try await WebhookStore(db: req.database).setActive(
            try req.entityID("webhook"), form["active"] == "true", actor: viewer.staff, now: req.now)
        return req.redirect(to: SiteURL.webhooks.path)
    }
}
