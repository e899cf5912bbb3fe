import EarnedDomain
import Vapor

extension Request {
    /// The query parameter `field` as one of `T`'s cases: nil when it is absent, a field error
    /// listing the choices when it names none of them.
    func choice<T: RawRepresentable & CaseIterable>(_ type: T.Type, at field: String) throws -> T?
    where T.RawValue == String {
        guard let text = query[String.self, at: field] else { return nil }
        guard let value = T(rawValue: text) else {
            throw DomainError.invalid([
                FieldError(
                    field: field, code: .invalidChoice, detail: T.allCases.map(\.rawValue).joined(separator: ", "))
            ])
        }
        return value
    }

    /// The `page` of a paged list, from 1; 1 when absent.
    func pageNumber() throws -> Int {
        let page = query[Int.self, at: "page"] ?? 1
        guard page >= 1, page <= 100_000 else {
            throw DomainError.invalid([FieldError(field: "page", code: .outOfRange, detail: "1 or more")])
        }
        return page
    }
}
