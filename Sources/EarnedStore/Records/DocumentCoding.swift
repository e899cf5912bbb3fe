import Foundation

/// Whole domain values kept as one JSON document column (a promise with its renegotiations, a
/// case with its events). Times keep their full precision, so a value reads back equal.
/// Figures that are infinite or not a number (a test statistic of two samples without spread)
/// are written as strings rather than failing the whole document.
enum DocumentCoding {
    static let nonFinite = (positive: "+inf", negative: "-inf", nan: "nan")

    static func string<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        encoder.dateEncodingStrategy = .deferredToDate
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: nonFinite.positive, negativeInfinity: nonFinite.negative, nan: nonFinite.nan)
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .deferredToDate
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: nonFinite.positive, negativeInfinity: nonFinite.negative, nan: nonFinite.nan)
        return try decoder.decode(type, from: Data(text.utf8))
    }
}
