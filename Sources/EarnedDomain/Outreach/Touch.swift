import Foundation

/// One contact the business initiated with a customer: when, and what for.
public struct Touch: Hashable, Codable, Sendable {
    /// When it was sent or made (a UTC instant).
    public var at: Date
    public var kind: TouchKind

    public init(at: Date, kind: TouchKind) {
        self.at = at
        self.kind = kind
    }
}
