import Foundation
import Testing

@testable import EarnedDomain

@Suite("Greetings on the customer's own dates")
struct CustomerDateGreetingTests {
    typealias F = OutreachFixture
    /// Tuesday 10 June 2025: no built-in holiday in Russia or Germany.
    let day = LocalDate(year: 2025, month: 6, day: 10)

    func customer(
        _ dates: [CustomerDate], language: String = "ru", consents: [Consent] = [F.consent(.sms)],
        kind: Customer.Kind = .person, name: String = "Анна Петрова"
    ) -> Customer {
        var customer = F.customer(name: name, kind: kind, consents: consents, language: language)
        customer.dates = dates
        return customer
    }

    func plan(
        _ customers: [Customer], on date: LocalDate? = nil, firstOrderAt: Date? = nil, touches: [Touch] = [],
        country: Country = .ru, templates: [GreetingTemplate] = GreetingTemplate.defaults
    ) -> [GreetingDecision] {
        GreetingPlanner.plan(
            on: date ?? day,
            candidates: customers.map {
                GreetingCandidate(
                    customer: $0, timeZone: F.moscow, firstOrderAt: firstOrderAt, country: country, touches: touches)
            }, holidays: .standard, templates: templates, budget: .standard, quietHours: .standard)
    }

    @Test("a stored anniversary is greeted on its day with its label, in Russian")
    func anniversary() throws {
        let anna = customer([
            CustomerDate(kind: .anniversary, date: LocalDate(year: 2015, month: 6, day: 10), label: "годовщина свадьбы")
        ])
        let greeting = try #require(plan([anna]).first?.planned)
        #expect(greeting.occasion == .anniversary(label: "годовщина свадьбы", years: 10))
        #expect(
            greeting.text
                == "Анна, поздравляем вас с памятной датой — годовщина свадьбы! Желаем счастья, тепла и много радостных дней. Спасибо, что вы с нами."
        )
        #expect(greeting.sendAt == F.utc(2025, 6, 10, 7))
        #expect(greeting.taskKey == "greeting:\(anna.id.rawValue.uuidString.lowercased()):anniversary:2025-06-10")
        #expect(plan([anna], on: LocalDate(year: 2025, month: 6, day: 9)).isEmpty)
        #expect(plan([anna], on: LocalDate(year: 2025, month: 6, day: 11)).isEmpty)
    }

    @Test("a company's founding day is an other date, greeted in English with its label")
    func foundingDay() throws {
        let company = customer(
            [
                CustomerDate(
                    kind: .other, date: LocalDate(year: 2010, month: 6, day: 10), label: "the company's founding day")
            ],
            language: "en", kind: .company, name: "Acme GmbH")
        let greeting = try #require(plan([company]).first?.planned)
        #expect(greeting.occasion == .otherDate(label: "the company's founding day", years: 15))
        #expect(greeting.occasion.key == "other_date")
        #expect(greeting.text.hasPrefix("Acme GmbH, today is your day — the company's founding day!"))
    }

    @Test("a date without a label reads as a special day; one without a year recurs every year")
    func noLabelNoYear() throws {
        let anna = customer([CustomerDate(kind: .other, date: LocalDate(year: nil, month: 6, day: 10), label: "  ")])
        let greeting = try #require(plan([anna]).first?.planned)
        #expect(greeting.occasion == .otherDate(label: nil, years: nil))
        #expect(greeting.text.hasPrefix("Анна, сегодня у вас праздник — особенный день!"))
    }

    @Test("a date stored with this year is no anniversary yet")
    func sameYear() {
        let anna = customer([CustomerDate(kind: .anniversary, date: LocalDate(year: 2025, month: 6, day: 10))])
        #expect(plan([anna]).isEmpty)
    }

    @Test("29 February is greeted on 28 February in common years, as birthdays are")
    func leapDay() throws {
        let anna = customer([CustomerDate(kind: .anniversary, date: LocalDate(year: 2012, month: 2, day: 29))])
        #expect(
            plan([anna], on: LocalDate(year: 2025, month: 2, day: 28)).first?.occasion
                == .anniversary(label: nil, years: 13))
        #expect(plan([anna], on: LocalDate(year: 2024, month: 2, day: 28)).isEmpty)
        #expect(
            plan([anna], on: LocalDate(year: 2024, month: 2, day: 29)).first?.occasion
                == .anniversary(label: nil, years: 12))
    }

    @Test(
        "one greeting a day: birthday, then own anniversary, then own other date, then purchase anniversary, then holiday"
    )
    func priority() throws {
        let dates = [
            CustomerDate(kind: .other, date: LocalDate(year: nil, month: 6, day: 12), label: "именины"),
            CustomerDate(kind: .anniversary, date: LocalDate(year: 2000, month: 6, day: 12), label: "свадьба"),
        ]
        let russiaDay = LocalDate(year: 2025, month: 6, day: 12)
        let firstOrder = F.utc(2022, 6, 12, 9)
        let candidate = GreetingCandidate(customer: customer(dates), timeZone: F.moscow, firstOrderAt: firstOrder)
        #expect(
            GreetingPlanner.occasions(on: russiaDay, for: candidate, holidays: .standard) == [
                .anniversary(label: "свадьба", years: 25), .otherDate(label: "именины", years: nil),
                .purchaseAnniversary(years: 3),
                .holiday(id: "ru-russia-day"),
            ])
        let decisions = plan([customer(dates)], on: russiaDay, firstOrderAt: firstOrder)
        #expect(decisions.map(\.occasion) == [.anniversary(label: "свадьба", years: 25)])
        var withBirthday = customer(dates)
        withBirthday.dates.append(CustomerDate(kind: .birthday, date: LocalDate(year: 1990, month: 6, day: 12)))
        #expect(plan([withBirthday], on: russiaDay).map(\.occasion) == [.birthday])
    }

    @Test("consent and the fatigue budget hold as for every greeting")
    func consentAndBudget() {
        let date = CustomerDate(kind: .anniversary, date: LocalDate(year: 2015, month: 6, day: 10))
        let silent = customer([date], consents: [F.consent(.sms, false)])
        #expect(plan([silent]).first?.skipReason == .noConsent)
        let busy = (1...FatigueBudget.standard.maxTouches).map {
            Touch(at: F.utc(2025, 6, 10 - $0, 12), kind: .followUp)
        }
        #expect(plan([customer([date])], touches: Array(busy.dropFirst())).first?.planned != nil)
        #expect(plan([customer([date])], touches: busy).first?.skipReason == .fatigueBudget)
    }

    @Test(
        "{years} of an own date counts from its stored year, with the Russian plural",
        arguments: [(2024, "1 год"), (2022, "3 года"), (2020, "5 лет"), (2004, "21 год"), (2014, "11 лет")])
    func yearsOfOwnDate(_ stored: Int, _ words: String) throws {
        let owner = GreetingTemplate(occasion: .anniversary, language: "ru", text: "{first_name}: {label}, {years}")
        let anna = customer([
            CustomerDate(kind: .anniversary, date: LocalDate(year: stored, month: 6, day: 10), label: "вместе")
        ])
        let greeting = try #require(plan([anna], templates: GreetingTemplate.defaults + [owner]).first?.planned)
        #expect(greeting.text == "Анна: вместе, \(words)")
        #expect(GreetingTemplate.problems(in: "{years}", occasion: .otherDate).isEmpty)
    }

    @Test("{label} is refused outside the customer's own dates, and rendered in them")
    func labelField() {
        #expect(GreetingTemplate.problems(in: "{label}", occasion: .anniversary).isEmpty)
        #expect(GreetingTemplate.problems(in: "{label}", occasion: .otherDate).isEmpty)
        #expect(GreetingTemplate.problems(in: "{label}", occasion: .birthday).map(\.code) == [.inconsistent])
        let template = GreetingTemplate(occasion: .otherDate, language: "en", text: "{first_name}: {label}")
        #expect(template.render(GreetingContext(name: "Ann Lee", label: "name day")) == "Ann: name day")
    }

    @Test("every kind of occasion has a built-in template in Russian and in English")
    func defaults() {
        for kind in GreetingOccasion.Kind.allCases {
            for language in GreetingTemplate.languages {
                let template = GreetingTemplate.defaults.last { $0.occasion == kind && $0.language == language }
                #expect(template != nil, "\(kind) \(language)")
                if let template { #expect(GreetingTemplate.problems(in: template.text, occasion: kind).isEmpty) }
            }
        }
    }
}
