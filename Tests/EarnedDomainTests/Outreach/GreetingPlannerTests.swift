import Foundation
import Testing

@testable import EarnedDomain

@Suite("Greeting planner")
struct GreetingPlannerTests {
    typealias F = OutreachFixture
    /// Tuesday 10 June 2025: no built-in holiday.
    let day = LocalDate(year: 2025, month: 6, day: 10)
    let birthday = LocalDate(year: 1990, month: 6, day: 10)

    func plan(
        _ candidates: [GreetingCandidate], on date: LocalDate? = nil, holidays: HolidayCalendar = .standard,
        templates: [GreetingTemplate] = GreetingTemplate.defaults, budget: FatigueBudget = .standard
    ) -> [GreetingDecision] {
        GreetingPlanner.plan(
            on: date ?? day, candidates: candidates, holidays: holidays, templates: templates, budget: budget,
            quietHours: .standard)
    }

    func candidate(_ customer: Customer, zone: TimeZone = F.moscow, firstOrderAt: Date? = nil, touches: [Touch] = [])
        -> GreetingCandidate
    {
        GreetingCandidate(
            customer: customer, timeZone: zone, firstOrderAt: firstOrderAt, lastOrderItems: "кофемашина",
            locationName: "Кофейня на Ленина", touches: touches)
    }

    @Test("a birthday greeting at 10:00 local, in the customer's language, with a stable task key")
    func birthdayGreeting() throws {
        let customer = F.customer(birthday: birthday)
        let decisions = plan([candidate(customer)])
        #expect(decisions.count == 1)
        let greeting = try #require(decisions.first?.planned)
        #expect(greeting.customerID == customer.id)
        #expect(greeting.occasion == .birthday)
        #expect(greeting.channel == .sms)
        #expect(greeting.sendAt == F.utc(2025, 6, 10, 7))
        #expect(greeting.language == "ru")
        #expect(greeting.text.hasPrefix("Анна, с днём рождения!"))
        #expect(greeting.taskKey == "greeting:\(customer.id.rawValue.uuidString.lowercased()):birthday:2025-06-10")
        #expect(greeting.touch == Touch(at: greeting.sendAt, kind: .greeting))
    }

    @Test("the same local 10:00 is a different instant in Vladivostok and Kaliningrad, never in quiet hours")
    func timeZones() throws {
        let east = F.customer(birthday: birthday)
        let west = F.customer(birthday: birthday)
        let decisions = plan([candidate(east, zone: F.vladivostok), candidate(west, zone: F.kaliningrad)])
        let eastAt = try #require(decisions.first?.planned?.sendAt)
        let westAt = try #require(decisions.last?.planned?.sendAt)
        #expect(eastAt == F.utc(2025, 6, 10, 0))
        #expect(westAt == F.utc(2025, 6, 10, 8))
        #expect(!QuietHours.standard.isQuiet(at: eastAt, in: F.vladivostok))
        #expect(!QuietHours.standard.isQuiet(at: westAt, in: F.kaliningrad))
        // Vladivostok's greeting goes out while it is night in Kaliningrad.
        #expect(QuietHours.standard.isQuiet(at: eastAt, in: F.kaliningrad))
    }

    @Test(
        "29 February birthdays are greeted on 28 February in common years only",
        arguments: [
            (LocalDate(year: 2025, month: 2, day: 28), true), (LocalDate(year: 2025, month: 3, day: 1), false),
            (LocalDate(year: 2024, month: 2, day: 28), false), (LocalDate(year: 2024, month: 2, day: 29), true),
            (LocalDate(year: 2100, month: 2, day: 28), true),
        ])
    func leapDay(_ date: LocalDate, _ greeted: Bool) {
        let customer = F.customer(birthday: LocalDate(year: 1992, month: 2, day: 29))
        let decisions = plan(
            [candidate(customer)], on: date, holidays: HolidayCalendar(disabledIDs: ["ru-defender-day"]))
        #expect(decisions.map(\.occasion) == (greeted ? [.birthday] : []))
    }

    @Test("a birthday without a year is greeted; one in the future is not")
    func birthdayYears() {
        let noYear = F.customer(birthday: LocalDate(year: nil, month: 6, day: 10))
        let unborn = F.customer(birthday: LocalDate(year: 2026, month: 6, day: 10))
        let decisions = plan([candidate(noYear), candidate(unborn)])
        #expect(decisions.map(\.customerID) == [noYear.id])
    }

    @Test("the anniversary of the first order, in whole years, with the Russian plural")
    func anniversary() throws {
        let customer = F.customer()
        let decisions = plan([candidate(customer, firstOrderAt: F.utc(2022, 6, 10, 9))])
        let greeting = try #require(decisions.first?.planned)
        #expect(greeting.occasion == .purchaseAnniversary(years: 3))
        #expect(greeting.text.contains("уже 3 года"))
        #expect(greeting.taskKey.hasSuffix(":purchase_anniversary-3:2025-06-10"))
        let english = F.customer(name: "John Smith", consents: [F.consent(.email)], language: "en")
        let first = try #require(plan([candidate(english, firstOrderAt: F.utc(2024, 6, 10, 9))]).first?.planned)
        #expect(first.text.contains("for 1 year now"))
        #expect(first.channel == .email)
        #expect(first.language == "en")
    }

    @Test("no anniversary in the year of the first order")
    func firstYear() {
        #expect(plan([candidate(F.customer(), firstOrderAt: F.utc(2025, 6, 10, 9))]).isEmpty)
        #expect(plan([candidate(F.customer(), firstOrderAt: F.utc(2022, 6, 11, 9))]).isEmpty)
    }

    @Test("the first order is dated in the customer's time zone")
    func anniversaryZone() {
        // 20:00 UTC on 9 June 2022 is 06:00 on 10 June in Vladivostok but 22:00 on 9 June in Kaliningrad.
        let firstOrder = F.utc(2022, 6, 9, 20)
        let east = F.customer()
        let west = F.customer()
        let decisions = plan([
            candidate(east, zone: F.vladivostok, firstOrderAt: firstOrder),
            candidate(west, zone: F.kaliningrad, firstOrderAt: firstOrder),
        ])
        #expect(decisions.map(\.customerID) == [east.id])
        let june9 = plan(
            [candidate(west, zone: F.kaliningrad, firstOrderAt: firstOrder)],
            on: LocalDate(year: 2025, month: 6, day: 9))
        #expect(june9.map(\.occasion) == [.purchaseAnniversary(years: 3)])
    }

    @Test("a first order on 29 February is remembered on 28 February in common years")
    func leapAnniversary() {
        let decisions = plan(
            [candidate(F.customer(), firstOrderAt: F.utc(2024, 2, 29, 9))], on: LocalDate(year: 2025, month: 2, day: 28)
        )
        #expect(decisions.map(\.occasion) == [.purchaseAnniversary(years: 1)])
    }

    @Test("one greeting a day: birthday over anniversary over holiday")
    func oneADay() throws {
        let russiaDay = LocalDate(year: 2025, month: 6, day: 12)
        let all = F.customer(birthday: LocalDate(year: 1985, month: 6, day: 12))
        let anniversaryAndHoliday = F.customer()
        let holidayOnly = F.customer()
        let decisions = plan(
            [
                candidate(all, firstOrderAt: F.utc(2020, 6, 12, 9)),
                candidate(anniversaryAndHoliday, firstOrderAt: F.utc(2020, 6, 12, 9)),
                candidate(holidayOnly),
            ], on: russiaDay)
        #expect(decisions.count == 3)
        #expect(
            decisions.map(\.occasion) == [.birthday, .purchaseAnniversary(years: 5), .holiday(id: "ru-russia-day")])
        let holiday = try #require(decisions.last?.planned)
        #expect(holiday.text == "Анна, поздравляем вас с праздником — День России! Желаем тепла и хорошего настроения.")
    }

    @Test("a customer listed twice is still greeted once")
    func duplicates() {
        let customer = F.customer(birthday: birthday)
        #expect(plan([candidate(customer), candidate(customer)]).count == 1)
    }

    @Test("no occasion, no decision; holidays that do not greet are no occasion")
    func noOccasion() {
        let quietHoliday = HolidayCalendar(
            custom: [
                Holiday(id: "stocktaking", month: 6, day: 10, nameRu: "Учёт", nameEn: "Stocktaking", greets: false)
            ])
        #expect(plan([candidate(F.customer())], holidays: quietHoliday).isEmpty)
        #expect(plan([candidate(F.customer(birthday: birthday))], on: LocalDate(year: nil, month: 6, day: 10)).isEmpty)
    }

    @Test("withdrawn consent after it was given means no greeting")
    func withdrawn() {
        let customer = F.customer(
            birthday: birthday,
            consents: [F.consent(.sms, true, at: F.utc(2024, 1, 1)), F.consent(.sms, false, at: F.utc(2025, 3, 1))])
        let decisions = plan([candidate(customer)])
        #expect(decisions == [.skipped(customerID: customer.id, occasion: .birthday, reason: .noConsent)])
    }

    @Test("consent given again after a withdrawal counts")
    func givenAgain() {
        let customer = F.customer(
            birthday: birthday,
            consents: [F.consent(.sms, false, at: F.utc(2024, 1, 1)), F.consent(.sms, true, at: F.utc(2025, 3, 1))])
        #expect(plan([candidate(customer)]).first?.planned?.channel == .sms)
    }

    @Test(
        "the preferred channel if consented, else messenger, SMS, e-mail; never a phone call",
        arguments: [
            ([ContactChannel.sms, .email, .messenger], ContactChannel?.some(.email), ContactChannel?.some(.email)),
            ([.sms, .email, .messenger], nil, .messenger),
            ([.sms, .email], .messenger, .sms),
            ([.email, .phone], .phone, .email),
            ([.phone, .post], .phone, nil),
            ([], nil, nil),
        ])
    func channels(_ consented: [ContactChannel], _ preferred: ContactChannel?, _ expected: ContactChannel?) {
        let customer = F.customer(
            birthday: birthday, consents: consented.map { F.consent($0) }, preferredChannel: preferred)
        #expect(GreetingPlanner.channel(for: customer) == expected)
        let decision = plan([candidate(customer)]).first
        if let expected {
            #expect(decision?.planned?.channel == expected)
        } else {
            #expect(decision?.skipReason == .noConsent)
        }
    }

    @Test("a full fatigue budget at the time of sending skips the greeting; incident calls do not")
    func budget() {
        let customer = F.customer(birthday: birthday)
        let sendAt = F.utc(2025, 6, 10, 7)
        let recent = [30.0, 20, 10, 1].map { Touch(at: sendAt.addingTimeInterval(-F.days($0) + 1), kind: .survey) }
        #expect(plan([candidate(customer, touches: recent)]).first?.skipReason == .fatigueBudget)
        // The oldest touch left the window exactly at the moment of sending.
        let oldest = [30.0, 20, 10, 1].map { Touch(at: sendAt.addingTimeInterval(-F.days($0)), kind: .survey) }
        #expect(plan([candidate(customer, touches: oldest)]).first?.planned != nil)
        let calls = [4.0, 3, 2, 1].map { Touch(at: sendAt.addingTimeInterval(-F.days($0)), kind: .outreach) }
        #expect(plan([candidate(customer, touches: calls)]).first?.planned != nil)
        let tight = plan(
            [candidate(customer, touches: [Touch(at: sendAt.addingTimeInterval(-F.days(3)), kind: .followUp)])],
            budget: FatigueBudget(maxTouches: 1, windowDays: 7))
        #expect(tight.first?.skipReason == .fatigueBudget)
    }

    @Test("an erased customer is never greeted")
    func erased() {
        let customer = F.customer(birthday: birthday, erasedAt: F.utc(2025, 5, 1))
        #expect(
            plan([candidate(customer)]) == [.skipped(customerID: customer.id, occasion: .birthday, reason: .erased)])
    }

    @Test("templates fall back to English, then Russian; without any the customer is skipped")
    func templateFallback() throws {
        let russianOnly = GreetingTemplate.defaults.filter { $0.language == "ru" }
        let englishOnly = GreetingTemplate.defaults.filter { $0.language == "en" }
        let english = F.customer(name: "John Smith", birthday: birthday, language: "en")
        let russian = F.customer(birthday: birthday)
        #expect(plan([candidate(english)], templates: russianOnly).first?.planned?.language == "ru")
        #expect(plan([candidate(russian)], templates: englishOnly).first?.planned?.language == "en")
        #expect(
            plan([candidate(russian)], templates: englishOnly).first?.planned?.text.hasPrefix("Happy birthday, Анна!")
                == true)
        #expect(
            plan([candidate(russian)], templates: []) == [
                .skipped(customerID: russian.id, occasion: .birthday, reason: .noTemplate)
            ])
    }

    @Test("a language without templates gets English before Russian")
    func otherLanguage() {
        let customer = F.customer(name: "Dana Nurlanova", birthday: birthday, language: "kk")
        #expect(plan([candidate(customer)]).first?.planned?.language == "en")
    }

    @Test("a weaker occasion with a template is greeted when the stronger one has none")
    func weakerOccasion() {
        let customer = F.customer(birthday: LocalDate(year: 1985, month: 6, day: 12))
        let holidayTemplates = GreetingTemplate.defaults.filter { $0.occasion == .holiday }
        let decisions = plan(
            [candidate(customer)], on: LocalDate(year: 2025, month: 6, day: 12), templates: holidayTemplates)
        #expect(decisions.map(\.occasion) == [.holiday(id: "ru-russia-day")])
    }

    @Test("an owner's template placed after the defaults wins")
    func override() throws {
        let own = GreetingTemplate(
            occasion: .birthday, language: "ru", text: "{first_name}, с днём рождения! Ждём вас в «{location}».")
        let greeting = try #require(
            plan([candidate(F.customer(birthday: birthday))], templates: GreetingTemplate.defaults + [own]).first?
                .planned)
        #expect(greeting.text == "Анна, с днём рождения! Ждём вас в «Кофейня на Ленина».")
    }

    @Test("planning the same day twice gives the same decisions")
    func idempotent() {
        let candidates = [
            candidate(F.customer(birthday: birthday)), candidate(F.customer(), firstOrderAt: F.utc(2021, 6, 10)),
        ]
        #expect(plan(candidates) == plan(candidates))
    }
}
