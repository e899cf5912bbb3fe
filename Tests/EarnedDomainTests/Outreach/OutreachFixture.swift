import Foundation

@testable import EarnedDomain

/// Fixed instants, zones and customers for the outreach and incident tests.
enum OutreachFixture {
    /// 2025-06-10 12:00 UTC, a Tuesday.
    static let now = utc(2025, 6, 10, 12)

    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0, _ second: Int = 0)
        -> Date
    {
        let days = CivilDays.dayNumber(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3600 + minute * 60 + second))
    }

    static func zone(_ identifier: String) -> TimeZone { TimeZone(identifier: identifier)! }

    static let moscow = zone("Europe/Moscow")
    static let berlin = zone("Europe/Berlin")
    static let newYork = zone("America/New_York")
    static let vladivostok = zone("Asia/Vladivostok")
    static let kaliningrad = zone("Europe/Kaliningrad")

    static func days(_ count: Double) -> TimeInterval { count * 86_400 }

    static func consent(_ channel: ContactChannel, _ given: Bool = true, at: Date = utc(2024, 1, 1)) -> Consent {
        Consent(channel: channel, given: given, at: at, source: "paper form")
    }

    static func customer(
        name: String = "Анна Петрова", kind: Customer.Kind = .person, birthday: LocalDate? = nil,
        consents: [Consent] = [consent(.sms)], language: String = "ru", preferredChannel: ContactChannel? = nil,
        erasedAt: Date? = nil
    ) -> Customer {
        Customer(
            kind: kind, name: name, contacts: [ContactPoint(channel: .phone, value: "+79161234567")],
            dates: birthday.map { [CustomerDate(kind: .birthday, date: $0)] } ?? [], consents: consents,
            language: language, preferredChannel: preferredChannel, createdAt: utc(2024, 1, 1),
            updatedAt: utc(2024, 1, 1), erasedAt: erasedAt)
    }

    static func order(
        customerID: CustomerID = CustomerID(), placedAt: Date, items: String? = nil, locationID: LocationID? = nil
    ) -> Order {
        Order(
            customerID: customerID, sellerID: nil, locationID: locationID, placedAt: placedAt,
            amount: Money(minorUnits: 100_000, currency: "RUB"), itemsSummary: items, createdAt: placedAt,
            updatedAt: placedAt)
    }

    /// The field names of a `DomainError.invalid`, or nil for any other outcome.
    static func invalidFields(_ body: () throws -> Void) -> [String]? {
        do {
            try body()
            return nil
        } catch {
            guard case .invalid(let errors) = error as? DomainError else { return nil }
            return errors.map(\.field)
        }
    }

    /// The field errors of a `DomainError.invalid`; empty for any other outcome.
    static func fieldErrors(_ body: () throws -> Void) -> [FieldError] {
        do {
            try body()
            return []
        } catch {
            guard case .invalid(let errors) = error as? DomainError else { return [] }
            return errors
        }
    }
}
