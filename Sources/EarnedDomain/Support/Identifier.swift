import Foundation

/// A typed identifier: a UUID that knows which entity it names, so a customer's id cannot be
/// passed where an order's is expected.
public struct Identifier<Entity>: Hashable, Codable, Sendable, CustomStringConvertible {
    public let rawValue: UUID

    public init(_ rawValue: UUID) { self.rawValue = rawValue }
    /// A new id (time-ordered, see `IDGenerator`).
    public init() { self.rawValue = IDGenerator.next() }

    public init?(string: String) {
        guard let uuid = UUID(uuidString: string) else { return nil }
        self.rawValue = uuid
    }

    public init(from decoder: Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(UUID.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue.uuidString.lowercased() }
}
