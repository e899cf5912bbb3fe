import EarnedDomain
import Foundation

/// A customer as the API writes it.
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
