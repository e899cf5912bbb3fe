import EarnedDomain
import EarnedServices
import Vapor

extension Export {
    /// The export as a download, the same bytes from the page and the API for the same person:
    /// `text/csv`, named after the kind and the day (`earned-orders-2026-12-06.csv`), never cached.
    /// The body is streamed as the rule reads its pages, so a large export is never held whole;
    /// the caller has checked the person and the choices first, so it starts with a 200.
    static func download(_ query: ExportQuery, actor: Staff, zone: TimeZone, req: Request) async throws -> Response {
        try Policy.require(actor, .exportData)
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "csv", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(
            name: .contentDisposition,
            value: "attachment; filename=\"\(filename(query.kind, now: req.now, zone: zone))\"")
        headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        let (now, db, logger) = (req.now, req.database, req.logger)
        let body = Response.Body(asyncStream: { writer in
            do {
                try await write(query, actor: actor, now: now, on: db) { text in
                    try await writer.writeBuffer(ByteBuffer(string: text))
                }
                try await writer.write(.end)
            } catch {
                logger.report(error: error)
                try await writer.write(.error(error))
            }
        })
        return Response(status: .ok, headers: headers, body: body)
    }

    /// `earned-<kind>-<YYYY-MM-DD>.csv`, the day in `zone`.
    static func filename(_ kind: ExportKind, now: Date, zone: TimeZone) -> String {
        "earned-\(kind.rawValue)-\(FormDates.dayValue(now, zone: zone)).csv"
    }
}
