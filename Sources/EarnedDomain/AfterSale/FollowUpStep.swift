/// One step of the after-sale follow-up: the contact at handover, or the one a number of days
/// after delivery. Encoded as its `key`.
public enum FollowUpStep: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    case handover
    case day(Int)

    /// A stable key: "handover", or "d" and the number of days ("d7").
    public var key: String {
        switch self {
        case .handover: "handover"
        case .day(let days): "d\(days)"
        }
    }

    /// The step of a key; nil for anything `key` does not produce.
    public init?(key: String) {
        if key == "handover" {
            self = .handover
        } else if key.hasPrefix("d"), let days = Int(key.dropFirst()), days > 0, key == "d\(days)" {
            self = .day(days)
        } else {
            return nil
        }
    }

    public var description: String { key }

    /// Handover first, then by days.
    public static func < (lhs: FollowUpStep, rhs: FollowUpStep) -> Bool {
        switch (lhs, rhs) {
        case (.handover, .handover), (.day, .handover): false
        case (.handover, .day): true
        case (.day(let a), .day(let b)): a < b
        }
    }

    public init(from decoder: any Decoder) throws {
        let key = try decoder.singleValueContainer().decode(String.self)
        guard let step = FollowUpStep(key: key) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "expected \"handover\" or \"d\" and days"))
        }
        self = step
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(key)
    }
}
