import EarnedDomain
import Testing

@testable import EarnedWeb

@Suite("Localization")
struct LocalizationTests {
    @Test(
        "Russian plural forms",
        arguments: [
            (1, "клиент"), (2, "клиента"), (4, "клиента"), (5, "клиентов"), (11, "клиентов"), (12, "клиентов"),
            (21, "клиент"), (22, "клиента"), (25, "клиентов"), (101, "клиент"), (111, "клиентов"), (0, "клиентов"),
        ])
    func plural(_ n: Int, _ word: String) {
        #expect(RussianPlural.form(n, one: "клиент", few: "клиента", many: "клиентов") == word)
    }

    @Test("field errors' extra words are Russian on a Russian page and stay as written in English")
    func fieldDetails() {
        let ru = Strings(lang: .ru)
        let en = Strings(lang: .en)
        #expect(ru.fieldDetail("1 to 12") == "от 1 до 12")
        #expect(ru.fieldDetail("1 to 365 days") == "от 1 до 365 дней")
        #expect(ru.fieldDetail("minute 0 to 1439 of the day") == "минута дня от 0 до 1439")
        #expect(ru.fieldDetail("at most 12 holidays") == "не больше 12 праздников")
        #expect(ru.fieldDetail("cannot be in the future") == "не может быть в будущем")
        #expect(ru.fieldDetail("Сбой терминала") == "Сбой терминала")
        #expect(en.fieldDetail("cannot be in the future") == "cannot be in the future")
        let untranslated = Strings.russianDetails.filter { $0.key == $0.value && $0.key != "name@example.com" }
        #expect(untranslated.isEmpty, "\(untranslated.keys.sorted())")
        let email = FieldError(field: "email", code: .invalidFormat, detail: "a phone number such as +7 916 123-45-67")
        #expect(ru.fieldError(email) == "Неверный формат: ожидается номер телефона, например +7 916 123-45-67")
    }

    @Test("the language comes from the browser when the person has not chosen")
    func acceptLanguage() {
        #expect(Lang.from(acceptLanguage: "en-GB,en;q=0.9,ru;q=0.8", fallback: .ru) == .en)
        #expect(Lang.from(acceptLanguage: "de-DE,ru;q=0.5,en;q=0.4", fallback: .en) == .ru)
        #expect(Lang.from(acceptLanguage: "de-DE", fallback: .ru) == .ru)
        #expect(Lang.from(acceptLanguage: nil, fallback: .en) == .en)
    }

    @Test("counts and money read naturally in both languages")
    func formats() {
        #expect(Strings(lang: .ru).customersCount(5000) == "5\u{00A0}000 клиентов")
        #expect(Strings(lang: .en).customersCount(1) == "1 customer")
        #expect(Format.money(.init(minorUnits: 123_450, currency: "RUB"), .ru) == "1\u{00A0}234,50\u{00A0}₽")
        #expect(Format.money(.init(minorUnits: 123_450, currency: "EUR"), .en) == "€1,234.50")
        #expect(Format.money(.init(minorUnits: -123_450, currency: "RUB"), .en) == "−₽1,234.50")
        #expect(Format.money(.init(minorUnits: -123_450, currency: "RUB"), .ru) == "−1\u{00A0}234,50\u{00A0}₽")
    }

    @Test("a follow-up's summary: the API writes the English page's words, a Russian page its own")
    func followUpSummaryWords() {
        #expect(Strings(lang: .en).followUpSummaryWords == .english)
        let ru = Strings(lang: .ru).followUpSummaryWords
        #expect(ru != .english && ru.reached == Strings(lang: .ru).reached)
    }

    @Test(
        "the audit log's sign-in lines, with the address they came from, and a customer's language read in the reader's"
    )
    func auditSignInsAndLanguages() {
        let ru = Strings(lang: .ru)
        #expect(ru.auditSummary("signed in with password from 203.0.113.5") == "вход по паролю с адреса 203.0.113.5")
        #expect(ru.auditSummary("signed in with password and code from ::1") == "вход по паролю и коду с адреса ::1")
        #expect(ru.auditSummary("signed out from 203.0.113.5") == "выход с адреса 203.0.113.5")
        // What people typed stays as written, "from" or not.
        #expect(ru.auditSummary("moved from Kazan") == "moved from Kazan")
        #expect(ru.languageName("en") == "английский" && Strings(lang: .en).languageName("ru") == "Russian")
    }
}
