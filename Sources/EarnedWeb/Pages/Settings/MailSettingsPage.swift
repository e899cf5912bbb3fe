import EarnedDomain
import Foundation
import Plot

/// The business's e-mail: the outgoing server of the business or of one location (its password
/// never shown back), a test message with the server's own answer, and the delivery log.
struct MailSettingsPage {
    var viewer: ViewerContext
    var locations: [Location]
    /// The scope shown: nil for the whole business.
    var location: LocationID?
    var settings: MailSettings
    /// What the form shows: the stored values, or what was typed when refused.
    var form: [String: String]
    var errors: [FieldError]
    /// A notice after saving or testing, and whether it is good news.
    var notice: (text: String, good: Bool)?
    var canSealPasswords: Bool
    var recent: [OutboundMessage]

    var own: OutgoingMailServer? { settings.account(exactly: location)?.outgoing }

    var body: HTMLNode {
        let s = viewer.s
        let hidden = H.void(
            "input", [("type", "hidden"), ("name", "location"), ("value", location?.description.lowercased() ?? "")])
        return H.group([
            Layout.pageHead(s.navSettings),
            SettingsViews.tabs(s, here: .mailSettings()),
            notice.map {
                H.el(
                    "div",
                    [("class", $0.good ? "alert success" : "alert error"), ("role", $0.good ? "status" : "alert")],
                    [H.text($0.text)])
            } ?? H.empty,
            Forms.summary(errors, s),
            H.el(
                "section", [("class", "card")],
                [
                    H.h2(s.mailTitle), H.p("hint", s.mailHint),
                    locations.isEmpty
                        ? H.empty
                        : Forms.form(
                            action: SiteURL.mailSettings().path, csrf: nil, method: "get", cls: "inline",
                            [
                                Forms.select(
                                    "location", label: s.mailScope,
                                    options: [("", s.mailWholeBusiness)]
                                        + locations.map { ($0.id.description.lowercased(), $0.name) },
                                    selected: location?.description.lowercased() ?? "", errors: [], s: s),
                                Forms.submit(s.show, cls: "button"),
                            ]),
                    own == nil
                        ? H.p(
                            "hint",
                            location != nil && settings.outgoing(for: nil) != nil ? s.mailInherited : s.mailNotSetUp)
                        : H.empty,
                ]),
            H.el(
                "section", [("class", "card")],
                [
                    H.h2(s.mailOutgoingTitle),
                    canSealPasswords ? H.empty : H.p("hint", s.mailNoKey),
                    Forms.form(
                        action: SiteURL.mailSettings().path, csrf: viewer.csrf, cls: "stack",
                        [
                            hidden,
                            Forms.field(
                                "host", label: s.mailHost, value: form["host"], hint: s.mailHostHint, required: true,
                                errors: errors, s: s, attributes: [("autocomplete", "off")]),
                            Forms.select(
                                "security", label: s.mailSecurity,
                                options: MailSecurity.allCases.map { ($0.rawValue, s.mailSecurityName($0)) },
                                selected: form["security"] ?? MailSecurity.startTLS.rawValue, errors: errors, s: s),
                            Forms.field(
                                "port", label: s.mailPort, value: form["port"], type: "number", errors: errors, s: s,
                                attributes: [("min", "1"), ("max", "65535")]),
                            Forms.field(
                                "username", label: s.mailUsername, value: form["username"], errors: errors, s: s,
                                attributes: [("autocomplete", "username")]),
                            Forms.field(
                                "password", label: s.mailPassword, value: nil, type: "password",
                                hint: own?.sealedPassword != nil ? s.mailPasswordKept : nil, errors: errors, s: s,
                                attributes: [("autocomplete", "new-password")]),
                            own?.sealedPassword != nil
                                ? Forms.checkbox("remove_password", label: s.mailPasswordRemove, checked: false)
                                : H.empty,
                            Forms.field(
                                "from_address", label: s.mailFromAddress, value: form["from_address"], type: "email",
                                required: true, errors: errors, s: s),
                            Forms.field(
                                "from_name", label: s.mailFromName, value: form["from_name"], hint: s.mailFromNameHint,
                                errors: errors, s: s),
                            Forms.submit(s.mailSaveAndCheck),
                        ]),
                    own == nil
                        ? H.empty
                        : Forms.form(
                            action: SiteURL.mailSettings().path, csrf: viewer.csrf, cls: "stack",
                            [
                                hidden, H.void("input", [("type", "hidden"), ("name", "action"), ("value", "remove")]),
                                Forms.submit(s.mailRemove, cls: "button danger"),
                            ]),
                ]),
            settings.outgoing(for: location) == nil
                ? H.empty
                : H.el(
                    "section", [("class", "card")],
                    [
                        H.h2(s.mailTestTitle),
                        Forms.form(
                            action: SiteURL.mailTest.path, csrf: viewer.csrf, cls: "stack",
                            [
                                hidden,
                                Forms.field(
                                    "to", label: s.mailTestTo, value: form["to"], type: "email", required: true,
                                    errors: errors, s: s),
                                Forms.submit(s.mailTestSend, cls: "button"),
                            ]),
                    ]),
            H.el(
                "section", [("class", "card")],
                [
                    H.h2(s.mailLogTitle),
                    recent.isEmpty
                        ? H.p("hint", s.mailLogEmpty)
                        : H.table(
                            headers: [s.when, s.kind, s.mailTestTo, s.status, s.mailResult],
                            rows: recent.map { m in
                                [
                                    H.text(Format.dateTime(m.createdAt, s.lang, zone: viewer.zone(of: m.locationID))),
                                    H.text(s.messageKindName(m.kind)), H.text(m.address),
                                    H.badge(s.messageStatusName(m.status), tone: s.messageStatusTone(m.status)),
                                    H.text(m.lastResult ?? "—"),
                                ]
                            }),
                ]),
        ])
    }

    /// The form's values for a stored server.
    static func values(_ server: OutgoingMailServer?, to: String?) -> [String: String] {
        var values: [String: String] = [:]
        if let server {
            values["host"] = server.host
            values["port"] = String(server.port)
            values["security"] = server.security.rawValue
            values["username"] = server.username ?? ""
            values["from_address"] = server.fromAddress
            values["from_name"] = server.fromName ?? ""
        }
        values["to"] = to ?? ""
        return values
    }
}
