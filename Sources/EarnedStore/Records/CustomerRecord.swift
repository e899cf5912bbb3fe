import EarnedDomain
import FluentKit
import Foundation

final class CustomerRecord: Model, @unchecked Sendable {
    static let schema = "customers"

    @ID(key: .id) var id: UUID?
    @Field(key: "kind") var kind: String
    @Field(key: "name") var name: String
    /// The folded name, for ordering and keyset paging.
    @Field(key: "sort_key") var sortKey: String
    /// Name, phone digits, e-mails and external id folded for partial search.
    @Field(key: "search_text") var searchText: String
    @OptionalField(key: "owner_id") var ownerID: UUID?
    @OptionalField(key: "home_location_id") var homeLocationID: UUID?
    @Field(key: "language") var language: String
    @OptionalField(key: "preferred_channel") var preferredChannel: String?
    @Field(key: "tags_json") var tagsJSON: String
    @OptionalField(key: "external_id") var externalID: String?
    @OptionalField(key: "city") var city: String?
    @OptionalField(key: "address") var address: String?
    /// `DuplicateRule`'s folded keys, for finding suggested duplicates by index.
    @OptionalField(key: "name_key") var nameKey: String?
    @OptionalField(key: "city_key") var cityKey: String?
    @OptionalField(key: "external_key") var externalKey: String?
    @OptionalField(key: "merged_into_id") var mergedIntoID: UUID?
    @OptionalField(key: "erased_at") var erasedAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ customer: Customer) {
        id = customer.id.rawValue
        apply(customer)
    }

    func apply(_ customer: Customer) {
        kind = customer.kind.rawValue
        name = customer.name
        sortKey = ContactNormalizer.searchFold(customer.name)
        searchText = customer.erasedAt == nil ? customer.searchText : ""
        ownerID = customer.ownerID?.rawValue
        homeLocationID = customer.homeLocationID?.rawValue
        language = customer.language
        preferredChannel = customer.preferredChannel?.rawValue
        tagsJSON = JSONCoding.string(customer.tags)
        externalID = customer.externalID
        city = customer.city
        address = customer.address
        nameKey = DuplicateRule.nameKey(customer.name)
        cityKey = DuplicateRule.cityKey(customer.city)
        externalKey = DuplicateRule.externalKey(customer.externalID)
        erasedAt = customer.erasedAt
        createdAt = customer.createdAt
        updatedAt = customer.updatedAt
    }

    func domain(contacts: [ContactPoint], dates: [CustomerDate], consents: [Consent]) -> Customer {
        Customer(
            id: CustomerID(id!), kind: Customer.Kind(rawValue: kind) ?? .person, name: name, contacts: contacts,
            dates: dates, consents: consents, ownerID: ownerID.map(StaffID.init),
            homeLocationID: homeLocationID.map(LocationID.init), language: language,
            preferredChannel: preferredChannel.flatMap(ContactChannel.init(rawValue:)),
            tags: JSONCoding.decode([String].self, tagsJSON) ?? [], externalID: externalID, createdAt: createdAt,
            updatedAt: updatedAt, erasedAt: erasedAt, city: city, address: address)
    }
}

final class CustomerContactRecord: Model, @unchecked Sendable {
    static let schema = "customer_contacts"

    @ID(key: .id) var id: UUID?
    @Field(key: "customer_id") var customerID: UUID
    @Field(key: "channel") var channel: String
    @Field(key: "value") var value: String
    @OptionalField(key: "label") var label: String?
    @Field(key: "position") var position: Int

    init() {}

    init(customerID: UUID, contact: ContactPoint, position: Int) {
        self.id = IDGenerator.next()
        self.customerID = customerID
        self.channel = contact.channel.rawValue
        self.value = contact.value
        self.label = contact.label
        self.position = position
    }

    var domain: ContactPoint? {
        ContactChannel(rawValue: channel).map { ContactPoint(channel: $0, value: value, label: label) }
    }
}

final class CustomerDateRecord: Model, @unchecked Sendable {
    static let schema = "customer_dates"

    @ID(key: .id) var id: UUID?
    @Field(key: "customer_id") var customerID: UUID
    @Field(key: "kind") var kind: String
    @OptionalField(key: "year") var year: Int?
    @Field(key: "month") var month: Int
    @Field(key: "day") var day: Int
    @OptionalField(key: "label") var label: String?

    init() {}

    init(customerID: UUID, date: CustomerDate) {
        self.id = IDGenerator.next()
        self.customerID = customerID
        self.kind = date.kind.rawValue
        self.year = date.date.year
        self.month = date.date.month
        self.day = date.date.day
        self.label = date.label
    }

    var domain: CustomerDate {
        CustomerDate(
            kind: CustomerDate.Kind(rawValue: kind) ?? .other, date: LocalDate(year: year, month: month, day: day),
            label: label)
    }
}

final class CustomerConsentRecord: Model, @unchecked Sendable {
    static let schema = "customer_consents"

    @ID(key: .id) var id: UUID?
    @Field(key: "customer_id") var customerID: UUID
    @Field(key: "channel") var channel: String
    @Field(key: "given") var given: Bool
    @Field(key: "at") var at: Date
    @Field(key: "source") var source: String

    init() {}

    init(customerID: UUID, consent: Consent) {
        self.id = IDGenerator.next()
        self.customerID = customerID
        self.channel = consent.channel.rawValue
        self.given = consent.given
        self.at = consent.at
        self.source = consent.source
    }

    var domain: Consent? {
        ContactChannel(rawValue: channel).map { Consent(channel: $0, given: given, at: at, source: source) }
    }
}

final class CustomerNoteRecord: Model, @unchecked Sendable {
    static let schema = "customer_notes"

    @ID(key: .id) var id: UUID?
    @Field(key: "customer_id") var customerID: UUID
    @OptionalField(key: "author_id") var authorID: UUID?
    @Field(key: "text") var text: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(_ note: CustomerNote) {
        id = note.id.rawValue
        customerID = note.customerID.rawValue
        authorID = note.authorID?.rawValue
        text = note.text
        createdAt = note.createdAt
    }

    var domain: CustomerNote {
        CustomerNote(
            id: CustomerNoteID(id!), customerID: CustomerID(customerID), authorID: authorID.map(StaffID.init),
            text: text, createdAt: createdAt)
    }
}

final class DuplicateDismissalRecord: Model, @unchecked Sendable {
    static let schema = "duplicate_dismissals"

    @ID(key: .id) var id: UUID?
    /// The smaller of the two ids (`DuplicateDismissal.ordered`), so a pair is stored once.
    @Field(key: "first_id") var firstID: UUID
    @Field(key: "second_id") var secondID: UUID
    @OptionalField(key: "dismissed_by_id") var dismissedByID: UUID?
    @Field(key: "dismissed_at") var dismissedAt: Date

    init() {}

    init(first: UUID, second: UUID, by: UUID?, at: Date) {
        id = IDGenerator.next()
        firstID = first
        secondID = second
        dismissedByID = by
        dismissedAt = at
    }
}
