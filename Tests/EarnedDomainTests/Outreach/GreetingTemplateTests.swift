import Foundation
import Testing

@testable import EarnedDomain

@Suite("Greeting templates")
struct GreetingTemplateTests {
    let victoryDay = HolidayCalendar.standard.holiday(id: "ru-victory-day")

    func template(_ text: String, _ occasion: GreetingOccasion.Kind = .birthday, _ language: String = "ru")
        -> GreetingTemplate
    {
        GreetingTemplate(occasion: occasion, language: language, text: text)
    }

    @Test("every field is filled")
    func allFields() {
        let context = GreetingContext(
            name: "Анна Петрова", lastPurchase: "кофемашина Jura E8", years: 3, holiday: victoryDay,
            locationName: "Кофейня на Ленина")
        let text = template(
            "{first_name}|{name}|{last_purchase}|{years}|{holiday}|{location}", .purchaseAnniversary
        ).render(context)
        #expect(text == "Анна|Анна Петрова|кофемашина Jura E8|3 года|День Победы|Кофейня на Ленина")
        let english = template("{years}, {holiday}", .holiday, "en").render(context)
        #expect(english == "3 years, Victory Day")
        #expect(
            template("{years}", .purchaseAnniversary, "en").render(GreetingContext(name: "A", years: 1)) == "1 year")
    }

    @Test(
        "the first name is the first word, the word before a patronymic, or a company's whole name",
        arguments: [
            ("Анна Петрова", Customer.Kind.person, "Анна"),
            ("Иванова Анна Сергеевна", .person, "Анна"),
            ("Петров Илья Ильич", .person, "Илья"),
            ("Анна Сергеевна Иванова", .person, "Анна"),
            ("Мария", .person, "Мария"),
            ("  John   Smith ", .person, "John"),
            ("ООО «Ромашка»", .company, "ООО «Ромашка»"),
        ])
    func firstName(_ name: String, _ kind: Customer.Kind, _ expected: String) {
        #expect(GreetingContext(name: name, kind: kind).firstName == expected)
        #expect(template("{first_name}").render(GreetingContext(name: name, kind: kind)) == expected)
    }

    @Test("missing values render as neutral words, never as gaps")
    func missing() {
        let empty = GreetingContext(name: " ")
        #expect(
            template("{first_name}, {last_purchase}, {location}").render(empty)
                == "дорогой клиент, ваша покупка, наш магазин")
        #expect(template("{name}; {last_purchase}", .birthday, "en").render(empty) == "dear customer; your purchase")
        #expect(template("уже {years}", .purchaseAnniversary).render(empty) == "уже не первый год")
        #expect(template("{holiday}", .holiday, "en").render(empty) == "the holiday")
    }

    @Test("the Russian anniversary default agrees the number with its noun")
    func russianAnniversary() throws {
        let ru = try #require(
            GreetingTemplate.defaults.first { $0.occasion == .purchaseAnniversary && $0.language == "ru" })
        for (years, phrase) in [
            (1, "уже 1 год"), (3, "уже 3 года"), (5, "уже 5 лет"), (11, "уже 11 лет"), (21, "уже 21 год"),
        ] {
            let text = ru.render(GreetingContext(name: "Анна Петрова", years: years))
            #expect(text.contains(phrase))
            #expect(text.hasPrefix("Анна, "))
        }
    }

    @Test("there is a default for every occasion in both languages, valid, warm and without offers")
    func defaults() throws {
        for kind in GreetingOccasion.Kind.allCases {
            for language in ["ru", "en"] {
                let matches = GreetingTemplate.defaults.filter { $0.occasion == kind && $0.language == language }
                #expect(matches.count == 1)
            }
        }
        for template in GreetingTemplate.defaults {
            let checked = try GreetingTemplateDraft(
                occasion: template.occasion, language: template.language, text: template.text
            ).validated()
            #expect(checked == template)
            #expect(template.text.count <= 200)
            let lower = template.text.lowercased()
            for word in ["скидк", "акци", "промокод", "бонус", "%", "discount", "sale", "promo", "coupon", "offer"] {
                #expect(!lower.contains(word), "\(word) in \(template.text)")
            }
        }
    }

    @Test("a valid template keeps its text, trimmed")
    func valid() throws {
        let checked = try GreetingTemplateDraft(
            occasion: .holiday, language: "en", text: "  Happy {holiday}, {first_name}! See you at {location}.  "
        ).validated()
        #expect(checked.text == "Happy {holiday}, {first_name}! See you at {location}.")
    }

    @Test(
        "unknown fields and unmatched braces are refused, naming what is wrong",
        arguments: [
            ("Привет, {firstname}!", FieldError.Code.invalidChoice, "{firstname}"),
            ("Привет, {first_name!", .invalidFormat, "\"{\" at character 9"),
            ("Привет, first_name}!", .invalidFormat, "\"}\" at character 19"),
            ("Привет, {{first_name}}!", .invalidFormat, "\"{\" at character 9"),
            ("С праздником: {holiday}", .inconsistent, "{holiday}"),
            ("Уже {years}", .inconsistent, "{years}"),
        ])
    func refused(_ text: String, _ code: FieldError.Code, _ detail: String) throws {
        let errors = OutreachFixture.fieldErrors {
            _ = try GreetingTemplateDraft(occasion: .birthday, language: "ru", text: text).validated()
        }
        let error = try #require(errors.first)
        #expect(error.field == "text")
        #expect(error.code == code)
        #expect(error.detail?.contains(detail) == true, "\(error.detail ?? "")")
    }

    @Test("every problem is reported at once")
    func allProblems() {
        let errors = OutreachFixture.fieldErrors {
            _ = try GreetingTemplateDraft(
                occasion: .birthday, language: "de", text: "{a} {b} {first_name} } {years}"
            ).validated()
        }
        #expect(errors.map(\.field) == ["language", "text", "text", "text", "text"])
        #expect(errors.map(\.code) == [.invalidChoice, .invalidChoice, .invalidChoice, .invalidFormat, .inconsistent])
        let missing = OutreachFixture.invalidFields { _ = try GreetingTemplateDraft(text: "   ").validated() }
        #expect(missing == ["occasion", "language", "text"])
    }

    @Test("a text is at most 1000 characters")
    func length() {
        let long = String(repeating: "а", count: 1001)
        let errors = OutreachFixture.fieldErrors {
            _ = try GreetingTemplateDraft(occasion: .birthday, language: "ru", text: long).validated()
        }
        #expect(errors == [FieldError(field: "text", code: .tooLong, limit: 1000)])
        #expect(
            (try? GreetingTemplateDraft(occasion: .birthday, language: "ru", text: String(long.dropLast())).validated())
                != nil)
    }

    @Test("an update keeps what the draft leaves out")
    func update() throws {
        let current = GreetingTemplate(occasion: .holiday, language: "en", text: "Happy {holiday}!")
        let changed = try GreetingTemplateDraft(text: "Warm wishes on {holiday}!").validated(existing: current)
        #expect(changed == GreetingTemplate(occasion: .holiday, language: "en", text: "Warm wishes on {holiday}!"))
    }

    @Test("occasion keys are stable and colon-free")
    func keys() {
        #expect(GreetingOccasion.birthday.key == "birthday")
        #expect(GreetingOccasion.purchaseAnniversary(years: 3).key == "purchase_anniversary-3")
        #expect(GreetingOccasion.holiday(id: "ru-new-year").key == "holiday-ru-new-year")
    }
}
