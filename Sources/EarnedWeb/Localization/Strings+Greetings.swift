import EarnedDomain
import Foundation

/// The words of greetings on customers' own dates and of holiday calendars per country: the
/// location's country, the holidays of each country on the outreach settings page.
extension Strings {
    var country: String { t("Страна", "Country") }
    var countryHint: String {
        t(
            "Клиентов точки поздравляют с праздниками этой страны.",
            "The location's customers are greeted on this country's holidays.")
    }

    func countryName(_ country: Country) -> String {
        switch country {
        case .ru: t("Россия", "Russia")
        case .de: t("Германия", "Germany")
        }
    }

    func holidaysOf(_ country: Country) -> String {
        switch country {
        case .ru: t("Праздники России", "Holidays in Russia")
        case .de: t("Праздники Германии", "Holidays in Germany")
        }
    }

    func customHolidaysOf(_ country: Country) -> String {
        t("Свои праздники", "Your own holidays") + " — " + countryName(country)
    }

    var customHolidaysEverywhereHint: String {
        t(
            "Эти праздники — во всех странах. По одному в строке: ММ-ДД; название по-русски; название по-английски.",
            "These holidays are kept in every country. One a line: MM-DD; Russian name; English name.")
    }

    /// The built-in holidays of a country customers are not greeted on (a day of mourning, a
    /// second day of a feast already greeted).
    func notGreeted(_ names: [String]) -> String {
        t("Без поздравлений: ", "Not greeted on: ") + names.joined(separator: ", ")
    }

    /// "Пасха + 1 день", "Пасха − 2 дня", "Easter + 39 days".
    func easterRelative(_ offset: Int) -> String {
        let days = count(abs(offset), ru: "день", "дня", "дней", en: "day", "days")
        return t("Пасха", "Easter") + (offset < 0 ? " − " : " + ") + days
    }

    var anniversaryOccasion: String { t("Годовщина клиента (своя дата)", "The customer's anniversary") }
    var otherDateOccasion: String {
        t("Другая дата клиента (именины, день основания)", "Another date of the customer's (name day, founding day)")
    }

    var labelFieldHint: String {
        t(
            "В годовщину и другую дату клиента: {label} — подпись даты («годовщина свадьбы», «именины»), {years} — сколько лет прошло, если год даты известен.",
            "In the customer's anniversary and other-date greetings: {label} is the date's label (\"wedding anniversary\", \"name day\"), {years} the years since, when the date has its year."
        )
    }
}
