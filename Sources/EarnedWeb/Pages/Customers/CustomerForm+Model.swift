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
        /// The customer's own dates but the birthday, one a line: "anniversary 2015-06-12 wedding".
        var dates: String?
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

        /// The customer's fields; the dates' kinds in `lang`.
        init(_ c: Customer, lang: Lang = .en) {
            kind = c.kind.rawValue
            name = c.name
            phones = c.phones.joined(separator: "\n")
            emails = c.emails.joined(separator: "\n")
            messengers = c.contacts.filter { $0.channel == .messenger }.map(\.value).joined(separator: "\n")
            birthday = c.birthday?.description
            dates = c.dates.filter { $0.kind != .birthday }.map { Self.line($0, lang: lang) }.joined(separator: "\n")
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
            var dates: [CustomerDate] = []
            if let typed = self.dates {
                for line in Self.lines(typed) {
                    if let date = Self.customerDate(line) {
                        dates.append(date)
                    } else {
                        errors.append(
                            FieldError(
                                field: "dates", code: .invalidFormat,
                                detail: "годовщина|anniversary|другое|other YYYY-MM-DD"))
                        break
                    }
                }
            } else {
                // A form without the field (an older page) keeps the dates stored.
                dates = existing?.dates.filter { $0.kind != .birthday } ?? []
            }
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

        /// "anniversary 2015-06-12 wedding" or "годовщина 12.06.2015 свадьба"; "other" or
        /// "другое" for any other date; without a year, "--06-12" or "12.06".
        static func customerDate(_ line: String) -> CustomerDate? {
            let words = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
            guard words.count >= 2, let kind = kinds[words[0].lowercased()],
                let date = LocalDate(iso: words[1]) ?? russianDate(words[1]), date.isValid
            else { return nil }
            let label = words.count > 2 ? words[2].trimmingCharacters(in: .whitespaces) : ""
            return CustomerDate(kind: kind, date: date, label: label.isEmpty ? nil : label)
        }

        static let kinds: [String: CustomerDate.Kind] = [
            "anniversary": .anniversary, "годовщина": .anniversary, "other": .other, "другое": .other,
        ]

        static func line(_ date: CustomerDate, lang: Lang) -> String {
            let kind =
                switch (date.kind, lang) {
                case (.anniversary, .ru): "годовщина"
                case (.other, .ru): "другое"
                default: date.kind.rawValue
                }
            return [kind, date.date.description, date.label ?? ""].filter { !$0.isEmpty }.joined(separator: " ")
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
