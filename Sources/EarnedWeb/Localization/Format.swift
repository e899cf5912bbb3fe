import EarnedDomain
import Foundation

/// Numbers, money and times as a person in the viewer's language and time zone reads them.
enum Format {
    static func integer(_ n: Int, _ lang: Lang) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (index, char) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += lang == .ru ? "\u{00A0}" : "," }
            out.append(char)
        }
        return (n < 0 ? "−" : "") + out
    }

    /// "1 234,50 ₽", "−₽1,234.50": the sign leads, before a symbol written in front.
    /// An amount of minor units that a model computed (not a ledger's), shown in whole currency
    /// units: forecasts and estimates claim no kopecks.
    static func wholeMoney(_ minor: Double, currency: String?, _ lang: Lang) -> String {
        let whole = minor.isFinite ? (minor / 100).rounded() * 100 : 0
        return money(Money(minorUnits: Int64(whole), currency: currency ?? "RUB"), lang)
    }

    /// "₽" for RUB, "€", "$"; any other code as it is.
    static func currencySymbol(_ code: String) -> String { ["RUB": "₽", "EUR": "€", "USD": "$"][code] ?? code }

    static func money(_ money: Money, _ lang: Lang) -> String {
        let major = Int(money.minorUnits.magnitude / 100)
        let minor = Int(money.minorUnits.magnitude % 100)
        let cents = minor == 0 ? "" : (lang == .ru ? "," : ".") + (minor < 10 ? "0\(minor)" : "\(minor)")
        let symbol = currencySymbol(money.currency)
        let number = integer(major, lang) + cents
        let sign = money.minorUnits < 0 ? "−" : ""
        return lang == .ru || symbol.count > 1 ? "\(sign)\(number)\u{00A0}\(symbol)" : "\(sign)\(symbol)\(number)"
    }

    /// "23.11.2026 14:05" (ru) or "23 Nov 2026, 14:05" (en) in the given zone.
    static func dateTime(_ date: Date, _ lang: Lang, zone: TimeZone) -> String {
        let style = Date.FormatStyle(timeZone: zone).locale(lang.locale)
        if lang == .ru {
            return date.formatted(
                style.day(.twoDigits).month(.twoDigits).year().hour(.twoDigits(amPM: .omitted)).minute(.twoDigits))
        }
        return date.formatted(
            style.day().month(.abbreviated).year().hour(.twoDigits(amPM: .omitted)).minute(.twoDigits))
    }

    static func date(_ date: Date, _ lang: Lang, zone: TimeZone) -> String {
        let style = Date.FormatStyle(timeZone: zone).locale(lang.locale)
        return lang == .ru
            ? date.formatted(style.day(.twoDigits).month(.twoDigits).year())
            : date.formatted(style.day().month(.abbreviated).year())
    }

    static func localDate(_ date: LocalDate, _ lang: Lang) -> String {
        let dd = date.day < 10 ? "0\(date.day)" : "\(date.day)"
        let mm = date.month < 10 ? "0\(date.month)" : "\(date.month)"
        return date.year.map { "\(dd).\(mm).\($0)" } ?? "\(dd).\(mm)"
    }

    /// "in 2 h", "3 days ago" / "через 2 ч", "3 дня назад".
    static func relative(_ date: Date, now: Date, _ lang: Lang) -> String {
        let seconds = date.timeIntervalSince(now)
        let minutes = Int((abs(seconds) / 60).rounded())
        let s = Strings(lang: lang)
        let amount: String
        if minutes < 1 {
            return lang == .ru ? "сейчас" : "now"
        } else if minutes < 60 {
            amount = lang == .ru ? "\(minutes) мин" : "\(minutes) min"
        } else if minutes < 48 * 60 {
            amount = lang == .ru ? "\(minutes / 60) ч" : "\(minutes / 60) h"
        } else {
            amount = s.count(minutes / 1440, ru: "день", "дня", "дней", en: "day", "days")
        }
        if seconds > 0 { return lang == .ru ? "через \(amount)" : "in \(amount)" }
        return lang == .ru ? "\(amount) назад" : "\(amount) ago"
    }

    /// A length of time: "45 min", "3 h 20 min", "2 дня 4 ч".
    static func duration(_ seconds: TimeInterval, _ lang: Lang) -> String {
        let minutes = Int((max(0, seconds) / 60).rounded())
        let s = Strings(lang: lang)
        let (d, h, m) = (minutes / 1440, minutes % 1440 / 60, minutes % 60)
        let hour = lang == .ru ? "ч" : "h"
        if d > 0 {
            return s.count(d, ru: "день", "дня", "дней", en: "day", "days") + (h > 0 ? " \(h) \(hour)" : "")
        }
        if h > 0 { return "\(h) \(hour)" + (m > 0 ? " \(m) " + (lang == .ru ? "мин" : "min") : "") }
        return "\(m) " + (lang == .ru ? "мин" : "min")
    }
}
