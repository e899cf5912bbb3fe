import EarnedDomain
import Foundation
import Plot

/// The business's Telegram bot: which bot is connected (its token never shown back), how its
/// messages arrive, when Earned last asked Telegram and what went wrong then.
struct TelegramSettingsPage {
    var viewer: ViewerContext
    var settings: TelegramSettings?
    var form: [String: String]
    var errors: [FieldError]
    var notice: (text: String, good: Bool)?
    var canSealTokens: Bool
    var status: (polledAt: Date, error: String?)?

    var body: HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.navSettings),
            SettingsViews.tabs(s, here: .telegramSettings),
            SettingsViews.notice(notice),
            Forms.summary(errors, s),
            H.el(
                "section", [("class", "card")],
                [
                    H.h2(s.telegramTitle), H.p("hint", s.telegramHint),
                    canSealTokens ? H.empty : H.p("error", s.telegramNoKey),
                    settings.map { bot in
                        H.group([
                            H.p(nil, s.telegramBot(bot.username, name: bot.name)),
                            H.p(nil, s.telegramModeName(bot.mode)),
                            H.el("p", [], [H.a(bot.startLink(), bot.startLink())]),
                            H.p("hint", s.telegramLinkHint),
                        ])
                    } ?? H.p("hint", s.telegramNotSetUp),
                    status.map { status in
                        H.p(
                            status.error == nil ? "hint" : "error",
                            s.telegramRead(Format.dateTime(status.polledAt, s.lang, zone: viewer.zone(of: nil)))
                                + (status.error.map { " " + s.mailboxProblem($0) } ?? ""))
                    } ?? H.empty,
                    Forms.form(
                        action: SiteURL.telegramSettings.path, csrf: viewer.csrf, cls: "stack",
                        [
                            Forms.field(
                                "token", label: s.telegramToken, value: nil, type: "password",
                                hint: settings != nil ? s.telegramTokenKept : nil, required: settings == nil,
                                errors: errors, s: s, attributes: [("autocomplete", "off")]),
                            Forms.select(
                                "mode", label: s.telegramMode,
                                options: TelegramSettings.Mode.allCases.map { ($0.rawValue, s.telegramModeName($0)) },
                                selected: form["mode"] ?? settings?.mode.rawValue
                                    ?? TelegramSettings.Mode.polling.rawValue,
                                errors: errors, s: s),
                            Forms.submit(s.telegramSave),
                        ]),
                    settings == nil
                        ? H.empty
                        : Forms.form(
                            action: SiteURL.telegramSettings.path, csrf: viewer.csrf, cls: "stack",
                            [
                                H.void("input", [("type", "hidden"), ("name", "action"), ("value", "remove")]),
                                Forms.submit(s.telegramRemove, cls: "button danger"),
                            ]),
                ]),
        ])
    }
}

/// A start link just made, for a customer or for the person themselves.
struct TelegramLinkPage {
    var viewer: ViewerContext
    var title: String
    var hint: String
    var link: String
    var back: (href: String, label: String)

    var body: HTMLNode {
        H.group([
            Layout.pageHead(title),
            H.el(
                "section", [("class", "card stack")],
                [
                    H.p(nil, hint),
                    H.void(
                        "input",
                        [
                            ("type", "text"), ("readonly", "readonly"), ("value", link), ("class", "copy"),
                            ("aria-label", title),
                        ]),
                    H.el("p", [("class", "secret")], [H.a(link, link)]),
                    H.el("p", [], [H.a(back.href, back.label)]),
                ]),
        ])
    }
}
