import Foundation

@testable import EarnedDomain

/// Orders, customers and calendars for the after-sale tests.
enum AfterSaleFixture {
    static let sellerID = PromiseFixture.ownerID
    static let relationshipOwnerID = PromiseFixture.otherOwnerID
    static let orderID = OrderID(UUID(uuidString: "0193A5B2-7C4D-7E8F-9A0B-1C2D3E4F5A6B")!)

    static let berlin = TimeZone(identifier: "Europe/Berlin")!

    /// Open 10:00–20:00 Monday to Saturday, closed on Sunday and on 25 November 2026.
    static let berlinShop = BusinessCalendar(
        timeZone: berlin, hours: .uniform([DayPeriod(start: 600, end: 1200)], closed: [7]),
        specialDays: [
            SpecialDay(
                date: LocalDate(year: 2026, month: 11, day: 25), kind: .holiday, label: "Stocktaking", periods: [])
        ])

    /// Open around the clock, in UTC.
    static let alwaysOpen = BusinessCalendar(
        timeZone: .gmt, hours: .uniform([DayPeriod(start: 0, end: 1440)]), specialDays: [])

    static func order(deliveredAt: Date?, sellerID: StaffID? = sellerID) -> Order {
        Order(
            id: orderID, customerID: PromiseFixture.customerID, sellerID: sellerID,
            locationID: PromiseFixture.locationID, placedAt: PromiseFixture.now - 30 * PromiseFixture.day,
            amount: Money(minorUnits: 4_500_000, currency: "RUB"), promisedAt: nil, deliveredAt: deliveredAt,
            createdAt: PromiseFixture.now - 30 * PromiseFixture.day, updatedAt: PromiseFixture.now)
    }

    /// A customer who consents to `consented` channels and refused `refused` ones.
    static func customer(
        preferred: ContactChannel? = nil, consented: [ContactChannel] = [.phone], refused: [ContactChannel] = []
    ) -> Customer {
        let then = PromiseFixture.now - 60 * PromiseFixture.day
        let consents =
            consented.map { Consent(channel: $0, given: true, at: then, source: "paper form") }
            + refused.map { Consent(channel: $0, given: false, at: then, source: "said on the phone") }
        return Customer(
            id: PromiseFixture.customerID, name: "Анна Петрова", consents: consents,
            ownerID: relationshipOwnerID, preferredChannel: preferred, createdAt: then, updatedAt: then)
    }
}
