import EarnedDomain
import Plot

/// One webhook subscription: its address, events and description changed, or deleted.
struct WebhookEditPage {
    var viewer: ViewerContext
    var subscription: WebhookSubscription
    var form: [String: String]
    var errors: [FieldError]

    var body: HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.webhooksTitle, subtitle: subscription.url),
            SettingsViews.tabs(s, here: .webhooks),
            Forms.summary(errors, s),
            Forms.form(
                action: SiteURL.editWebhook(subscription.id.rawValue).path, csrf: viewer.csrf, cls: "stack",
                [
                    Forms.field(
                        "url", label: s.url, value: form["url"], type: "url", required: true, errors: errors, s: s),
                    Forms.field("description", label: s.description, value: form["description"], errors: errors, s: s),
                    H.el(
                        "fieldset", [("class", Forms.hasError("events", errors) ? "invalid" : nil)],
                        [H.el("legend", [], [H.text(s.events)])]
                            + WebhookEvent.Kind.subscribable.map { kind in
                                Forms.checkbox(
                                    "event_\(kind.rawValue)", label: s.eventName(kind) + " (\(kind.rawValue))",
                                    checked: form["event_\(kind.rawValue)"] == "true")
                            } + [Forms.errorText("events", errors, s)]),
                    Forms.submit(s.save),
                ]),
            Forms.form(
                action: SiteURL.deleteWebhook(subscription.id.rawValue).path, csrf: viewer.csrf, cls: "stack",
                [H.p("hint", s.deleteWebhookHint), Forms.submit(s.deleteWebhook, cls: "button danger")]),
        ])
    }
}
