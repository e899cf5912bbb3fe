import EarnedAnalytics
import EarnedDomain
import Foundation
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

/// The lifetime model's words never claim more than their intervals hold.
@Suite("Lifetime model words")
struct LifetimeWordsTests {
    static func effect(dropout: (Double, Double, Double), purchase: (Double, Double, Double))
        -> ServiceEffects.Effect
    {
        ServiceEffects.Effect(
            name: "broken_promises", exposed: 100,
            purchaseRatio: IntervalEstimate(estimate: purchase.0, lower: purchase.1, upper: purchase.2),
            dropoutRatio: IntervalEstimate(estimate: dropout.0, lower: dropout.1, upper: dropout.2),
            purchaseCoefficient: log(purchase.0), purchaseStandardError: 0.1, dropoutCoefficient: log(dropout.0),
            dropoutStandardError: 0.1)
    }

    @Test func aClearEffectIsStatedAndAnUnclearOneSaysSo() {
        let en = Strings(lang: .en)
        let ru = Strings(lang: .ru)
        let clear = Self.effect(dropout: (2.1, 1.4, 3.2), purchase: (0.7, 0.55, 0.9))
        #expect(
            en.serviceEffect(clear)
                == "Customers whose first promise was broken or kept late (against those whose first promise was kept on time) then "
                + "leave 2.10 times as fast (95\u{00A0}%: 1.40\u{2013}3.20) and buy 0.70 times as often "
                + "(95\u{00A0}%: 0.55\u{2013}0.90).")
        #expect(ru.serviceEffect(clear).contains("уходят в 2,10 раза быстрее (95\u{00A0}%: 1,40\u{2013}3,20)"))
        // Russian turns a ratio below 1 over: 0.7 (0.55–0.9) is "1.43 times less often" (1.11–1.82).
        #expect(ru.serviceEffect(clear).contains("покупают в 1,43 раза реже (95\u{00A0}%: 1,11\u{2013}1,82)"))
        let unclear = Self.effect(dropout: (1.36, 0.64, 2.87), purchase: (0.81, 0.58, 1.12))
        #expect(en.serviceEffect(unclear).components(separatedBy: "no clear difference").count == 3)
        #expect(ru.serviceEffect(unclear).components(separatedBy: "разница не доказана").count == 3)
        #expect(!en.serviceEffect(clear).contains("no clear difference"))
    }

    @Test func aFigureWhoseIntervalRoundsToItStandsAlone() {
        let en = Strings(lang: .en)
        #expect(en.withInterval("99 %", "99 %", "99 %") == "99 %")
        #expect(en.withInterval("62 %", "55 %", "68 %") == "62 % (90\u{00A0}%: 55 %\u{2013}68 %)")
    }
}
