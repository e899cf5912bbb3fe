import EarnedDomain
import Plot
import Vapor

extension CustomerForm {
    var body: HTMLNode {
        let s = viewer.s
        let action = customer.map { SiteURL.customer($0.id.rawValue).path } ?? SiteURL.customers().path
        let e = errors
        return H.group([
            Layout.pageHead(customer == nil ? s.newCustomer : s.editCustomer),
            Forms.summary(e, s),
            Forms.form(
                action: action, csrf: viewer.csrf, cls: "card form",
                [
                    Forms.select(
                        "kind", label: s.kind, options: Customer.Kind.allCases.map { ($0.rawValue, s.kindName($0)) },
                        selected: values.kind, errors: e, s: s),
                    Forms.field("name", label: s.name, value: values.name, required: true, errors: e, s: s),
                    Forms.textarea(
                        "phones", label: s.phones, value: values.phones, hint: s.onePerLine, rows: 2, errors: e, s: s),
                    Forms.textarea(
                        "emails", label: s.emails, value: values.emails, hint: s.onePerLine, rows: 2, errors: e, s: s),
                    Forms.field("city", label: s.city, value: values.city, errors: e, s: s),
                    Forms.field("address", label: s.address, value: values.address, errors: e, s: s),
                    Forms.field(
                        "birthday", label: s.birthday, value: values.birthday, hint: s.birthdayHint, errors: e, s: s),
                    Forms.textarea(
                        "dates", label: s.ownDates, value: values.dates, hint: s.ownDatesHint, rows: 2, errors: e, s: s),
                    Forms.select(
                        "home_location_id", label: s.homeLocation, options: viewer.locationOptions,
                        selected: values.home_location_id ?? viewer.staff.homeLocationID?.description, errors: e, s: s),
                    H.el(
                        "fieldset", [("class", "consent-fields")],
                        [
                            H.el("legend", [], [H.text(s.consent)]),
                            H.group(
                                ContactChannel.consentable.map { channel in
                                    Forms.select(
                                        "consent_\(channel.rawValue)", label: s.contactChannel(channel),
                                        options: [
                                            ("", s.consentNone), ("given", s.consentGiven),
                                            ("withdrawn", s.consentWithdrawn),
                                        ],
                                        selected: values.consentState(channel), errors: e, s: s)
                                }),
                            Forms.field(
                                "consent_source", label: s.consentHow, value: values.consent_source,
                                hint: s.consentHowDefault, errors: e, s: s),
                        ]),
                    H.el(
                        "details", [("class", "more"), ("open", e.isEmpty ? nil : "")],
                        [
                            H.el("summary", [], [H.text(s.more)]),
                            Forms.textarea(
                                "messengers", label: s.messengers, value: values.messengers, hint: s.onePerLine,
                                rows: 2, errors: e, s: s),
                            Forms.select(
                                "owner_id", label: s.owner,
                                options: staff.filter(\.isActive).map { ($0.id.description, $0.name) },
                                selected: values.owner_id, errors: e, s: s, includeBlank: s.none),
                            Forms.select(
                                "language", label: s.language, options: ["ru", "en"].map { ($0, s.languageName($0)) },
                                selected: values.language ?? viewer.lang.rawValue, errors: e, s: s),
                            Forms.select(
                                "preferred_channel", label: s.preferredChannel,
                                options: ContactChannel.consentable.map { ($0.rawValue, s.contactChannel($0)) },
                                selected: values.preferred_channel, errors: e, s: s, includeBlank: s.none),
                            Forms.field("tags", label: s.tags, value: values.tags, hint: s.tagsHint, errors: e, s: s),
                            Forms.field("external_id", label: s.externalID, value: values.external_id, errors: e, s: s),
                        ]),
                    H.div(
                        "form-actions",
                        [
                            Forms.submit(s.save),
                            H.a(
                                customer.map { SiteURL.customer($0.id.rawValue).path } ?? SiteURL.customers().path,
                                s.cancel, cls: "button"),
                        ]),
                ]),
        ])
    }
}
