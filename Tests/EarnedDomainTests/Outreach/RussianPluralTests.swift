import Testing

@testable import EarnedDomain

@Suite("Russian plural forms")
struct RussianPluralTests {
    @Test(
        "years after a number",
        arguments: [
            (0, "0 лет"), (1, "1 год"), (2, "2 года"), (3, "3 года"), (4, "4 года"), (5, "5 лет"), (10, "10 лет"),
            (11, "11 лет"), (12, "12 лет"), (14, "14 лет"), (15, "15 лет"), (21, "21 год"), (22, "22 года"),
            (25, "25 лет"), (101, "101 год"), (111, "111 лет"), (112, "112 лет"), (122, "122 года"), (1000, "1000 лет"),
        ])
    func years(_ count: Int, _ expected: String) {
        #expect(RussianPlural.years(count) == expected)
    }

    @Test("forms for any noun")
    func forms() {
        #expect(RussianPlural.category(1) == .one)
        #expect(RussianPlural.category(3) == .few)
        #expect(RussianPlural.category(13) == .many)
        #expect(RussianPlural.category(-21) == .one)
        #expect(RussianPlural.form(24, one: "покупка", few: "покупки", many: "покупок") == "покупки")
        #expect(RussianPlural.form(27, one: "покупка", few: "покупки", many: "покупок") == "покупок")
    }
}
