import EarnedDomain
import EarnedFormats

/// Money typed by a person: "1 234,50", "1234.50", "1 234,50 ₽".
enum MoneyText {
    static func minorUnits(_ text: String) -> Int64? {
        try? LocaleNumberParser().minorUnits(from: text)
    }
}
