import EarnedDomain
import Vapor

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
