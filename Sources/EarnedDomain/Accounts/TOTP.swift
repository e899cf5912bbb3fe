import Foundation

/// Time-based one-time passwords as authenticator apps make them: HMAC over the number of
/// 30-second steps since 1970, dynamically truncated to six digits. The HMAC itself is passed
/// in (the domain imports Foundation only); the web layer gives HMAC-SHA1.
///
/// Sources: RFC 6238, "TOTP: Time-Based One-Time Password Algorithm", section 4; RFC 4226,
/// "HOTP", section 5.3 (dynamic truncation).
public struct TOTP: Sendable {
    /// HMAC of `message` under `key`.
    public typealias HMAC = @Sendable (_ key: [UInt8], _ message: [UInt8]) -> [UInt8]

    public var secret: [UInt8]
    public var digits: Int
    public var step: TimeInterval
    public var hmac: HMAC

    public init(secret: [UInt8], digits: Int = 6, step: TimeInterval = 30, hmac: @escaping HMAC) {
        self.secret = secret
        self.digits = digits
        self.step = step
        self.hmac = hmac
    }

    /// The step counter T = floor((time − T0) / X), with T0 = 0 (RFC 6238 §4.2).
    public func counter(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / step).rounded(.down))
    }

    /// The code for one step counter, zero-padded to `digits`.
    public func code(counter: Int64) -> String {
        let message = (0..<8).map { UInt8(truncatingIfNeeded: UInt64(bitPattern: counter) >> UInt64(56 - 8 * $0)) }
        return Self.truncate(hmac(secret, message), digits: digits)
    }

    public func code(at date: Date) -> String { code(counter: counter(at: date)) }

    /// The step whose code `given` is, looking `window` steps either side of `date` (clocks of
    /// phones drift); nil when none matches. Spaces in `given` are ignored.
    public func matchingCounter(_ given: String, at date: Date, window: Int = 1) -> Int64? {
        let cleaned = given.filter { !$0.isWhitespace }
        guard cleaned.count == digits, cleaned.allSatisfy(\.isASCII), cleaned.allSatisfy(\.isNumber) else {
            return nil
        }
        let now = counter(at: date)
        var found: Int64?
        // Every candidate is compared, so the time taken does not say which one matched.
        for offset in -window...window {
            let candidate = now + Int64(offset)
            if ConstantTime.equal(code(counter: candidate), cleaned), found == nil { found = candidate }
        }
        return found
    }

    /// Dynamic truncation (RFC 4226 §5.3): four bytes from the offset in the last byte's low
    /// nibble, the top bit cleared, modulo 10^digits.
    public static func truncate(_ mac: [UInt8], digits: Int) -> String {
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary =
            UInt32(mac[offset] & 0x7F) << 24 | UInt32(mac[offset + 1]) << 16 | UInt32(mac[offset + 2]) << 8
            | UInt32(mac[offset + 3])
        var modulus: UInt64 = 1
        for _ in 0..<digits { modulus *= 10 }
        let value = String(UInt64(binary) % modulus)
        return String(repeating: "0", count: max(0, digits - value.count)) + value
    }

    /// The provisioning address an authenticator app reads (the Key Uri Format of Google
    /// Authenticator, which the other apps follow).
    public static func provisioningURI(secret: [UInt8], issuer: String, account: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~@")
        func escape(_ text: String) -> String { text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text }
        let label = escape(issuer) + ":" + escape(account)
        return "otpauth://totp/\(label)?secret=\(Base32.encode(secret, padding: false))&issuer=\(escape(issuer))"
            + "&algorithm=SHA1&digits=6&period=30"
    }

}
