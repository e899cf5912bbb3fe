import Foundation

/// What a person, the API or an import supplies to create or change a customer. Fields left
/// nil keep the existing value on an update.
public struct CustomerDraft: Sendable, Codable, Hashable {
    public var kind: Customer.Kind?
    public var name: String?
    public var phones: [String]?
    public var emails: [String]?
    public var messengers: [String]?
    public var dates: [CustomerDate]?
    public var consents: [Consent]?
    public var ownerID: StaffID?
    public var homeLocationID: LocationID?
    public var language: String?
    public var preferredChannel: ContactChannel?
    public var tags: [String]?
    public var externalID: String?
    public var city: String?
    public var address: String?

    public init(
        kind: Customer.Kind? = nil, name: String? = nil, phones: [String]? = nil, emails: [String]? = nil,
        messengers: [String]? = nil, dates: [CustomerDate]? = nil, consents: [Consent]? = nil,
        ownerID: StaffID? = nil, homeLocationID: LocationID? = nil, language: String? = nil,
        preferredChannel: ContactChannel? = nil, tags: [String]? = nil, externalID: String? = nil,
        city: String? = nil, address: String? = nil
    ) {
        self.kind = kind
        self.name = name
        self.phones = phones
        self.emails = emails
        self.messengers = messengers
        self.dates = dates
        self.consents = consents
        self.ownerID = ownerID
        self.homeLocationID = homeLocationID
        self.language = language
        self.preferredChannel = preferredChannel
        self.tags = tags
        self.externalID = externalID
        self.city = city
        self.address = address
    }

    public static let nameLimit = 200
    public static let cityLimit = 100
    public static let addressLimit = 300
    public static let languages = ["ru", "en"]

    /// Checks every field and returns the customer it describes, or throws all the problems at
    /// once. `existing` is the customer being changed, if any.
    public func validated(id: CustomerID, now: Date, existing: Customer? = nil) throws(DomainError) -> Customer {
        var v = Validator()
        let name = v.text("name", name ?? existing?.name, required: true, max: Self.nameLimit)

        var contacts: [ContactPoint] = []
        if let phones {
            for (index, raw) in phones.enumerated() {
                guard let value = v.text("phones.\(index)", raw, required: true, max: 40) else { continue }
                if let phone = ContactNormalizer.phone(value) {
                    contacts.append(ContactPoint(channel: .phone, value: phone))
                } else {
                    v.add("phones.\(index)", .invalidFormat, detail: "a phone number such as +7 916 123-45-67")
                }
            }
        } else {
            contacts += existing?.contacts.filter { $0.channel == .phone } ?? []
        }
        if let emails {
            for (index, raw) in emails.enumerated() {
                guard let value = v.text("emails.\(index)", raw, required: true, max: 254) else { continue }
                if let email = ContactNormalizer.email(value) {
                    contacts.append(ContactPoint(channel: .email, value: email))
                } else {
                    v.add("emails.\(index)", .invalidFormat, detail: "name@example.com")
                }
            }
        } else {
            contacts += existing?.contacts.filter { $0.channel == .email } ?? []
        }
        if let messengers {
            for (index, raw) in messengers.enumerated() {
                if let value = v.text("messengers.\(index)", raw, required: true, max: 100) {
                    contacts.append(ContactPoint(channel: .messenger, value: value))
                }
            }
        } else {
            contacts += existing?.contacts.filter { $0.channel == .messenger } ?? []
        }
        contacts = Self.unique(contacts)

        let dates = dates ?? existing?.dates ?? []
        for (index, date) in dates.enumerated() {
            if !date.date.isValid { v.add("dates.\(index).date", .invalidFormat, detail: "YYYY-MM-DD or --MM-DD") }
            if date.kind == .birthday, let year = date.date.year,
                let nowYear = Calendar(identifier: .gregorian).dateComponents(in: .gmt, from: now).year,
                year > nowYear
            {
                v.add("dates.\(index).date", .outOfRange, detail: "a birthday cannot be in the future")
            }
            v.text("dates.\(index).label", date.label, max: 80)
        }
        if dates.filter({ $0.kind == .birthday }).count > 1 {
            v.add("dates", .duplicate, detail: "another birthday")
        }

        let consents = consents ?? existing?.consents ?? []
        for (index, consent) in consents.enumerated() {
            if !ContactChannel.consentable.contains(consent.channel) {
                v.add(
                    "consents.\(index).channel", .invalidChoice,
                    detail: ContactChannel.consentable.map(\.rawValue).joined(separator: ", "))
            }
            v.text("consents.\(index).source", consent.source, required: true, max: 120)
            if consent.at > now.addingTimeInterval(300) {
                v.add("consents.\(index).at", .outOfRange, detail: "cannot be in the future")
            }
        }

        let language = language ?? existing?.language ?? "ru"
        if !Self.languages.contains(language) {
            v.add("language", .invalidChoice, detail: Self.languages.joined(separator: ", "))
        }
        var tags: [String] = []
        for (index, tag) in (self.tags ?? existing?.tags ?? []).enumerated() {
            if let tag = v.text("tags.\(index)", tag, required: true, max: 40), !tags.contains(tag) {
                tags.append(tag)
            }
        }
        if tags.count > 30 { v.add("tags", .outOfRange, detail: "at most 30 tags") }
        let externalID = v.text("external_id", externalID ?? existing?.externalID, max: 100)
        let city = v.text("city", city ?? existing?.city, max: Self.cityLimit)
        let address = v.text("address", address ?? existing?.address, max: Self.addressLimit)
        try v.check()

        return Customer(
            id: id, kind: kind ?? existing?.kind ?? .person, name: name ?? "", contacts: contacts, dates: dates,
            consents: consents, ownerID: ownerID ?? existing?.ownerID,
            homeLocationID: homeLocationID ?? existing?.homeLocationID, language: language,
            preferredChannel: preferredChannel ?? existing?.preferredChannel, tags: tags, externalID: externalID,
            createdAt: existing?.createdAt ?? now, updatedAt: now, erasedAt: existing?.erasedAt, city: city,
            address: address)
    }

    static func unique(_ contacts: [ContactPoint]) -> [ContactPoint] {
        var seen = Set<String>()
        return contacts.filter { seen.insert($0.channel.rawValue + ":" + $0.value).inserted }
    }
}
