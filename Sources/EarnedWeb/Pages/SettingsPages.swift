import EarnedDomain
import Foundation
import Plot

/// The owner's settings: greetings and the contact limit; webhook subscriptions and deliveries.
enum SettingsPages {
    static func tabs(_ s: Strings, here: SiteURL) -> HTMLNode {
        H.el(
            "nav", [("class", "tabs"), ("aria-label", s.navSettings)],
            [
                (SiteURL.serviceSettings, s.serviceRulesTitle), (SiteURL.outreachSettings, s.outreachTitle),
                (SiteURL.webhooks, s.webhooksTitle), (SiteURL.securitySettings, s.securityTitle),
            ].map { target, label in
                H.el(
                    "a", [("href", target.path), ("aria-current", target.path == here.path ? "page" : nil)],
                    [H.text(label)])
            })
    }

    static func outreach(viewer: ViewerContext, values: [String: String], errors: [FieldError], saved: Bool)
        -> HTMLNode
    {
        let s = viewer.s
        let templates = SettingsController.templateSlots.map { kind, language in
            Forms.textarea(
                SettingsController.templateField(kind, language),
                label: s.occasionName(kind) + " · " + (language == "ru" ? "Русский" : "English"),
                value: values[SettingsController.templateField(kind, language)], rows: 3, errors: errors, s: s)
        }
        let holidays = HolidayCalendar.builtIn.map { holiday in
            Forms.checkbox(
                "holiday_\(holiday.id)",
                label: String(format: "%02d.%02d ", holiday.day, holiday.month) + holiday.name(in: s.lang.rawValue),
                checked: values["holiday_\(holiday.id)"] == "true")
        }
        return H.group([
            Layout.pageHead(s.navSettings, subtitle: s.outreachHint),
            tabs(s, here: .outreachSettings),
            saved ? H.el("div", [("class", "alert success"), ("role", "status")], [H.text(s.saved)]) : H.empty,
            Forms.summary(errors, s),
            Forms.form(
                action: SiteURL.outreachSettings.path, csrf: viewer.csrf, cls: "stack",
                [
                    Forms.checkbox(
                        "greetings_enabled", label: s.greetingsEnabled, checked: values["greetings_enabled"] == "true"),
                    H.h2(s.budgetTitle),
                    H.div(
                        "row",
                        [
                            Forms.field(
                                "max_touches", label: s.maxTouches, value: values["max_touches"], type: "number",
                                errors: errors, s: s, attributes: [("min", "1"), ("max", "30")]),
                            Forms.field(
                                "window_days", label: s.windowDays, value: values["window_days"], type: "number",
                                errors: errors, s: s, attributes: [("min", "7"), ("max", "90")]),
                        ]),
                    H.h2(s.sendingHours),
                    H.div(
                        "row",
                        [
                            Forms.field(
                                "send_from", label: s.sendFrom, value: values["send_from"], errors: errors, s: s,
                                attributes: [("placeholder", "10:00"), ("pattern", "[0-2]?[0-9]:[0-5][0-9]")]),
                            Forms.field(
                                "send_until", label: s.sendUntil, value: values["send_until"], errors: errors, s: s,
                                attributes: [("placeholder", "20:00"), ("pattern", "[0-2]?[0-9]:[0-5][0-9]")]),
                        ]),
                    H.h2(s.templatesTitle), H.p("hint", s.templatesHint),
                ] + templates + [H.h2(s.holidaysTitle)] + holidays + [
                    Forms.textarea(
                        "custom_holidays", label: s.customHolidays, value: values["custom_holidays"],
                        hint: s.customHolidaysHint, rows: 3, errors: errors, s: s),
                    Forms.submit(s.save),
                ]),
        ])
    }

    static func webhooks(
        viewer: ViewerContext, subscriptions: [WebhookSubscription], deliveries: [WebhookDelivery],
        form: [String: String], errors: [FieldError], secret: String?
    ) -> HTMLNode {
        let s = viewer.s
        let urls = Dictionary(subscriptions.map { ($0.id, $0.url) }, uniquingKeysWith: { a, _ in a })
        return H.group([
            Layout.pageHead(s.navSettings, subtitle: s.webhooksHint),
            tabs(s, here: .webhooks),
            secret.map {
                H.el(
                    "div", [("class", "alert success"), ("role", "status")],
                    [H.text(s.secretOnce + " "), H.el("code", [], [H.text($0)])])
            } ?? H.empty,
            subscriptions.isEmpty
                ? H.p("empty", s.noWebhooks)
                : H.table(
                    headers: [s.url, s.events, s.description, s.active, ""],
                    rows: subscriptions.map { w in
                        [
                            H.text(w.url), H.text(w.events.map { s.eventName($0) }.joined(separator: ", ")),
                            H.text(w.description ?? ""), H.text(w.isActive ? "✓" : "—"),
                            Forms.form(
                                action: SiteURL.toggleWebhook(w.id.rawValue).path, csrf: viewer.csrf, cls: "inline",
                                [
                                    PromisePages.hidden("active", w.isActive ? "false" : "true"),
                                    Forms.submit(w.isActive ? s.pause : s.resume, cls: "button subtle"),
                                ]),
                        ]
                    }),
            H.h2(s.newWebhook),
            Forms.summary(errors, s),
            Forms.form(
                action: SiteURL.webhooks.path, csrf: viewer.csrf, cls: "stack",
                [
                    Forms.field(
                        "url", label: s.url, value: form["url"], type: "url", required: true, errors: errors, s: s,
                        attributes: [("placeholder", "https://")]),
                    Forms.field("description", label: s.description, value: form["description"], errors: errors, s: s),
                    H.el(
                        "fieldset", [("class", Forms.hasError("events", errors) ? "invalid" : nil)],
                        [H.el("legend", [], [H.text(s.events)])]
                            + WebhookEvent.Kind.allCases.map { kind in
                                Forms.checkbox(
                                    "event_\(kind.rawValue)", label: s.eventName(kind) + " (\(kind.rawValue))",
                                    checked: form["event_\(kind.rawValue)"] == "true")
                            } + [Forms.errorText("events", errors, s)]),
                    Forms.submit(s.newWebhook),
                ]),
            H.h2(s.deliveries),
            deliveries.isEmpty
                ? H.p("empty", s.noDeliveries)
                : H.table(
                    headers: [s.when, s.url, s.events, s.status, s.attempts, s.problem],
                    rows: deliveries.map { d in
                        [
                            H.text(viewer.dateTime(d.createdAt)), H.text(urls[d.subscriptionID] ?? ""),
                            H.text(d.eventKind.map { s.eventName($0) } ?? d.eventKey),
                            H.badge(
                                s.deliveryStatus(d.status),
                                tone: d.status == .delivered ? "good" : d.status == .failed ? "bad" : "neutral"),
                            H.text(Format.integer(d.attempts, s.lang)),
                            H.text(
                                [d.lastStatusCode.map { "HTTP \($0)" }, d.lastError].compactMap { $0 }.joined(
                                    separator: " ")),
                        ]
                    }, numeric: [4]),
        ])
    }

    static func service(viewer: ViewerContext, values: [String: String], errors: [FieldError], saved: Bool)
        -> HTMLNode
    {
        let s = viewer.s
        let leads = Promise.Kind.allCases.map { kind in
            Forms.field(
                "lead_\(kind.rawValue)", label: s.promiseKind(kind), value: values["lead_\(kind.rawValue)"],
                type: "number", errors: errors, s: s, attributes: [("min", "0"), ("max", "43200")])
        }
        let locations = viewer.locations.map { location -> HTMLNode in
            let id = location.id.description
            let targets = InboundContact.Channel.allCases.map { channel -> [HTMLNode] in
                [
                    H.text(s.inboundChannel(channel)),
                    Forms.field(
                        "first_\(id)_\(channel.rawValue)", label: s.firstResponse + ", " + s.minutesUnit,
                        value: values["first_\(id)_\(channel.rawValue)"], type: "number", errors: errors, s: s,
                        attributes: [("min", "1"), ("step", "1")]),
                    Forms.field(
                        "resolve_\(id)_\(channel.rawValue)", label: s.resolution + ", " + s.hoursUnit,
                        value: values["resolve_\(id)_\(channel.rawValue)"], type: "number", errors: errors, s: s,
                        attributes: [("min", "0.1"), ("step", "0.1")]),
                ]
            }
            return H.el(
                "section", [("class", "card")],
                [
                    H.h2(location.name),
                    H.div(
                        "row",
                        [
                            Forms.select(
                                "handover_\(id)", label: s.handoverContact,
                                options: [("visit", s.handoverVisit), ("call", s.handoverCall)],
                                selected: values["handover_\(id)"], errors: errors, s: s),
                            Forms.field(
                                "offsets_\(id)", label: s.followUpDays, value: values["offsets_\(id)"], errors: errors,
                                s: s),
                        ]),
                    H.table(
                        caption: s.replyTargetsTitle, headers: [s.channel, s.firstResponse, s.resolution], rows: targets
                    ),
                ])
        }
        return H.group([
            Layout.pageHead(s.navSettings, subtitle: s.serviceRulesHint),
            tabs(s, here: .serviceSettings),
            saved ? H.el("div", [("class", "alert success"), ("role", "status")], [H.text(s.saved)]) : H.empty,
            Forms.summary(errors, s),
            Forms.form(
                action: SiteURL.serviceSettings.path, csrf: viewer.csrf, cls: "stack",
                [H.h2(s.reminderLeads), H.div("row", leads)] + locations + [Forms.submit(s.save)]),
        ])
    }
}
