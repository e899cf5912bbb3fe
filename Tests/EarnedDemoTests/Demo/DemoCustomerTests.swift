import EarnedDomain
import Foundation
import Testing

@testable import EarnedDemo

@Suite("DemoBusiness: customers")
struct DemoCustomerTests {
    @Test func everyCustomerPassesTheDraftValidationUnchanged() throws {
        for customer in DemoFixture.data.customers {
            let draft = CustomerDraft(
                kind: customer.kind, name: customer.name, phones: customer.phones, emails: customer.emails,
                messengers: customer.contacts.filter { $0.channel == .messenger }.map(\.value), dates: customer.dates,
                consents: customer.consents, ownerID: customer.ownerID, homeLocationID: customer.homeLocationID,
                language: customer.language, preferredChannel: customer.preferredChannel, tags: customer.tags,
                externalID: customer.externalID)
            let valid = try draft.validated(id: customer.id, now: DemoFixture.now)
            #expect(valid.name == customer.name)
            #expect(valid.contacts.map(\.value) == customer.contacts.map(\.value))
            #expect(valid.dates == customer.dates)
            #expect(valid.consents == customer.consents)
            #expect(valid.tags == customer.tags)
        }
    }

    @Test func phonesAndEmailsAreNormalisedAndUnique() {
        let customers = DemoFixture.data.customers
        let phones = customers.flatMap(\.phones)
        let emails = customers.flatMap(\.emails)
        #expect(phones.allSatisfy { ContactNormalizer.phone($0) == $0 })
        #expect(emails.allSatisfy { ContactNormalizer.email($0) == $0 && $0.allSatisfy(\.isASCII) })
        #expect(Set(phones).count == phones.count)
        #expect(Set(emails).count == emails.count)
        #expect(phones.count > 4_500)
        #expect(emails.count > 3_500)
        let berlin = DemoFixture.berlin.id
        for customer in customers {
            let prefix = customer.homeLocationID == berlin ? "+49" : "+7"
            #expect(customer.phones.allSatisfy { $0.hasPrefix(prefix) }, "\(customer.name): \(customer.phones)")
        }
    }

    @Test func namesAreRussianAndEnglishPeopleAndSomeCompanies() {
        let customers = DemoFixture.data.customers
        #expect(customers.allSatisfy { !$0.name.isEmpty && $0.name == $0.name.trimmingCharacters(in: .whitespaces) })
        let cyrillic = customers.filter { $0.name.unicodeScalars.contains { (0x0400...0x04FF).contains($0.value) } }
        #expect(cyrillic.count > 3_000)
        #expect(customers.filter { $0.language == "en" }.count > 500)
        let companies = customers.filter { $0.kind == .company }
        #expect(companies.contains { $0.name.hasPrefix("ООО «") })
        #expect(companies.contains { $0.name.hasSuffix("GmbH") })
        #expect(companies.allSatisfy { $0.birthday == nil })
        #expect(Set(customers.map(\.name)).count > 3_000)
    }

    @Test func mostPersonsHaveValidBirthdaysOfAdults() {
        let persons = DemoFixture.data.customers.filter { $0.kind == .person }
        let birthdays = persons.compactMap(\.birthday)
        #expect(Double(birthdays.count) / Double(persons.count) > 0.7)
        for birthday in birthdays {
            #expect(birthday.isValid)
            if let year = birthday.year { #expect((1940...2008).contains(year)) }
        }
        #expect(birthdays.contains { $0.year == nil })
    }

    @Test func consentsArePerChannelWithTimeAndSource() {
        for customer in DemoFixture.data.customers {
            for consent in customer.consents {
                #expect(ContactChannel.consentable.contains(consent.channel))
                #expect(!consent.source.isEmpty)
                #expect(consent.at >= customer.createdAt && consent.at <= DemoFixture.now)
            }
            if let preferred = customer.preferredChannel {
                #expect(customer.mayContact(via: preferred), "\(customer.name) prefers \(preferred)")
            }
            if customer.consent(for: .email) != nil { #expect(!customer.emails.isEmpty) }
        }
        let withdrawn = DemoFixture.data.customers.filter { customer in
            customer.consents.contains {
                !$0.given && customer.consents.contains { $0.given && $0.at < customer.updatedAt }
            }
        }
        #expect(!withdrawn.isEmpty)
    }

    @Test func everyCustomerHasAnOwnerHomeLanguageAndExternalID() {
        let staff = Dictionary(uniqueKeysWithValues: DemoFixture.business.staff.map { ($0.id, $0) })
        let customers = DemoFixture.data.customers
        for (position, customer) in customers.enumerated() {
            let owner = staff[customer.ownerID!]!
            #expect(owner.homeLocationID == customer.homeLocationID)
            #expect(owner.department == DemoBusiness.Department.sales)
            #expect(CustomerDraft.languages.contains(customer.language))
            #expect(customer.externalID == "D-" + DemoBusiness.padded(position + 1, width: 6))
            #expect(customer.createdAt < DemoFixture.now)
            #expect(customer.tags.count <= 3)
        }
        #expect(customers[0].externalID == "D-000001")
        let shares = DemoFixture.business.locations.map { location in
            Double(customers.filter { $0.homeLocationID == location.id }.count) / Double(customers.count)
        }
        #expect(abs(shares[0] - 0.45) < 0.03 && abs(shares[1] - 0.30) < 0.03 && abs(shares[2] - 0.25) < 0.03)
    }

    @Test func customersAreCreatedAtTheirFirstPurchase() {
        let first = Dictionary(grouping: DemoFixture.data.orders, by: \.customerID).mapValues { $0[0] }
        for customer in DemoFixture.data.customers {
            guard let order = first[customer.id] else { continue }
            #expect(customer.createdAt < order.placedAt)
            #expect(order.placedAt.timeIntervalSince(customer.createdAt) < 900)
        }
    }

    @Test func ordersOfACustomerAreChronologicalAndTheTruthMatches() {
        let data = DemoFixture.data
        let byCustomer = Dictionary(grouping: data.orders, by: \.customerID)
        for truth in data.truths {
            let orders = byCustomer[truth.customerID] ?? []
            #expect(zip(orders, orders.dropFirst()).allSatisfy { $0.placedAt <= $1.placedAt })
            if let dropped = truth.droppedOutAt { #expect(dropped == orders.last?.placedAt) }
            #expect(truth.purchaseRate > 0 && (0...1).contains(truth.dropoutProbability) && truth.meanSpend > 0)
        }
    }

    @Test func someCustomersHaveNotes() {
        let notes = DemoFixture.data.notes
        #expect((100...500).contains(notes.count))
        let created = Dictionary(uniqueKeysWithValues: DemoFixture.data.customers.map { ($0.id, $0.createdAt) })
        for note in notes {
            #expect(!note.text.isEmpty && note.text.count <= CustomerNote.textLimit)
            #expect(
                note.createdAt >= created[note.customerID]!.addingTimeInterval(-1) && note.createdAt <= DemoFixture.now)
            #expect(note.authorID != nil)
        }
    }
}
