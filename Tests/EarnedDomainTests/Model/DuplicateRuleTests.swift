import EarnedDomain
import Foundation
import Testing

@Suite("Duplicate suggestions rule")
struct DuplicateRuleTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func customer(
        _ name: String, phones: [String] = [], emails: [String] = [], externalID: String? = nil,
        birthday: LocalDate? = nil, city: String? = nil
    ) throws -> Customer {
        try CustomerDraft(
            name: name, phones: phones, emails: emails,
            dates: birthday.map { [CustomerDate(kind: .birthday, date: $0)] }, externalID: externalID, city: city
        ).validated(id: CustomerID(), now: now)
    }

    @Test(
        "names fold case, «ё» and punctuation; cities drop «г.»",
        arguments: [
            ("Семёнова Анна", "семенова анна"), ("  СЕМЕНОВА,  Анна. ", "семенова анна"),
            ("Анна-Мария О'Нил", "анна мария о нил"),
        ])
    func nameKeys(_ name: String, _ key: String) {
        #expect(DuplicateRule.nameKey(name) == key)
    }

    @Test("empty names, cities and external ids have no key")
    func emptyKeys() {
        #expect(DuplicateRule.nameKey(" ... ") == nil)
        #expect(DuplicateRule.cityKey(nil) == nil)
        #expect(DuplicateRule.cityKey("г. Москва") == "москва")
        #expect(DuplicateRule.cityKey("Москва") == "москва")
        #expect(DuplicateRule.externalKey(" - ") == nil)
    }

    @Test(
        "external ids fold trim, case, leading zeros, spaces and dashes",
        arguments: [
            ("00123", "123"), (" 123 ", "123"), ("1-2 3", "123"), ("AB-001", "ab001"), ("000", "0"),
        ])
    func externalKeys(_ id: String, _ key: String) {
        #expect(DuplicateRule.externalKey(id) == key)
    }

    @Test("a phone written two ways is one reason; ё and е make one name, but a name alone is not enough")
    func reasons() throws {
        let a = try customer("Семёнова Анна", phones: ["+7 916 123-45-67"])
        let b = try customer("Семенова Анна", phones: ["8-916-1234567"])
        #expect(DuplicateRule.reasons(a, b) == [.phone])
        let c = try customer("Семенова Анна")
        #expect(DuplicateRule.reasons(a, c).isEmpty)
        let unrelated = try customer("Петров Пётр", phones: ["+79160000000"])
        #expect(DuplicateRule.reasons(a, unrelated).isEmpty)
    }

    @Test("a name needs a birthday or a city besides")
    func nameAndMore() throws {
        let day = LocalDate(year: 1990, month: 5, day: 4)
        let a = try customer("Семёнова Анна", birthday: day, city: "г. Тула")
        let b = try customer("семенова анна", birthday: LocalDate(year: nil, month: 5, day: 4), city: "Тула")
        #expect(DuplicateRule.reasons(a, b) == [.nameAndBirthday, .nameAndCity])
        let otherYear = try customer("Семенова Анна", birthday: LocalDate(year: 1991, month: 5, day: 4))
        #expect(DuplicateRule.reasons(a, otherYear).isEmpty)
        let otherName = try customer("Семенова Алла", birthday: day, city: "Тула")
        #expect(DuplicateRule.reasons(a, otherName).isEmpty)
    }

    @Test("external ids, e-mails; erased cards and a card with itself are never a pair")
    func others() throws {
        let a = try customer("A", emails: ["Anna@Example.ru"], externalID: "00-42")
        let b = try customer("B", emails: ["anna@example.ru"], externalID: "42")
        #expect(DuplicateRule.reasons(a, b) == [.email, .externalID])
        #expect(DuplicateRule.reasons(a, a).isEmpty)
        var erased = b
        erased.erasedAt = now
        #expect(DuplicateRule.reasons(a, erased).isEmpty)
    }
}
