import EarnedDomain
import Foundation
import Plot

extension AccountPage {
    var body: HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.accountTitle, subtitle: viewer.staff.name + " · " + viewer.staff.email),
            notice.map { H.el("div", [("class", "alert success"), ("role", "status")], [H.text($0)]) } ?? H.empty,
            passwordCard,
            twoFactorCard,
            notificationsCard,
        ])
    }

    /// Which notices come by e-mail, and when.
    var notificationsCard: HTMLNode {
        let s = viewer.s
        let n = notifications
        return H.el(
            "section", [("class", "card"), ("id", "notifications")],
            [
                H.h2(s.notificationsTitle),
                H.p("hint", mailSetUp ? s.notificationsHint(viewer.staff.email) : s.notificationsNoMail),
                Forms.summary(notificationErrors, s),
                Forms.form(
                    action: SiteURL.accountNotifications.path, csrf: viewer.csrf, cls: "stack",
                    [Forms.checkbox("email", label: s.notifyByEmail, checked: n.email)]
                        + NotificationKind.allCases.map {
                            Forms.checkbox(
                                "kind_\($0.rawValue)", label: s.notificationKindName($0), checked: n.kinds.contains($0))
                        }
                        + [
                            Forms.field(
                                "send_from", label: s.notifyFrom, value: DayPeriod.clockText(n.hours.sendFrom),
                                type: "time", errors: notificationErrors, s: s),
                            Forms.field(
                                "send_until", label: s.notifyUntil, value: DayPeriod.clockText(n.hours.sendUntil),
                                type: "time", errors: notificationErrors, s: s),
                            Forms.checkbox("digest", label: s.notifyDigest, checked: n.digest),
                            Forms.submit(s.save),
                        ]),
                telegramBot
                    ? (telegramChat != nil
                        ? H.p("hint", s.telegramStaffConnected)
                        : Forms.form(
                            action: SiteURL.accountTelegram.path, csrf: viewer.csrf, cls: "inline",
                            [Forms.submit(s.telegramStaffConnect, cls: "button")]))
                    : H.empty,
            ])
    }

    /// The message under a password field, in the page's words.
    func message(_ field: String) -> String? {
        passwordErrors.first { $0.field == field }.map(viewer.s.passwordError)
    }

    /// A one-time code's field, with its message beside it.
    static func codeField(
        _ name: String, label: String, id: String? = nil, hint: String? = nil, message: String?,
        attributes: [(String, String?)]
    ) -> HTMLNode {
        let id = id ?? name
        return H.div(
            "field" + (message == nil ? "" : " invalid"),
            [
                H.el("label", [("for", id)], [H.text(label)]),
                hint.map { H.p("hint", $0) } ?? H.empty,
                H.void(
                    "input",
                    [
                        ("type", "text"), ("id", id), ("name", name), ("required", ""),
                        ("aria-invalid", message == nil ? nil : "true"),
                        ("aria-describedby", message == nil ? nil : "\(id)-error"),
                    ] + attributes),
                message.map { H.el("p", [("class", "field-error"), ("id", "\(id)-error")], [H.text($0)]) }
                    ?? H.empty,
            ])
    }

    static func passwordField(
        _ name: String, label: String, autocomplete: String, hint: String? = nil, message: String?
    ) -> HTMLNode {
        H.div(
            "field" + (message == nil ? "" : " invalid"),
            [
                H.el("label", [("for", name)], [H.text(label)]),
                hint.map { H.p("hint", $0) } ?? H.empty,
                H.void(
                    "input",
                    [
                        ("type", "password"), ("id", name), ("name", name), ("required", ""),
                        ("autocomplete", autocomplete), ("aria-invalid", message == nil ? nil : "true"),
                        ("aria-describedby", message == nil ? nil : "\(name)-error"),
                    ]),
                message.map { H.el("p", [("class", "field-error"), ("id", "\(name)-error")], [H.text($0)]) }
                    ?? H.empty,
            ])
    }

    /// A new password and its repeat, with the rules beside the first (account and reset pages).
    static func newPasswordFields(_ s: Strings, message: (String) -> String?) -> [HTMLNode] {
        [
            passwordField(
                "new_password", label: s.newPassword, autocomplete: "new-password", hint: s.passwordRulesHint,
                message: message("new_password")),
            passwordField(
                "new_password_repeat", label: s.repeatPassword, autocomplete: "new-password",
                message: message("new_password_repeat")),
        ]
    }

    var passwordCard: HTMLNode {
        let s = viewer.s
        return H.el(
            "section", [("class", "card"), ("aria-labelledby", "password-title")],
            [
                H.el("h2", [("id", "password-title")], [H.text(s.changePasswordTitle)]),
                Forms.summary(passwordErrors, s),
                Forms.form(
                    action: SiteURL.accountPassword.path, csrf: viewer.csrf, cls: "form",
                    [
                        Self.passwordField(
                            "current_password", label: s.currentPassword, autocomplete: "current-password",
                            message: message("current_password"))
                    ] + Self.newPasswordFields(s, message: message) + [Forms.submit(s.changePasswordButton)]),
            ])
    }

    var twoFactorCard: HTMLNode {
        let s = viewer.s
        var children: [HTMLNode] = [
            H.el("h2", [("id", "two-factor-title")], [H.text(s.twoFactorTitle)]),
            H.p("muted", s.twoFactorExplain),
            twoFactorError.map { H.el("div", [("class", "alert error"), ("role", "alert")], [H.text($0)]) }
                ?? H.empty,
        ]
        if let enabledAt {
            children += [
                H.p(nil, s.twoFactorOnSince(viewer.dateTime(enabledAt)) + " " + s.recoveryCodesLeft(recoveryCodesLeft)),
                H.el("h3", [], [H.text(s.newRecoveryCodes)]),
                Forms.form(
                    action: SiteURL.recoveryCodes.path, csrf: viewer.csrf, cls: "form inline-form",
                    [
                        Forms.field(
                            "code", label: s.code, value: nil, hint: s.newRecoveryCodesHint, required: true,
                            errors: [], s: s,
                            attributes: [("autocomplete", "one-time-code"), ("inputmode", "numeric")],
                            id: "renew-code"),
                        Forms.submit(s.newRecoveryCodes, cls: "button"),
                    ]),
                H.el("h3", [], [H.text(s.disableTwoFactor)]),
                required
                    ? H.p("muted", s.disableTwoFactorRequired)
                    : Forms.form(
                        action: SiteURL.twoFactorDisable.path, csrf: viewer.csrf, cls: "form",
                        [
                            Self.passwordField(
                                "password", label: s.currentPassword, autocomplete: "current-password", message: nil),
                            Forms.field(
                                "code", label: s.codeOrRecovery, value: nil, required: true, errors: [], s: s,
                                attributes: [("autocomplete", "one-time-code")], id: "disable-code"),
                            Forms.submit(s.disableTwoFactor, cls: "button danger"),
                        ]),
            ]
        } else {
            children.append(H.p(nil, s.twoFactorOff))
            children.append(
                canSetUp
                    ? H.a(SiteURL.twoFactorSetup.path, s.twoFactorSetUp, cls: "button primary")
                    : H.p("muted", s.twoFactorUnavailable))
        }
        return H.el("section", [("class", "card"), ("aria-labelledby", "two-factor-title")], children)
    }
}
