import Testing

@testable import EarnedDomain

@Suite("Contact normalizer")
struct ContactNormalizerTests {
    @Test(
        "Russian numbers as shops write them become +7 and ten digits",
        arguments: [
            ("(812) 939-08-40", "+78129390840"),
            ("8-916-1234567", "+79161234567"),
            ("+7 (916) 123-45-67", "+79161234567"),
            ("9161234567", "+79161234567"),
            ("916 123 45 67", "+79161234567"),
            ("8 (495) 123-45-67", "+74951234567"),
            ("7 916 123 45 67", "+79161234567"),
            ("+7\u{00A0}916\u{00A0}123\u{2011}45\u{2011}67", "+79161234567"),
            ("  +79161234567 ", "+79161234567"),
            ("(343) 123.45.67", "+73431234567"),
        ])
    func russian(_ input: String, _ expected: String) {
        #expect(ContactNormalizer.phone(input) == expected)
    }

    @Test(
        "other countries' numbers written with + or 00 keep their digits",
        arguments: [
            ("+49 151 5654 0342", "+4915156540342"),
            ("+1 (212) 555-1234", "+12125551234"),
            ("+44 20 7946 0958", "+442079460958"),
            ("0049 30 1234567", "+49301234567"),
            ("+375 29 123-45-67", "+375291234567"),
        ])
    func international(_ input: String, _ expected: String) {
        #expect(ContactNormalizer.phone(input) == expected)
    }

    @Test(
        "text the rules cannot read is nil, so the caller reports it",
        arguments: [
            "позвонить вечером", "+7 916 abc", "8 916 123 45 67 доб. 12", "123-45-67", "12345",
            "+7 916 123 45 6", "+7 916 123 45 678", "8 916 123 45 678", "916 123 45 6", "2125551234",
            "+49 151 5654 0342 1234 5", "++79161234567", "79161234567+", "", "   ", "+", "+0 123 4567",
        ])
    func unreadable(_ input: String) {
        #expect(ContactNormalizer.phone(input) == nil)
    }

    @Test(
        "names written differently give one key",
        arguments: [
            ("Семёнова  Анна", "семенова анна"),
            ("СЕМЕНОВА АННА.", "семенова анна"),
            ("  Семенова,\tАнна ", "семенова анна"),
            ("Анна-Мария «Петрова»", "анна мария петрова"),
            ("Се\u{0301}мёнова Анна", "семенова анна"),
            ("Семе\u{0308}нова Анна", "семенова анна"),
            ("ООО \"Ромашка\" / филиал №2", "ооо ромашка филиал 2"),
            ("Müller, José", "müller josé"),
        ])
    func nameKey(_ input: String, _ expected: String) {
        #expect(ContactNormalizer.nameKey(input) == expected)
    }

    @Test("different names keep different keys")
    func differentNames() {
        #expect(ContactNormalizer.nameKey("Семенова Анна") != ContactNormalizer.nameKey("Семенов Анна"))
        #expect(ContactNormalizer.nameKey("Анна Семенова") != ContactNormalizer.nameKey("Семенова Анна"))
        #expect(ContactNormalizer.nameKey("Иван Йорк") == "иван йорк")
    }
}
