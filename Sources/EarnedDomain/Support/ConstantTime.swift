import Foundation

/// Comparing secrets (CSRF tokens, one-time codes, digests) without leaking, through how long
/// the comparison takes, where the first difference is.
public enum ConstantTime {
    public static func equal(_ a: String, _ b: String) -> Bool {
        equal(Array(a.utf8), Array(b.utf8))
    }

    public static func equal(_ x: [UInt8], _ y: [UInt8]) -> Bool {
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
