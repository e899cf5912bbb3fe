import Foundation

/// Parses money amounts and decimals as Russian and English spreadsheets write them —
/// `"1 234,56"`, `"1,234.56"`, `"1234.56"`, `"1 234,56 ₽"`, `"-12,5"`, `"(15.00)"` — into exact
/// minor units, working on the digits (never through `Double`).
///
/// Accepted:
/// - grouping by spaces (also no-break U+00A0, narrow no-break U+202F, thin U+2009, figure
///   U+2007), apostrophes, or the separator that is not the decimal one; groups after the first
///   have 3 digits;
/// - a sign before or after a currency prefix (`-`, `+`, `−` U+2212), a trailing minus
///   (`12,50-`), or accounting parentheses (`(12.50)`);
/// - a currency symbol (any Unicode currency sign) or code before or after the number: `₽`, `$`,
///   `RUB`, `руб.`, `р.`, `USD`, `EUR`…
///
/// With ``DecimalSeparator/automatic``: when both `.` and `,` occur, the last one is the decimal
/// separator; a lone `.` is decimal; a lone `,` is decimal unless exactly 3 digits follow it and
/// it could group thousands (`"1,234"` is 1234, `"1,5"` and `"0,125"` are decimals); a comma
/// after space-grouped digits is decimal (`"1 234,567"`); repeated `.` or `,` group thousands.
public struct LocaleNumberParser: Sendable, Hashable {
    /// Which character separates the fraction.
    public enum DecimalSeparator: Sendable, Hashable {
        /// Decided from the text (see ``LocaleNumberParser``).
        case automatic
        /// `.`; a comma can only group thousands.
        case period
        /// `,`; a period can only group thousands.
        case comma
    }

    /// Which character separates the fraction.
    public var decimalSeparator: DecimalSeparator
    /// The digits after the decimal separator that minor units hold: 2 for RUB, USD, EUR; 0 for
    /// whole numbers. At most 18.
    public var fractionDigits: Int
    /// How to round a value with more fraction digits than ``fractionDigits``; `nil` rejects it
    /// (unless the extra digits are zeros).
    public var rounding: FloatingPointRoundingRule?

    /// Creates a parser; by default for a currency with 2 decimals, detecting the separator and
    /// rejecting extra precision.
    public init(
        decimalSeparator: DecimalSeparator = .automatic,
        fractionDigits: Int = 2,
        rounding: FloatingPointRoundingRule? = nil
    ) {
        precondition((0...18).contains(fractionDigits), "fractionDigits must be in 0...18")
        self.decimalSeparator = decimalSeparator
        self.fractionDigits = fractionDigits
        self.rounding = rounding
    }

    /// The value of `text` in minor units: `"1 234,56 ₽"` → `123456` with 2 fraction digits.
    public func minorUnits(from text: String) throws(LocaleNumberParseError) -> Int64 {
        let number = try parse(text)
        var kept = number.fraction.prefix(fractionDigits).map { $0 }
        kept += Array(repeating: 0, count: fractionDigits - kept.count)
        var magnitude: Int64 = 0
        for digit in number.integer + kept {
            let (shifted, overflowShift) = magnitude.multipliedReportingOverflow(by: 10)
            let (sum, overflowAdd) = shifted.addingReportingOverflow(Int64(digit))
            guard !overflowShift && !overflowAdd else { throw .outOfRange(text) }
            magnitude = sum
        }
        let extra = number.fraction.dropFirst(fractionDigits)
        if extra.contains(where: { $0 != 0 }) {
            guard let rounding else { throw .tooManyFractionDigits(text, allowed: fractionDigits) }
            if Self.roundsAway(
                rule: rounding, negative: number.negative, lastKept: kept.last ?? number.integer.last ?? 0,
                extra: extra)
            {
                let (sum, overflow) = magnitude.addingReportingOverflow(1)
                guard !overflow else { throw .outOfRange(text) }
                magnitude = sum
            }
        }
        return number.negative ? -magnitude : magnitude
    }

    /// The exact value of `text` as a `Decimal`, keeping every fraction digit.
    public func decimal(from text: String) throws(LocaleNumberParseError) -> Decimal {
        let number = try parse(text)
        guard number.integer.count + number.fraction.count <= 38 else { throw .outOfRange(text) }
        var significand = Decimal(0)
        for digit in number.integer + number.fraction {
            significand = significand * 10 + Decimal(Int(digit))
        }
        let value = Decimal(
            sign: number.negative ? .minus : .plus, exponent: -number.fraction.count, significand: significand)
        return value
    }

    // MARK: - Parsing

    /// A parsed number: its sign and its digits (values 0–9) before and after the separator.
    struct Digits {
        var negative = false
        var integer: [UInt8] = []
        var fraction: [UInt8] = []
    }

    private enum Mark: Equatable {
        case period, comma, space, apostrophe
    }

    func parse(_ text: String) throws(LocaleNumberParseError) -> Digits {
        var scalars = Substring(text).unicodeScalars
        Self.trim(&scalars)
        guard !scalars.isEmpty else { throw .empty }
        var negative = false
        var signs = 0
        if scalars.first == "(" && scalars.last == ")" {
            negative = true
            signs += 1
            scalars = scalars.dropFirst().dropLast()
            Self.trim(&scalars)
        }
        // Sign and currency, in either order, on either side.
        var changed = true
        while changed {
            changed = false
            if let first = scalars.first, Self.isSign(first) {
                negative = negative || first != "+"
                signs += 1
                scalars.removeFirst()
                changed = true
            }
            if let last = scalars.last, Self.isSign(last), scalars.count > 1 {
                negative = negative || last != "+"
                signs += 1
                scalars.removeLast()
                changed = true
            }
            if Self.stripCurrency(&scalars) { changed = true }
            Self.trim(&scalars)
        }
        guard signs <= 1 else { throw .notANumber(text) }

        // Digits and marks between them.
        var digits: [UInt8] = []
        var marks: [(mark: Mark, at: Int)] = []
        digits.reserveCapacity(scalars.count)
        var previousWasMark = false
        for scalar in scalars {
            let mark: Mark
            switch scalar {
            case "0"..."9":
                digits.append(UInt8(scalar.value - 48))
                previousWasMark = false
                continue
            case ".": mark = .period
            case ",": mark = .comma
            case "'", "\u{2019}": mark = .apostrophe
            case " ", "\u{00A0}", "\u{202F}", "\u{2009}", "\u{2007}": mark = .space
            default: throw .notANumber(text)
            }
            guard !previousWasMark else { throw .notANumber(text) }
            previousWasMark = true
            marks.append((mark, digits.count))
        }
        guard !digits.isEmpty else { throw .notANumber(text) }

        let decimalIndex = try decimalMarkIndex(marks, digits: digits, text: text)
        let integerCount = decimalIndex.map { marks[$0].at } ?? digits.count
        let grouping = marks[..<(decimalIndex ?? marks.count)]
        if decimalIndex != nil && decimalIndex != marks.count - 1 { throw .notANumber(text) }
        if let first = grouping.first {
            // One kind of grouping mark; first group 1–3 digits, the others exactly 3.
            var groupStart = 0
            for (mark, at) in grouping {
                let length = at - groupStart
                let isFirst = groupStart == 0
                guard mark == first.mark, isFirst ? (1...3).contains(length) : length == 3 else {
                    throw .notANumber(text)
                }
                groupStart = at
            }
            guard integerCount - groupStart == 3 else { throw .notANumber(text) }
        }
        var result = Digits(negative: negative)
        result.integer = Array(digits[..<integerCount])
        result.fraction = Array(digits[integerCount...])
        if result.integer.allSatisfy({ $0 == 0 }) && result.fraction.allSatisfy({ $0 == 0 }) {
            result.negative = false
        }
        return result
    }

    /// The index in `marks` of the decimal separator, if there is one.
    private func decimalMarkIndex(
        _ marks: [(mark: Mark, at: Int)],
        digits: [UInt8],
        text: String
    ) throws(LocaleNumberParseError) -> Int? {
        let periods = marks.indices.filter { marks[$0].mark == .period }
        let commas = marks.indices.filter { marks[$0].mark == .comma }
        func single(_ indices: [Int]) throws(LocaleNumberParseError) -> Int? {
            guard indices.count <= 1 else { throw .notANumber(text) }
            return indices.first
        }
        switch decimalSeparator {
        case .period:
            return try single(periods)
        case .comma:
            return try single(commas)
        case .automatic:
            if let lastPeriod = periods.last, let lastComma = commas.last {
                return lastPeriod > lastComma ? try single(periods) : try single(commas)
            }
            if !periods.isEmpty {
                return periods.count == 1 ? periods[0] : nil
            }
            guard commas.count == 1, let comma = commas.first else { return nil }
            let mark = marks[comma]
            let digitsAfter = digits.count - mark.at
            let groupStart = comma > 0 ? marks[comma - 1].at : 0
            let groupBefore = mark.at - groupStart
            let spaceGrouped = marks.contains { $0.mark == .space || $0.mark == .apostrophe }
            let couldGroup = digitsAfter == 3 && (1...3).contains(groupBefore) && comma == marks.count - 1
            let leadingZero = digits[..<mark.at].allSatisfy { $0 == 0 }
            return couldGroup && !spaceGrouped && !leadingZero ? nil : comma
        }
    }

    /// Whether rounding away the `extra` digits (some nonzero) increases the magnitude by one.
    private static func roundsAway(
        rule: FloatingPointRoundingRule,
        negative: Bool,
        lastKept: UInt8,
        extra: ArraySlice<UInt8>
    ) -> Bool {
        let first = extra.first ?? 0
        let restNonZero = extra.dropFirst().contains { $0 != 0 }
        let aboveHalf = first > 5 || (first == 5 && restNonZero)
        let exactlyHalf = first == 5 && !restNonZero
        switch rule {
        case .toNearestOrAwayFromZero: return aboveHalf || exactlyHalf
        case .toNearestOrEven: return aboveHalf || (exactlyHalf && lastKept % 2 == 1)
        case .towardZero: return false
        case .awayFromZero: return true
        case .up: return !negative
        case .down: return negative
        @unknown default: return aboveHalf || exactlyHalf
        }
    }

    // MARK: - Affixes

    private static let currencyWords: [String] = [
        "руб.", "руб", "р.", "р", "rub", "rur", "usd", "eur", "gbp", "kzt", "byn", "uah", "cny",
    ]

    private static func isSign(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "+" || scalar == "\u{2212}" || scalar == "\u{2013}"
    }

    private static func isBlank(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isWhitespace || scalar == "\u{FEFF}"
    }

    private static func trim(_ scalars: inout Substring.UnicodeScalarView) {
        while let first = scalars.first, isBlank(first) { scalars.removeFirst() }
        while let last = scalars.last, isBlank(last) { scalars.removeLast() }
    }

    /// Removes one currency symbol or code from either end; returns whether it removed any.
    private static func stripCurrency(_ scalars: inout Substring.UnicodeScalarView) -> Bool {
        var removed = false
        if let first = scalars.first, first.properties.generalCategory == .currencySymbol {
            scalars.removeFirst()
            removed = true
        }
        if let last = scalars.last, last.properties.generalCategory == .currencySymbol {
            scalars.removeLast()
            removed = true
        }
        guard let first = scalars.first, let last = scalars.last,
            first.properties.isAlphabetic || last.properties.isAlphabetic || last == "."
        else {
            return removed
        }
        let lowered = String(scalars).lowercased()
        for word in currencyWords {
            if lowered.hasSuffix(word) {
                let before = lowered.unicodeScalars.dropLast(word.unicodeScalars.count).last
                if before.map({ isBlank($0) || ("0"..."9").contains($0) }) ?? false {
                    scalars.removeLast(word.unicodeScalars.count)
                    return true
                }
            }
            if lowered.hasPrefix(word) {
                let after = lowered.unicodeScalars.dropFirst(word.unicodeScalars.count).first
                if after.map({ isBlank($0) || ("0"..."9").contains($0) || isSign($0) }) ?? false {
                    scalars.removeFirst(word.unicodeScalars.count)
                    return true
                }
            }
        }
        return removed
    }
}
