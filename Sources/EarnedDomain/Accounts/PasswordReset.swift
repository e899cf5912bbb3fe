import Foundation

/// A password reset link, made by the owner on a staff page or by `earned user reset`.
public enum PasswordReset {
    /// How long a link works (once) after it is made.
    public static let lifetime: TimeInterval = 24 * 3600
}
