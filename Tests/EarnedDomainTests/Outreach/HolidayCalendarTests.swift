import Foundation
import Testing

@testable import EarnedDomain

@Suite("Holiday calendar")
struct HolidayCalendarTests {
    @Test(
        "the Russian public holidays are built in, with names in both languages",
        arguments: [
            ("ru-new-year", 1, 1, "Новый год", "New Year"),
            ("ru-orthodox-christmas", 1, 7, "Рождество Христово", "Orthodox Christmas"),
            ("ru-defender-day", 2, 23, "День защитника Отечества", "Defender of the Fatherland Day"),
            ("ru-womens-day", 3, 8, "Международный женский день", "International Women's Day"),
            ("ru-spring-labour-day", 5, 1, "Праздник Весны и Труда", "Spring and Labour Day"),
            ("ru-victory-day", 5, 9, "День Победы", "Victory Day"),
            ("ru-russia-day", 6, 12, "День России", "Russia Day"),
            ("ru-unity-day", 11, 4, "День народного единства", "Unity Day"),
        ])
    func builtIn(_ id: String, _ month: Int, _ day: Int, _ ru: String, _ en: String) throws {
        let found = HolidayCalendar.standard.holidays(on: LocalDate(year: 2025, month: month, day: day), in: .ru)
        let holiday = try #require(found.first)
        #expect(found.count == 1)
        #expect(holiday.id == id)
        #expect(holiday.name(in: "ru") == ru)
        #expect(holiday.name(in: "en") == en)
        #expect(holiday.greets)
    }

    @Test("there are eight, with distinct ids, and ordinary days have none")
    func ordinaryDays() {
        #expect(HolidayCalendar.builtIn(for: .ru).count == 8)
        #expect(Set(HolidayCalendar.builtIn(for: .ru).map(\.id)).count == 8)
        #expect(HolidayCalendar.standard.holidays(on: LocalDate(year: 2025, month: 5, day: 10), in: .ru).isEmpty)
        #expect(
            HolidayCalendar.standard.holidays(on: LocalDate(year: nil, month: 5, day: 9), in: .ru).map(\.id) == [
                "ru-victory-day"
            ]
        )
    }

    @Test("an owner switches built-in holidays off and adds their own")
    func configure() throws {
        let calendar = try HolidayCalendarDraft(
            custom: [
                Holiday(
                    id: "shop-birthday", month: 9, day: 15, nameRu: "День рождения магазина", nameEn: "Our birthday"),
                Holiday(
                    id: "stocktaking", month: 6, day: 12, nameRu: "Инвентаризация", nameEn: "Stocktaking", greets: false
                ),
            ],
            disabledIDs: ["ru-defender-day", "ru-womens-day"]
        ).validated()
        #expect(calendar.holidays(on: LocalDate(year: 2025, month: 2, day: 23), in: .ru).isEmpty)
        #expect(calendar.holidays(on: LocalDate(year: 2025, month: 3, day: 8), in: .ru).isEmpty)
        #expect(calendar.holidays(on: LocalDate(year: 2025, month: 9, day: 15), in: .ru).map(\.id) == ["shop-birthday"])
        #expect(
            calendar.holidays(on: LocalDate(year: 2025, month: 6, day: 12), in: .ru).map(\.id) == [
                "ru-russia-day", "stocktaking",
            ])
        #expect(calendar.holiday(id: "ru-defender-day") == nil)
        #expect(calendar.holiday(id: "shop-birthday")?.name(in: "en") == "Our birthday")
        #expect(calendar.holidays(in: .ru).count == 8)
    }

    @Test("every bad holiday field and unknown switched-off id is reported")
    func validation() {
        let fields = OutreachFixture.invalidFields {
            _ = try HolidayCalendarDraft(
                custom: [
                    Holiday(id: "Bad Id", month: 13, day: 1, nameRu: "", nameEn: "x"),
                    Holiday(id: "ru-new-year", month: 4, day: 31, nameRu: "Дубль", nameEn: " "),
                    Holiday(id: "leap", month: 2, day: 29, nameRu: "Високосный", nameEn: "Leap"),
                    Holiday(id: "twice", month: 1, day: 2, nameRu: "А", nameEn: "A"),
                    Holiday(id: "twice", month: 1, day: 3, nameRu: "Б", nameEn: "B"),
                ],
                disabledIDs: ["ru-victory-day", "shop-birthday"]
            ).validated()
        }
        #expect(
            fields == [
                "custom.0.id", "custom.0.month", "custom.0.name_ru", "custom.1.id", "custom.1.day",
                "custom.1.name_en", "custom.2.day", "custom.4.id", "disabled_ids.1",
            ])
    }

    @Test("a draft without changes keeps the current calendar")
    func keep() throws {
        let current = HolidayCalendar(disabledIDs: ["ru-unity-day"])
        #expect(try HolidayCalendarDraft().validated(existing: current) == current)
    }
}
