import Foundation
import Testing

@testable import EarnedDomain

@Suite("German holidays and Easter")
struct GermanHolidayTests {
    @Test(
        "Easter Sunday matches the published dates",
        arguments: [
            (1961, 4, 2), (2000, 4, 23), (2008, 3, 23), (2011, 4, 24), (2019, 4, 21), (2024, 3, 31), (2025, 4, 20),
            (2026, 4, 5), (2027, 3, 28), (2038, 4, 25), (2285, 3, 22),
        ])
    func easter(_ year: Int, _ month: Int, _ day: Int) {
        #expect(Easter.sunday(in: year) == LocalDate(year: year, month: month, day: day))
    }

    @Test(
        "the movable feasts fall on their days across years",
        arguments: [
            // year, Good Friday, Easter Monday, Ascension, Whit Monday
            (2024, "2024-03-29", "2024-04-01", "2024-05-09", "2024-05-20"),
            (2025, "2025-04-18", "2025-04-21", "2025-05-29", "2025-06-09"),
            (2026, "2026-04-03", "2026-04-06", "2026-05-14", "2026-05-25"),
            (2027, "2027-03-26", "2027-03-29", "2027-05-06", "2027-05-17"),
        ])
    func movable(_ year: Int, _ goodFriday: String, _ easterMonday: String, _ ascension: String, _ whitMonday: String)
        throws
    {
        let calendar = HolidayCalendar.standard
        for (iso, id) in [
            (goodFriday, "de-good-friday"), (easterMonday, "de-easter-monday"), (ascension, "de-ascension"),
            (whitMonday, "de-whit-monday"),
        ] {
            let date = try #require(LocalDate(iso: iso))
            #expect(calendar.holidays(on: date, in: .de).map(\.id) == [id], "\(iso)")
            #expect(!calendar.holidays(on: date, in: .ru).map(\.id).contains(id), "\(iso)")
            let next = LocalDate(year: year + 1, month: date.month, day: date.day)
            #expect(!calendar.holidays(on: next, in: .de).map(\.id).contains(id), "\(iso) a year on")
        }
    }

    @Test(
        "the fixed nationwide holidays are built in, with names in both languages",
        arguments: [
            ("de-new-year", 1, 1, "Новый год", "New Year's Day"),
            ("de-labour-day", 5, 1, "День труда", "Labour Day"),
            ("de-unity-day", 10, 3, "День германского единства", "German Unity Day"),
            ("de-christmas", 12, 25, "Рождество", "Christmas Day"),
            ("de-second-christmas-day", 12, 26, "Второй день Рождества", "Second Day of Christmas"),
        ])
    func fixed(_ id: String, _ month: Int, _ day: Int, _ ru: String, _ en: String) throws {
        let found = HolidayCalendar.standard.holidays(on: LocalDate(year: 2026, month: month, day: day), in: .de)
        let holiday = try #require(found.first)
        #expect(found.count == 1)
        #expect(holiday.id == id)
        #expect(holiday.country == .de)
        #expect(holiday.name(in: "ru") == ru)
        #expect(holiday.name(in: "en") == en)
    }

    @Test("Russia Day is not a German holiday and German Unity Day not a Russian one")
    func countriesApart() {
        let calendar = HolidayCalendar.standard
        #expect(calendar.holidays(on: LocalDate(year: 2026, month: 6, day: 12), in: .de).isEmpty)
        #expect(calendar.holidays(on: LocalDate(year: 2026, month: 10, day: 3), in: .ru).isEmpty)
        #expect(HolidayCalendar.builtIn(for: .de).count == 9)
        #expect(Set(HolidayCalendar.builtIn.map(\.id)).count == HolidayCalendar.builtIn.count)
    }

    @Test("a German customer is greeted on German Unity Day, a Russian one is not; Good Friday greets no one")
    func greets() {
        let anna = OutreachFixture.customer()
        func occasions(_ date: LocalDate, _ country: Country) -> [GreetingOccasion] {
            GreetingPlanner.occasions(
                on: date,
                for: GreetingCandidate(customer: anna, timeZone: OutreachFixture.berlin, country: country),
                holidays: .standard)
        }
        #expect(occasions(LocalDate(year: 2026, month: 10, day: 3), .de) == [.holiday(id: "de-unity-day")])
        #expect(occasions(LocalDate(year: 2026, month: 10, day: 3), .ru).isEmpty)
        #expect(occasions(LocalDate(year: 2026, month: 6, day: 12), .de).isEmpty)
        #expect(occasions(LocalDate(year: 2026, month: 4, day: 3), .de).isEmpty)
        #expect(occasions(LocalDate(year: 2026, month: 4, day: 6), .de) == [.holiday(id: "de-easter-monday")])
    }

    @Test("the owner switches a German holiday off and adds one for Germany only")
    func edits() throws {
        let calendar = try HolidayCalendarDraft(
            custom: [
                Holiday(
                    id: "heiligabend", month: 12, day: 24, nameRu: "Сочельник", nameEn: "Christmas Eve", country: .de),
                Holiday(id: "shop-day", month: 9, day: 15, nameRu: "День магазина", nameEn: "Shop day"),
            ],
            disabledIDs: ["de-unity-day"]
        ).validated()
        #expect(calendar.holidays(on: LocalDate(year: 2026, month: 10, day: 3), in: .de).isEmpty)
        #expect(calendar.holidays(on: LocalDate(year: 2026, month: 12, day: 24), in: .de).map(\.id) == ["heiligabend"])
        #expect(calendar.holidays(on: LocalDate(year: 2026, month: 12, day: 24), in: .ru).isEmpty)
        #expect(calendar.holidays(on: LocalDate(year: 2026, month: 9, day: 15), in: .ru).map(\.id) == ["shop-day"])
        #expect(calendar.holidays(on: LocalDate(year: 2026, month: 9, day: 15), in: .de).map(\.id) == ["shop-day"])
        #expect(
            OutreachFixture.invalidFields {
                _ = try HolidayCalendarDraft(disabledIDs: ["de-unity-day", "de-nonsense"]).validated()
            } == ["disabled_ids.1"])
    }

    @Test(
        "a location's country comes from its time zone unless given, and a bad code is named",
        arguments: [
            ("Europe/Berlin", Country.de), ("Europe/Moscow", .ru), ("Asia/Yekaterinburg", .ru),
            ("Asia/Vladivostok", .ru), ("America/New_York", .ru), ("UTC", .ru),
        ])
    func locationCountry(_ zone: String, _ country: Country) throws {
        let now = OutreachFixture.now
        let made = try LocationDraft(name: "Shop", timeZone: zone).validated(id: LocationID(), now: now)
        #expect(made.country == country)
        let german = try LocationDraft(name: "Shop", timeZone: zone, country: " de ").validated(
            id: LocationID(), now: now)
        #expect(german.country == .de)
        let kept = try LocationDraft(name: "Renamed").validated(id: made.id, now: now, existing: german)
        #expect(kept.country == .de)
        #expect(
            OutreachFixture.invalidFields {
                _ = try LocationDraft(name: "Shop", timeZone: zone, country: "XX").validated(id: LocationID(), now: now)
            } == ["country"])
    }
}
