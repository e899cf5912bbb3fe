import Foundation
import Testing

@testable import EarnedDomain

@Suite("Customer rules")
struct CustomerRulesTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test(
        "phones are normalized the way Russian shops write them",
        arguments: [
            ("8 (916) 123-45-67", "+79161234567"), ("+7 916 123 45 67", "+79161234567"),
            ("9161234567", "+79161234567"), ("+49 151 5654 0342", "+4915156540342"),
        ])
    func phones(_ input: String, _ expected: String) {
        #expect(ContactNormalizer.phone(input) == expected)
    }

    @Test(
        "text that is not a phone or an e-mail is refused",
        arguments: ["позвонить вечером", "123", "12345", "+7 916 abc"])
    func notPhones(_ input: String) {
        #expect(ContactNormalizer.phone(input) == nil)
    }

    @Test(
        "e-mails",
        arguments: [("Anna@Example.RU ", "anna@example.ru"), ("a@b", nil), ("a b@c.de", nil), ("@c.de", nil)])
    func emails(_ input: String, _ expected: String?) {
        #expect(ContactNormalizer.email(input) == expected)
    }

    @Test("every bad field is reported at once")
    func allErrors() throws {
        let draft = CustomerDraft(
            name: "", phones: ["nope"], emails: ["bad"], language: "de",
            tags: [String(repeating: "x", count: 41)])
        #expect(throws: DomainError.self) { try draft.validated(id: CustomerID(), now: now) }
        do {
            _ = try draft.validated(id: CustomerID(), now: now)
        } catch {
            guard case .invalid(let errors) = error else { Issue.record("expected invalid"); return }
            #expect(Set(errors.map(\.field)) == ["name", "phones.0", "emails.0", "language", "tags.0"])
        }
    }

    @Test("a birthday in the future and a second birthday are refused")
    func birthdays() {
        let future = CustomerDraft(
            name: "A", dates: [CustomerDate(kind: .birthday, date: LocalDate(year: 2099, month: 1, day: 1))])
        #expect(throws: DomainError.self) { try future.validated(id: CustomerID(), now: now) }
        let two = CustomerDraft(
            name: "A",
            dates: [
                CustomerDate(kind: .birthday, date: LocalDate(year: 1990, month: 1, day: 1)),
                CustomerDate(kind: .birthday, date: LocalDate(year: 1991, month: 1, day: 1)),
            ])
        #expect(throws: DomainError.self) { try two.validated(id: CustomerID(), now: now) }
        #expect(LocalDate(iso: "2023-02-29") == nil)
        #expect(LocalDate(iso: "2024-02-29") != nil)
        #expect(LocalDate(iso: "--02-29")?.year == nil)
    }

    @Test("the latest consent per channel wins")
    func consent() throws {
        let t0 = now.addingTimeInterval(-86_400 * 10)
        let customer = try CustomerDraft(
            name: "A",
            consents: [
                Consent(channel: .sms, given: true, at: t0, source: "form"),
                Consent(channel: .sms, given: false, at: t0.addingTimeInterval(3600), source: "phone call"),
                Consent(channel: .email, given: true, at: t0, source: "form"),
            ]
        ).validated(id: CustomerID(), now: now)
        #expect(!customer.mayContact(via: .sms))
        #expect(customer.mayContact(via: .email))
        #expect(!customer.mayContact(via: .phone))
    }

    @Test("a merge keeps contacts, dates and consents of both, and both birthdays")
    func merge() throws {
        let a = try CustomerDraft(
            name: "Анна", phones: ["+79160000001"],
            dates: [CustomerDate(kind: .birthday, date: LocalDate(year: 1985, month: 3, day: 15))]
        ).validated(id: CustomerID(), now: now)
        let b = try CustomerDraft(
            name: "Анна С.", phones: ["+79160000001", "+79160000002"], emails: ["a@b.ru"],
            dates: [CustomerDate(kind: .birthday, date: LocalDate(year: 1985, month: 5, day: 15))],
            consents: [Consent(channel: .email, given: true, at: now, source: "form")], tags: ["vip"]
        ).validated(id: CustomerID(), now: now)
        let merged = try CustomerMerge.merge(survivor: a, absorbed: b, now: now)
        #expect(merged.name == "Анна")
        #expect(merged.phones == ["+79160000001", "+79160000002"])
        #expect(merged.emails == ["a@b.ru"])
        #expect(merged.birthday == LocalDate(year: 1985, month: 3, day: 15))
        #expect(merged.dates.count == 2)
        #expect(merged.mayContact(via: .email))
        #expect(merged.tags == ["vip"])
        #expect(throws: DomainError.self) { try CustomerMerge.merge(survivor: a, absorbed: a, now: now) }
    }

    @Test("erasure leaves no personal data on the customer")
    func erasure() throws {
        let c = try CustomerDraft(
            name: "Анна", phones: ["+79160000001"], emails: ["a@b.ru"],
            dates: [CustomerDate(kind: .birthday, date: LocalDate(year: 1985, month: 3, day: 15))], tags: ["vip"],
            externalID: "X1"
        ).validated(id: CustomerID(), now: now)
        let erased = CustomerMerge.erased(c, now: now)
        #expect(erased.name.isEmpty && erased.contacts.isEmpty && erased.dates.isEmpty && erased.tags.isEmpty)
        #expect(erased.externalID == nil && erased.erasedAt == now && erased.id == c.id)
        #expect(erased.searchText.isEmpty)
    }

    @Test("search text folds case and ё, and keeps phone digits")
    func searchText() throws {
        let c = try CustomerDraft(name: "Пётр ИВАНОВ", phones: ["8 916 123 45 67"]).validated(
            id: CustomerID(), now: now)
        #expect(c.searchText.contains("петр иванов"))
        #expect(c.searchText.contains("79161234567"))
    }
}

@Suite("Orders, locations, staff")
struct OtherRulesTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    @Test("an order cannot be delivered before it was placed, nor cost less than nothing")
    func orderRules() {
        let draft = OrderDraft(
            customerID: CustomerID(), placedAt: now, amountMinorUnits: -1, currency: "rub",
            deliveredAt: now.addingTimeInterval(-60))
        do {
            _ = try draft.validated(id: OrderID(), now: now, defaultCurrency: "RUB")
            Issue.record("expected an error")
        } catch {
            guard case .invalid(let errors) = error else { return }
            #expect(Set(errors.map(\.field)) == ["amount_minor_units", "currency", "delivered_at"])
        }
    }

    @Test("weekly hours: split days parse, overlaps are refused")
    func hours() {
        #expect(
            WeeklyHours.parseDay("09:00-13:00, 14:00-20:00") == [
                DayPeriod(start: 540, end: 780), DayPeriod(start: 840, end: 1200),
            ])
        #expect(WeeklyHours.parseDay("") == [])
        #expect(WeeklyHours.parseDay("09:00-14:00, 13:00-20:00") == nil)
        #expect(WeeklyHours.parseDay("25:00-26:00") == nil)
        let bad = LocationDraft(name: "X", timeZone: "Nowhere/City")
        #expect(throws: DomainError.self) { try bad.validated(id: LocationID(), now: now) }
    }

    @Test("a shift past midnight contains the small hours")
    func nightShift() {
        let night = Shift(name: "ночь", start: 22 * 60, end: 6 * 60)
        #expect(night.contains(minuteOfDay: 23 * 60))
        #expect(night.contains(minuteOfDay: 60))
        #expect(!night.contains(minuteOfDay: 12 * 60))
    }

    @Test("who may do what")
    func policy() {
        let owner = Staff(name: "O", email: "o@x.y", role: .owner, homeLocationID: nil, createdAt: now, updatedAt: now)
        let loc = LocationID()
        let manager = Staff(
            name: "M", email: "m@x.y", role: .manager, homeLocationID: loc, createdAt: now, updatedAt: now)
        let staff = Staff(name: "S", email: "s@x.y", role: .staff, homeLocationID: loc, createdAt: now, updatedAt: now)
        #expect(Policy.may(owner, .manageStaff) && !Policy.may(manager, .manageStaff))
        #expect(Policy.may(manager, .mergeCustomers) && !Policy.may(staff, .mergeCustomers))
        #expect(staff.canSee(location: loc) && !staff.canSee(location: LocationID()) && !staff.canSee(location: nil))
        #expect(owner.canSee(location: LocationID()))
        var inactive = owner
        inactive.isActive = false
        #expect(!Policy.may(inactive, .manageStaff))
    }
}
