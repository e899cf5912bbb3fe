import EarnedDomain
import Plot
import Vapor

/// Create or edit a customer. What was typed is shown again with the errors beside the fields.
struct CustomerForm {
    /// The form's fields as posted (all text, so nothing typed is lost on an error).
    struct Values: Content {
        var kind: String?
        var name: String?
        var phones: String?
        var emails: String?
        var messengers: String?
        var birthday: String?
        var owner_id: String?
        var home_location_id: String?
        var language: String?
        var preferred_channel: String?
        var tags: String?
        var external_id: String?
        var city: String?
        var address: String?
        var consent_phone: String?
        var consent_sms: String?
        var consent_email: String?
        var consent_messenger: String?
        var consent_post: String?
        var consent_source: String?

        init() {}

        init(_ c: Customer) {
            kind = c.kind.rawValue
            name = c.name
            phones = c.phones.joined(separator: "\n")
            emails = c.emails.joined(separator: "\n")
            messengers = c.contacts.filter { $0.channel == .messenger }.map(\.value).joined(separator: "\n")
            birthday = c.birthday?.description
            owner_id = c.ownerID?.description
            home_location_id = c.homeLocationID?.description
            language = c.language
            preferred_channel = c.preferredChannel?.rawValue
            tags = c.tags.joined(separator: ", ")
            external_id = c.externalID
            city = c.city
            address = c.address
            for channel in ContactChannel.consentable {
                let state = c.consent(for: channel).map { $0.given ? "given" : "withdrawn" } ?? ""
                switch channel {
                case .phone: consent_phone = state
                case .sms: consent_sms = state
                case .email: consent_email = state
                case .messenger: consent_messenger = state
                default: consent_post = state
                }
            }
        }

        func consentState(_ channel: ContactChannel) -> String? {
            switch channel {
            case .phone: consent_phone
            case .sms: consent_sms
            case .email: consent_email
            case .messenger: consent_messenger
            default: consent_post
            }
        }

        static func lines(_ text: String?) -> [String] {
            (text ?? "").split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
        }

        /// The draft these fields describe. A changed consent becomes a new consent record, so
        /// its history (when, how) is kept.
        func draft(existing: Customer?, now: Date) throws -> CustomerDraft {
            var errors: [FieldError] = []
            var draft = CustomerDraft()
            draft.kind = Customer.Kind(rawValue: kind ?? "person") ?? .person
            draft.name = name ?? ""
            draft.phones = Self.lines(phones)
            draft.emails = Self.lines(emails)
            draft.messengers = Self.lines(messengers)
            var dates = existing?.dates.filter { $0.kind != .birthday } ?? []
            if let birthday = birthday?.trimmingCharacters(in: .whitespaces), !birthday.isEmpty {
                if let date = LocalDate(iso: birthday) ?? Self.russianDate(birthday) {
                    dates.insert(CustomerDate(kind: .birthday, date: date), at: 0)
                } else {
                    errors.append(FieldError(field: "birthday", code: .invalidFormat, detail: "YYYY-MM-DD"))
                }
            }
            draft.dates = dates
            draft.ownerID = owner_id.flatMap(StaffID.init(string:))
            draft.homeLocationID = home_location_id.flatMap(LocationID.init(string:))
            draft.language = language
            if let channel = preferred_channel, !channel.isEmpty {
                draft.preferredChannel = ContactChannel(rawValue: channel)
            }
            draft.tags = (tags ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                .filter { !$0.isEmpty }
            draft.externalID = external_id ?? ""
            draft.city = city ?? ""
            draft.address = address ?? ""
            var consents = existing?.consents ?? []
            let source = (consent_source ?? "").trimmingCharacters(in: .whitespaces)
            for channel in ContactChannel.consentable {
                let wanted = consentState(channel) ?? ""
                let current = existing?.consent(for: channel).map { $0.given ? "given" : "withdrawn" } ?? ""
                guard wanted != current, wanted == "given" || wanted == "withdrawn" else { continue }
                consents.append(
                    Consent(
                        channel: channel, given: wanted == "given", at: now, source: source.isEmpty ? "staff" : source))
            }
            draft.consents = consents
            if !errors.isEmpty {
                do { _ = try draft.validated(id: CustomerID(), now: now) } catch {
                    if case .invalid(let more) = error { errors += more }
                }
                throw DomainError.invalid(errors)
            }
            return draft
        }

        static func russianDate(_ text: String) -> LocalDate? {
            let parts = text.split(separator: ".")
            guard parts.count == 3 || parts.count == 2, let d = Int(parts[0]), let m = Int(parts[1]) else { return nil }
            let date = LocalDate(year: parts.count == 3 ? Int(parts[2]) : nil, month: m, day: d)
            return date.isValid ? date : nil
        }
    }

    var viewer: ViewerContext
    var customer: Customer?
    var values: Values
    var errors: [FieldError]
    var staff: [Staff]

    var body: HTMLNode {
        let s = viewer.s
        let action = customer.map { SiteURL.customer($0.id.rawValue).path } ?? "/customers"
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
                                "language", label: s.language, options: [("ru", "Русский"), ("en", "English")],
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
