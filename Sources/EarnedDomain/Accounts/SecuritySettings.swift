/// The owner's sign-in rules for the whole business.
public struct SecuritySettings: Codable, Hashable, Sendable {
    /// Everyone must sign in with a second factor; people without one are sent to set it up
    /// and their API tokens stop working until they have.
    public var requireTwoFactor: Bool

    public init(requireTwoFactor: Bool = false) {
        self.requireTwoFactor = requireTwoFactor
    }

    public static let standard = SecuritySettings()
}
