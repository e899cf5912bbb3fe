import EarnedDomain
import Foundation
import Vapor

/// What a list page was asked for, as the address carries it: a status, a person, a location,
/// a kind, a period of days, a search, a page, and (for a download) the CSV dialect. The same
/// parameters make the page, its next page and its CSV, so the CSV is exactly the view.
struct ListParams: Hashable, Sendable {
    var status: String?
    var person: String?
    var location: String?
    var kind: String?
    /// First and last day, YYYY-MM-DD, in the viewer's zone.
    var from: String?
    var to: String?
    var q: String?
    var cursor: String?
    /// "excel" (";" and a byte-order mark, as a Russian Excel opens it) or "comma".
    var csv: String?

    init(
        status: String? = nil, person: String? = nil, location: String? = nil, kind: String? = nil,
        from: String? = nil, to: String? = nil, q: String? = nil, cursor: String? = nil, csv: String? = nil
    ) {
        self.status = status
        self.person = person
        self.location = location
        self.kind = kind
        self.from = from
        self.to = to
        self.q = q
        self.cursor = cursor
        self.csv = csv
    }

    init(_ req: Request) {
        func read(_ name: String) -> String? {
            guard let value = req.query[String.self, at: name]?.trimmingCharacters(in: .whitespaces), !value.isEmpty
            else { return nil }
            return value
        }
        self.init(
            status: read("status"), person: read("person"), location: read("location"), kind: read("kind"),
            from: read("from"), to: read("to"), q: read("q"), cursor: read("cursor"), csv: read("csv"))
    }

    var query: KeyValuePairs<String, String?> {
        [
            "status": status, "person": person, "location": location, "kind": kind, "from": from, "to": to, "q": q,
            "cursor": cursor, "csv": csv,
        ]
    }

    func page(_ cursor: String?) -> ListParams {
        var next = self
        next.cursor = cursor
        next.csv = nil
        return next
    }

    func download(_ dialect: String) -> ListParams {
        var copy = self
        copy.cursor = nil
        copy.csv = dialect
        return copy
    }

    /// The parameters read as the lists use them; a value that cannot be read is named in
    /// `errors` and left out, so the page shows the rest and says what it did not understand.
    struct Read {
        var person: StaffID?
        var location: LocationID?
        var from: Date?
        /// The start of the day after the last day.
        var to: Date?
        var errors: [FieldError] = []
    }

    func read(zone: TimeZone) -> Read {
        var read = Read()
        if let person {
            if let id = StaffID(string: person) {
                read.person = id
            } else {
                read.errors.append(FieldError(field: "person", code: .unknownReference))
            }
        }
        if let location {
            if let id = LocationID(string: location) {
                read.location = id
            } else {
                read.errors.append(FieldError(field: "location", code: .unknownReference))
            }
        }
        func day(_ field: String, _ text: String?) -> Date? {
            guard let text else { return nil }
            guard text.count == 10, let date = FormDates.parse(text, zone: zone) else {
                read.errors.append(FieldError(field: field, code: .invalidFormat, detail: "a date"))
                return nil
            }
            return date
        }
        read.from = day("from", from)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        read.to = day("to", to).flatMap { calendar.date(byAdding: .day, value: 1, to: $0) }
        if let from = read.from, let to = read.to, to <= from {
            read.errors.append(FieldError(field: "to", code: .inconsistent, detail: "not before the first day"))
            read.to = nil
        }
        return read
    }
}
