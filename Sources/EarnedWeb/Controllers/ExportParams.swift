import EarnedDomain
import EarnedServices
import Foundation
import Vapor

/// What an export is asked for, as text: the page's form, the API's address and the command line
/// each read theirs into one of these, and `read` makes it the export rule's query the same way
/// for all three, so the same choices give the same file.
struct ExportParams: Hashable, Sendable {
    var kind: String?
    /// "comma" or "excel".
    var dialect: String?
    /// First and last day, YYYY-MM-DD, in the viewer's zone.
    var from: String?
    var to: String?
    var location: String?

    init(
        kind: String? = nil, dialect: String? = nil, from: String? = nil, to: String? = nil, location: String? = nil
    ) {
        self.kind = kind
        self.dialect = dialect
        self.from = from
        self.to = to
        self.location = location
    }

    /// The page's form: `kind`, `dialect`, `from`, `to`, `location`.
    init(_ req: Request) {
        self.init(
            kind: Self.text(req, "kind"), dialect: Self.text(req, "dialect"), from: Self.text(req, "from"),
            to: Self.text(req, "to"), location: Self.text(req, "location"))
    }

    /// A query parameter, trimmed; nil when absent or empty.
    static func text(_ req: Request, _ name: String) -> String? {
        guard let value = req.query[String.self, at: name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty
        else { return nil }
        return value
    }

    var query: KeyValuePairs<String, String?> {
        ["kind": kind, "dialect": dialect, "from": from, "to": to, "location": location]
    }

    /// The export rule's query, or every field that does not read, named as `names` says (the
    /// API calls the location `location_id`). Days are read in `zone` as the lists read them
    /// (`ListParams.read`); a location must be one `actor` sees; a missing dialect is `dialect`.
    func read(
        zone: TimeZone, actor: Staff, locations: [Location], defaultDialect: ExportDialect,
        names: [String: String] = [:]
    ) -> (query: ExportQuery?, errors: [FieldError]) {
        let period = ListParams(location: location, from: from, to: to).read(zone: zone)
        var errors = period.errors
        let kind = self.kind.flatMap(ExportKind.init(rawValue:))
        if self.kind == nil {
            errors.append(FieldError(field: "kind", code: .required))
        } else if kind == nil {
            errors.append(
                FieldError(
                    field: "kind", code: .invalidChoice,
                    detail: ExportKind.allCases.map(\.rawValue).joined(separator: ", ")))
        }
        let dialect: ExportDialect? = self.dialect.map { ExportDialect(rawValue: $0) } ?? defaultDialect
        if dialect == nil {
            errors.append(FieldError(field: "dialect", code: .invalidChoice, detail: "comma or excel"))
        }
        if let id = period.location, !locations.contains(where: { $0.id == id }) || !actor.canSee(location: id) {
            errors.append(FieldError(field: "location", code: .unknownReference))
        }
        errors = errors.map { error in
            var renamed = error
            renamed.field = names[error.field] ?? error.field
            return renamed
        }
        guard errors.isEmpty, let kind, let dialect else { return (nil, errors) }
        return (
            ExportQuery(kind: kind, dialect: dialect, from: period.from, to: period.to, location: period.location), []
        )
    }
}
