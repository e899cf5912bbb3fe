import EarnedDomain
import EarnedServices
import Vapor

extension Export {
    /// The export as a download, the same bytes from the page and the API for the same person:
    /// `text/csv`, named after the kind and the day (`earned-orders-2026-12-06.csv`), never cached.
    static func download(_ query: ExportQuery, actor: Staff, zone: TimeZone, req: Request) async throws -> Response {
        var body = ByteBufferAllocator().buffer(capacity: 1 << 16)
        try await write(query, actor: actor, now: req.now, on: req.database) { text in
            body.writeString(text)
        }
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(
            name: .contentDisposition,
            value: "attachment; filename=\"\(filename(query.kind, now: req.now, zone: zone))\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return Response(status: .ok, headers: headers, body: .init(buffer: body))
    }

    /// `earned-<kind>-<YYYY-MM-DD>.csv`, the day in `zone`.
    static func filename(_ kind: ExportKind, now: Date, zone: TimeZone) -> String {
        "earned-\(kind.rawValue)-\(FormDates.dayValue(now, zone: zone)).csv"
    }
}
