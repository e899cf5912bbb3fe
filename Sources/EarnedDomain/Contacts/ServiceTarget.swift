import Foundation

/// A first-response target and a resolution target, both in business seconds (open time of the
/// location, see `BusinessCalendar`).
public struct ServiceTarget: Hashable, Codable, Sendable {
    /// Open time allowed before the first reply.
    public var firstResponse: TimeInterval
    /// Open time allowed before the matter is resolved.
    public var resolution: TimeInterval

    public init(firstResponse: TimeInterval, resolution: TimeInterval) {
        self.firstResponse = firstResponse
        self.resolution = resolution
    }

    enum CodingKeys: String, CodingKey {
        case firstResponse = "first_response"
        case resolution
    }

    /// Both targets multiplied by `factor`.
    public func scaled(by factor: Double) -> ServiceTarget {
        ServiceTarget(firstResponse: firstResponse * factor, resolution: resolution * factor)
    }

    /// Each target must be a positive, finite number of seconds and the resolution target must not
    /// be shorter than the first-response one. `field` prefixes the field names.
    public func problems(field: String) -> [FieldError] {
        var errors: [FieldError] = []
        for (name, value) in [("first_response", firstResponse), ("resolution", resolution)]
        where !(value.isFinite && value > 0) {
            errors.append(FieldError(field: "\(field).\(name)", code: .outOfRange, detail: "more than 0 seconds"))
        }
        if errors.isEmpty, resolution < firstResponse {
            errors.append(
                FieldError(
                    field: "\(field).resolution", code: .inconsistent,
                    detail: "cannot be shorter than the first-response target"))
        }
        return errors
    }
}
