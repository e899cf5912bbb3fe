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
    /// When the mailbox was last read, and what went wrong then.
    var mailboxStatus: (polledAt: Date, error: String?)?

    var own: OutgoingMailServer? { settings.account(exactly: location)?.outgoing }
    var incoming: IncomingMailServer? { settings.account(exactly: location)?.incoming }

    var incomingSection: HTMLNode {
        let s = viewer.s
        let hidden = H.void(
            "input", [("type", "hidden"), ("name", "location"), ("value", location?.description.lowercased() ?? "")])
        return H.el(
            "section", [("class", "card"), ("id", "incoming")],
            [
                H.h2(s.mailIncomingTitle), H.p("hint", s.mailIncomingHint),
                mailboxStatus.map { status in
                    H.p(
                        status.error == nil ? "hint" : "error",
                        s.mailboxRead(Format.dateTime(status.polledAt, s.lang, zone: viewer.zone(of: location)))
                            + (status.error.map { " " + s.mailboxProblem($0) } ?? ""))
                } ?? (incoming == nil ? H.empty : H.p("hint", s.mailboxNotReadYet)),
                Forms.form(
                    action: SiteURL.mailSettings().path + "#incoming", csrf: viewer.csrf, cls: "stack",
                    [
                        hidden, H.void("input", [("type", "hidden"), ("name", "action"), ("value", "incoming")]),
                        Forms.field(
                            "in_host", label: s.mailHost, value: form["in_host"], hint: s.mailIncomingHostHint,
                            required: true, errors: errors, s: s,
                            attributes: [("autocomplete", "off")]),
                        Forms.select(
                            "in_security", label: s.mailSecurity,
                            options: MailSecurity.allCases.map { ($0.rawValue, s.mailIncomingSecurityName($0)) },
                            selected: form["in_security"] ?? MailSecurity.tls.rawValue,
                            errors: errors, s: s),
                        Forms.field(
                            "in_port", label: s.mailPort, value: form["in_port"], type: "number",
                            errors: errors, s: s, attributes: [("min", "1"), ("max", "65535")]),
                        Forms.field(
                            "in_username", label: s.mailUsername, value: form["in_username"], required: true,
                            errors: errors, s: s, attributes: [("autocomplete", "off")]),
                        Forms.field(
                            "in_password", label: s.mailPassword, value: nil, type: "password",
                            hint: incoming?.sealedPassword != nil ? s.mailPasswordKept : nil,
                            errors: errors, s: s, attributes: [("autocomplete", "new-password")]),
                        Forms.field(
                            "in_folder", label: s.mailFolder, value: form["in_folder"] ?? "INBOX",
                            errors: errors, s: s),
                        Forms.checkbox(
                            "in_new_customers", label: s.mailNewCustomers,
                            checked: form["in_new_customers"].map { $0 == "true" } ?? settings.newCustomers),
                        Forms.submit(s.mailSaveAndCheck),
                    ]),
                incoming == nil
                    ? H.empty
                    : Forms.form(
                        action: SiteURL.mailSettings().path, csrf: viewer.csrf, cls: "stack",
                        [
                            hidden,
                            H.void("input", [("type", "hidden"), ("name", "action"), ("value", "remove_incoming")]),
                            Forms.submit(s.mailStopReading, cls: "button danger"),
                        ]),
            ])
    }

    var body: HTMLNode {
        let s = viewer.s
        let hidden = H.void(
            "input", [("type", "hidden"), ("name", "location"), ("value", location?.description.lowercased() ?? "")])
        return H.group([
            Layout.pageHead(s.navSettings),
            SettingsViews.tabs(s, here: .mailSettings()),
            SettingsViews.notice(notice),
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
            incomingSection,
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
    static func values(_ server: OutgoingMailServer?, incoming: IncomingMailServer?, to: String?) -> [String: String] {
        var values: [String: String] = [:]
        if let incoming {
            values["in_host"] = incoming.host
            values["in_port"] = String(incoming.port)
            values["in_security"] = incoming.security.rawValue
            values["in_username"] = incoming.username
            values["in_folder"] = incoming.folder
        }
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
