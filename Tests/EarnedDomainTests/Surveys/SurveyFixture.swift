import Foundation

@testable import EarnedDomain

/// Fixed instants, zones, people and surveys for the survey tests.
enum SurveyFixture {
    static func utc(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0) -> Date {
        let days = CivilDays.dayNumber(year: year, month: month, day: day)
        return Date(timeIntervalSince1970: Double(days * 86_400 + hour * 3600 + minute * 60))
    }

    /// 2025-06-10 12:00 UTC, a Tuesday.
    static let now = utc(2025, 6, 10, 12)
    static let moscow = TimeZone(identifier: "Europe/Moscow")!
    static let vladivostok = TimeZone(identifier: "Asia/Vladivostok")!

    static let seller = StaffID()
    static let otherSeller = StaffID()

    static let location = Location(
        name: "Кофейня на Ленина", timeZone: "Europe/Moscow",
        hours: .uniform([DayPeriod(start: 9 * 60, end: 21 * 60)]),
        shifts: [Shift(name: "Утро", start: 9 * 60, end: 15 * 60), Shift(name: "Вечер", start: 15 * 60, end: 21 * 60)],
        createdAt: utc(2024, 1, 1), updatedAt: utc(2024, 1, 1))

    static func consent(_ channel: ContactChannel, _ given: Bool = true, at: Date = utc(2024, 1, 1)) -> Consent {
        Consent(channel: channel, given: given, at: at, source: "paper form")
    }

    static func customer(
        consents: [Consent] = [consent(.sms)], language: String = "ru", preferredChannel: ContactChannel? = nil,
        erasedAt: Date? = nil
    ) -> Customer {
        Customer(
            name: "Анна Петрова", consents: consents, ownerID: seller, homeLocationID: location.id,
            language: language, preferredChannel: preferredChannel, createdAt: utc(2024, 1, 1),
            updatedAt: utc(2024, 1, 1), erasedAt: erasedAt)
    }

    static func order(for customer: Customer, deliveredAt: Date? = utc(2025, 6, 10, 9, 30)) -> Order {
        Order(
            customerID: customer.id, sellerID: seller, locationID: location.id, placedAt: utc(2025, 6, 1),
            amount: Money(minorUnits: 100_000, currency: "RUB"), channel: .store, deliveredAt: deliveredAt,
            createdAt: utc(2025, 6, 1), updatedAt: utc(2025, 6, 1))
    }

    static func definition(
        trigger: SurveyTrigger = .orderDelivered, questions: [SurveyQuestion.Kind] = SurveyQuestion.Kind.allCases,
        samplingRate: Double = 1, delay: TimeInterval = 2 * 3600, thresholds: LowScoreThresholds = .standard
    ) -> SurveyDefinition {
        SurveyDefinition(
            id: SurveyDefinitionID(UUID(uuidString: "00000000-0000-0000-0000-0000000000aa")!), name: "После покупки",
            trigger: trigger, questions: questions.map { SurveyQuestion(kind: $0) }, samplingRate: samplingRate,
            delay: delay, thresholds: thresholds, createdAt: utc(2024, 1, 1), updatedAt: utc(2024, 1, 1))
    }

    static func attribution() -> SurveyAttribution {
        SurveyAttribution(
            staffID: seller, role: .seller, locationID: location.id, shiftName: "Утро", channel: .sales(.store),
            servedAt: utc(2025, 6, 10, 9, 30))
    }

    static func answer(
        _ values: SurveyAnswerValues, subject: ServiceTask.Subject.Kind = .order, language: String = "ru"
    ) -> SurveyAnswer {
        SurveyAnswer(
            invitationID: SurveyInvitationID(UUID(uuidString: "00000000-0000-0000-0000-0000000000bb")!),
            definitionID: definition().id, customerID: CustomerID(), subject: .init(kind: subject, id: UUID()),
            language: language, answeredAt: now, values: values)
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
}

/// A seeded generator (SplitMix64) for reproducible tokens.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
