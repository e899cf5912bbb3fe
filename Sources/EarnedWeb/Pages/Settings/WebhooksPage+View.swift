import EarnedDomain
import Foundation
import Plot

extension WebhooksPage {
    var body: HTMLNode {
        let s = viewer.s
        let urls = Dictionary(subscriptions.map { ($0.id, $0.url) }, uniquingKeysWith: { a, _ in a })
        return H.group([
            Layout.pageHead(s.navSettings, subtitle: s.webhooksHint),
            SettingsViews.tabs(s, here: .webhooks),
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
                            H.div(
                                "actions",
                                [
                                    Forms.form(
                                        action: SiteURL.toggleWebhook(w.id.rawValue).path, csrf: viewer.csrf,
                                        cls: "inline",
                                        [
                                            Forms.hidden("active", w.isActive ? "false" : "true"),
                                            Forms.submit(w.isActive ? s.pause : s.resume, cls: "button subtle"),
                                        ]),
                                    Forms.form(
                                        action: SiteURL.testWebhook(w.id.rawValue).path, csrf: viewer.csrf,
                                        cls: "inline", [Forms.submit(s.sendTest, cls: "button subtle")]),
                                    H.a(SiteURL.editWebhook(w.id.rawValue).path, s.edit, cls: "button subtle"),
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
                            + WebhookEvent.Kind.subscribable.map { kind in
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
                    headers: [s.when, s.url, s.events, s.status, s.attempts, s.problem, ""],
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
                            d.status == .delivered
                                ? H.empty
                                : Forms.form(
                                    action: SiteURL.resendDelivery(d.id).path, csrf: viewer.csrf, cls: "inline",
                                    [Forms.submit(s.sendAgain, cls: "button subtle")]),
                        ]
                    }, numeric: [4]),
        ])
    }
}
