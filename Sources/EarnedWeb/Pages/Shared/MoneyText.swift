import EarnedDomain
import EarnedFormats

/// Money typed by a person: "1 234,50", "1234.50", "1 234,50 ₽".
enum MoneyText {
    static func minorUnits(_ text: String) -> Int64? {
        try? LocaleNumberParser().minorUnits(from: text)
    }

    /// Minor units as a person would type them back: "1234,50" in Russian, "1234.50" in English.
    static func input(_ minorUnits: Int64, lang: Lang) -> String {
        let cents = minorUnits % 100
        let whole = "\(minorUnits / 100)"
        guard cents != 0 else { return whole }
        return whole + (lang == .ru ? "," : ".") + (cents < 10 ? "0" : "") + "\(cents)"
    }
}
