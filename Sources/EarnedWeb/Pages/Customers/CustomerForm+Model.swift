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
}
