/// A way of reaching a customer, or of a customer reaching the business.
public enum ContactChannel: String, Codable, Sendable, CaseIterable {
    case phone
    case sms
    case email
    case messenger
    case chat
    case social
    case visit
    case post

    /// The channels a customer can consent (or refuse) to be contacted through.
    public static let consentable: [ContactChannel] = [.phone, .sms, .email, .messenger, .post]
}
