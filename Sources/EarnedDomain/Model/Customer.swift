import Foundation

public typealias CustomerID = Identifier<Customer>

/// A person or a company that buys from the business.
public struct Customer: Hashable, Codable, Sendable, Identifiable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case person
        case company
    }

    public var id: CustomerID
    public var kind: Kind
    public var name: String
    public var contacts: [ContactPoint]
    public var dates: [CustomerDate]
    public var consents: [Consent]
    /// The staff member who owns the relationship.
    public var ownerID: StaffID?
    public var homeLocationID: LocationID?
    /// "ru" or "en".
    public var language: String
    public var preferredChannel: ContactChannel?
    public var tags: [String]
    /// The customer's id in the business's own system (POS, web shop), unique when present.
    public var externalID: String?
    /// The town or city the customer lives in, as the business writes it.
    public var city: String?
    /// The street address, free text.
    public var address: String?
    public var createdAt: Date
    public var updatedAt: Date
    /// Set when the customer's personal data was erased on request.
    public var erasedAt: Date?

    public init(
        id: CustomerID = CustomerID(), kind: Kind = .person, name: String, contacts: [ContactPoint] = [],
        dates: [CustomerDate] = [], consents: [Consent] = [], ownerID: StaffID? = nil,
        homeLocationID: LocationID? = nil, language: String = "ru", preferredChannel: ContactChannel? = nil,
        tags: [String] = [], externalID: String? = nil, createdAt: Date, updatedAt: Date, erasedAt: Date? = nil,
        city: String? = nil, address: String? = nil
    ) {
        self.id = id
        self.kind = kind
        self.name = name
        self.contacts = contacts
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
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.erasedAt = erasedAt
    }

    public var birthday: LocalDate? { dates.first { $0.kind == .birthday }?.date }
    public var phones: [String] { contacts.filter { $0.channel == .phone }.map(\.value) }
    public var emails: [String] { contacts.filter { $0.channel == .email }.map(\.value) }

    /// The customer's current consent for a channel: the latest record wins; no record means
    /// no consent.
    public func consent(for channel: ContactChannel) -> Consent? {
        consents.filter { $0.channel == channel }.max { $0.at < $1.at }
    }

    public func mayContact(via channel: ContactChannel) -> Bool { consent(for: channel)?.given == true }

    /// Name, phones' digits and e-mails folded for partial, case-insensitive search.
    public var searchText: String {
        var parts = [name]
        parts += contacts.map { $0.channel == .phone ? String($0.value.dropFirst()) : $0.value }
        if let externalID { parts.append(externalID) }
        return ContactNormalizer.searchFold(parts.joined(separator: " "))
    }
}

/// A phone number, e-mail address or messenger handle.
public struct ContactPoint: Hashable, Codable, Sendable {
    public var channel: ContactChannel
    public var value: String
    public var label: String?

    public init(channel: ContactChannel, value: String, label: String? = nil) {
        self.channel = channel
        self.value = value
        self.label = label
    }
}

/// A date worth remembering: a birthday, an anniversary, a company's founding day.
public struct CustomerDate: Hashable, Codable, Sendable {
    public enum Kind: String, Codable, Sendable, CaseIterable {
        case birthday
        case anniversary
        case other
    }

    public var kind: Kind
    public var date: LocalDate
    public var label: String?

    public init(kind: Kind, date: LocalDate, label: String? = nil) {
        self.kind = kind
        self.date = date
        self.label = label
    }
}

/// Consent to be contacted through a channel: given or withdrawn, when, and how it was recorded.
public struct Consent: Hashable, Codable, Sendable {
    public var channel: ContactChannel
    public var given: Bool
    public var at: Date
    /// How it was obtained or withdrawn: "paper form", "web checkbox", "said on the phone".
    public var source: String

    public init(channel: ContactChannel, given: Bool, at: Date, source: String) {
        self.channel = channel
        self.given = given
        self.at = at
        self.source = source
    }
}
