/// What a password must be: long enough to resist guessing, short enough for bcrypt, which
/// reads only the first 72 bytes.
public enum PasswordRules {
    public static let minimumLength = 10
    public static let maximumBytes = 72
    /// The detail of a password that is too long (pages translate it).
    public static let bytesDetail = "at most 72 bytes; a Cyrillic letter takes 2"

    /// The problems of `password` as the field named `field`; empty when it is acceptable.
    public static func problems(_ password: String, field: String = "password") -> [FieldError] {
        if password.count < minimumLength {
            return [FieldError(field: field, code: .tooShort, limit: minimumLength)]
        }
        if password.utf8.count > maximumBytes {
            return [FieldError(field: field, code: .outOfRange, limit: maximumBytes, detail: bytesDetail)]
        }
        return []
    }

    /// The problems of a new password typed twice: its own, and the second field's when the two
    /// differ (that field is `field` + "_repeat").
    public static func problems(_ password: String, repeated: String?, field: String) -> [FieldError] {
        var errors = problems(password, field: field)
        if password != (repeated ?? "") {
            errors.append(FieldError(field: field + "_repeat", code: .inconsistent, detail: "differs"))
        }
        return errors
    }
}
