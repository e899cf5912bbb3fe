import Foundation

/// One reason a field was refused, in a form both the API (English `reason`) and the pages
/// (translated by `code`) can show.
public struct FieldError: Error, Hashable, Sendable, Codable {
    public enum Code: String, Sendable, Codable, CaseIterable {
        case required
        case tooLong
        case tooShort
        case invalidFormat
        case invalidChoice
        case outOfRange
        case unknownReference
        case duplicate
        case inconsistent
    }

    public var field: String
    public var code: Code
    /// The limit that was crossed (a length, a bound), when there is one.
    public var limit: Int?
    /// Extra words for the reason, e.g. the allowed choices.
    public var detail: String?

    public init(field: String, code: Code, limit: Int? = nil, detail: String? = nil) {
        self.field = field
        self.code = code
        self.limit = limit
        self.detail = detail
    }

    /// The reason in plain English (the API's wording; pages translate by `code`).
    public var reason: String {
        switch code {
        case .required: "is required"
        case .tooLong: "must be at most \(limit ?? 0) characters"
        case .tooShort: "must be at least \(limit ?? 0) characters"
        case .invalidFormat: "has an invalid format" + (detail.map { ": expected \($0)" } ?? "")
        case .invalidChoice: "is not one of the allowed values" + (detail.map { ": \($0)" } ?? "")
        case .outOfRange: "is out of range" + (detail.map { ": \($0)" } ?? "")
        case .unknownReference: "refers to something that does not exist"
        case .duplicate: "is already used" + (detail.map { " by \($0)" } ?? "")
        case .inconsistent: detail ?? "does not agree with the other fields"
        }
    }
}

/// The errors the domain and the services raise; one middleware turns them into HTTP.
public enum DomainError: Error, Equatable, Sendable {
    /// Input refused, field by field.
    case invalid([FieldError])
    /// The thing does not exist, or the caller may not know that it does.
    case notFound(String)
    /// The caller is known but may not do this.
    case forbidden(String)
    /// The request conflicts with the current state (e.g. an idempotency key reused for
    /// another request, a merge of a customer into itself).
    case conflict(String)
    /// Too many attempts; try again after the given number of seconds.
    case throttled(retryAfter: Int)
    /// Not signed in, or the credentials are wrong.
    case unauthenticated(String)
}

extension DomainError {
    /// The same error with every field named under `prefix` (`outgoing.` for a nested part of
    /// the API's input, `in_` for a second form on a page); other errors as they are.
    public func prefixed(_ prefix: String) -> DomainError {
        guard case .invalid(let fields) = self else { return self }
        return .invalid(
            fields.map { field in
                var field = field
                field.field = prefix + field.field
                return field
            })
    }
}

/// Collects field errors so every bad field is reported at once, not only the first.
public struct Validator: Sendable {
    public private(set) var errors: [FieldError] = []

    public init() {}

    public mutating func add(_ error: FieldError) { errors.append(error) }

    public mutating func add(_ field: String, _ code: FieldError.Code, limit: Int? = nil, detail: String? = nil) {
        errors.append(FieldError(field: field, code: code, limit: limit, detail: detail))
    }

    /// Trims `value`; reports it when empty and required, longer than `max` characters, or
    /// holding a control character (`TextRule`).
    @discardableResult
    public mutating func text(
        _ field: String, _ value: String?, required: Bool = false, max: Int
    ) -> String? {
        let trimmed = value?.trimmedOrNil ?? ""
        if trimmed.isEmpty {
            if required { add(field, .required) }
            return nil
        }
        if trimmed.count > max { add(field, .tooLong, limit: max) }
        if !TextRule.allows(trimmed) { add(TextRule.error(field: field)) }
        return trimmed
    }

    public func check() throws(DomainError) {
        if !errors.isEmpty { throw DomainError.invalid(errors) }
    }
}
