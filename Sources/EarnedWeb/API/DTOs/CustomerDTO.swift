import EarnedDomain
import EarnedStore
import Vapor

/// The JSON shapes of the API, in snake_case. Inputs have every field optional: on create the
/// domain reports what is missing; on PATCH a missing field keeps its value.
struct CustomerDTO: APIObject {
    var id: UUID
    var kind: String
    var name: String
    var phones: [String]
    var emails: [String]
    var messengers: [String]
    var dates: [CustomerDate]
    var consents: [Consent]
    var owner_id: UUID?
    var home_location_id: UUID?
    var language: String
    var preferred_channel: String?
    var tags: [String]
    var external_id: String?
    var city: String?
    var address: String?
    var created_at: Date
    var updated_at: Date
    var erased_at: Date?

    init(_ c: Customer) {
        id = c.id.rawValue
        kind = c.kind.rawValue
        name = c.name
        phones = c.phones
        emails = c.emails
        messengers = c.contacts.filter { $0.channel == .messenger }.map(\.value)
        dates = c.dates
        consents = c.consents
        owner_id = c.ownerID?.rawValue
        home_location_id = c.homeLocationID?.rawValue
        language = c.language
        preferred_channel = c.preferredChannel?.rawValue
        tags = c.tags
        external_id = c.externalID
        city = c.city
        address = c.address
        created_at = c.createdAt
        updated_at = c.updatedAt
        erased_at = c.erasedAt
    }
}

struct CustomerInput: Content {
    var kind: Customer.Kind?
    var name: String?
    var phones: [String]?
    var emails: [String]?
    var messengers: [String]?
    var dates: [CustomerDate]?
    var consents: [Consent]?
    var owner_id: UUID?
    var home_location_id: UUID?
    var language: String?
    var preferred_channel: ContactChannel?
    var tags: [String]?
    var external_id: String?
    var city: String?
    var address: String?

    var draft: CustomerDraft {
        CustomerDraft(
            kind: kind, name: name, phones: phones, emails: emails, messengers: messengers, dates: dates,
            consents: consents, ownerID: owner_id.map(StaffID.init),
            homeLocationID: home_location_id.map(LocationID.init),
            language: language, preferredChannel: preferred_channel, tags: tags, externalID: external_id, city: city,
            address: address)
    }
}

struct OrderDTO: APIObject {
    var id: UUID
    var customer_id: UUID
    var seller_id: UUID?
    var location_id: UUID?
    var placed_at: Date
    var amount_minor_units: Int64
    var currency: String
    var discount_minor_units: Int64
    var quantity: Int
    var items_summary: String?
    var channel: String
    var promised_at: Date?
    var delivered_at: Date?
    var external_id: String?
    var created_at: Date
    var updated_at: Date

    init(_ o: Order) {
        id = o.id.rawValue
        customer_id = o.customerID.rawValue
        seller_id = o.sellerID?.rawValue
        location_id = o.locationID?.rawValue
        placed_at = o.placedAt
        amount_minor_units = o.amount.minorUnits
        currency = o.amount.currency
        discount_minor_units = o.discountMinorUnits
        quantity = o.quantity
        items_summary = o.itemsSummary
        channel = o.channel.rawValue
        promised_at = o.promisedAt
        delivered_at = o.deliveredAt
        external_id = o.externalID
        created_at = o.createdAt
        updated_at = o.updatedAt
    }
}

struct OrderInput: Content {
    var customer_id: UUID?
    var seller_id: UUID?
    var location_id: UUID?
    var placed_at: Date?
    var amount_minor_units: Int64?
    var currency: String?
    var discount_minor_units: Int64?
    var quantity: Int?
    var items_summary: String?
    var channel: Order.SalesChannel?
    var promised_at: Date?
    var delivered_at: Date?
    var external_id: String?

    var draft: OrderDraft {
        OrderDraft(
            customerID: customer_id.map(CustomerID.init), sellerID: seller_id.map(StaffID.init),
            locationID: location_id.map(LocationID.init), placedAt: placed_at, amountMinorUnits: amount_minor_units,
            currency: currency, discountMinorUnits: discount_minor_units, quantity: quantity,
            itemsSummary: items_summary,
            channel: channel, promisedAt: promised_at, deliveredAt: delivered_at, externalID: external_id)
    }
}

struct LocationDTO: APIObject {
    var id: UUID
    var name: String
    var time_zone: String
    var hours: WeeklyHours
    var special_days: [SpecialDay]
    var shifts: [Shift]
    var created_at: Date
    var updated_at: Date

    init(_ l: Location) {
        id = l.id.rawValue
        name = l.name
        time_zone = l.timeZone
        hours = l.hours
        special_days = l.specialDays
        shifts = l.shifts
        created_at = l.createdAt
        updated_at = l.updatedAt
    }
}

struct LocationInput: Content {
    var name: String?
    var time_zone: String?
    var hours: WeeklyHours?
    var special_days: [SpecialDay]?
    var shifts: [Shift]?

    var draft: LocationDraft {
        LocationDraft(name: name, timeZone: time_zone, hours: hours, specialDays: special_days, shifts: shifts)
    }
}

struct StaffDTO: APIObject {
    var id: UUID
    var name: String
    var email: String
    var role: String
    var home_location_id: UUID?
    var extra_location_ids: [UUID]
    var department: String?
    var is_active: Bool
    var created_at: Date
    var updated_at: Date

    init(_ s: Staff) {
        id = s.id.rawValue
        name = s.name
        email = s.email
        role = s.role.rawValue
        home_location_id = s.homeLocationID?.rawValue
        extra_location_ids = s.extraLocationIDs.map(\.rawValue)
        department = s.department
        is_active = s.isActive
        created_at = s.createdAt
        updated_at = s.updatedAt
    }
}

struct StaffInput: Content {
    var name: String?
    var email: String?
    var role: Role?
    var home_location_id: UUID?
    var extra_location_ids: [UUID]?
    var department: String?
    var is_active: Bool?
    var password: String?

    var draft: StaffDraft {
        StaffDraft(
            name: name, email: email, role: role, homeLocationID: home_location_id.map(LocationID.init),
            extraLocationIDs: extra_location_ids?.map(LocationID.init), department: department, isActive: is_active)
    }
}

struct NoteDTO: APIObject {
    var id: UUID
    var customer_id: UUID
    var author_id: UUID?
    var text: String
    var created_at: Date

    init(_ n: CustomerNote) {
        id = n.id.rawValue
        customer_id = n.customerID.rawValue
        author_id = n.authorID?.rawValue
        text = n.text
        created_at = n.createdAt
    }
}

struct NoteInput: Content {
    var text: String?
}

struct MergeInput: Content {
    var duplicate_id: UUID?
}

struct ListDTO<Item: Content>: APIObject {
    var items: [Item]
    var next_cursor: String?
}
