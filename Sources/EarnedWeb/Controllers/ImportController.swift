import EarnedDomain
import EarnedFormats
import EarnedServices
import EarnedStore
import Vapor

/// The import: upload a file, see what the reader made of it (columns, a sample, unknown
/// sellers and stores, problems, counts) with nothing written, map and choose, then import
/// all or nothing. The file waits between the steps in `ImportUploadStore`.
struct ImportController {
    struct Upload: Content {
        var kind: String?
        var file: File?
    }

    func show(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .importData)
        return Layout.response(
            ImportPage(viewer: viewer, kind: .customers, error: nil).body, title: viewer.s.importTitle, request: req)
    }

    /// Keeps the file and shows its preview.
    func upload(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .importData)
        let upload = try req.content.decode(Upload.self)
        let kind = ImportKind(rawValue: upload.kind ?? "") ?? .customers
        guard let file = upload.file, file.data.readableBytes > 0 else {
            let message = viewer.s.file + ": " + viewer.s.fieldError(FieldError(field: "file", code: .required))
            return Layout.response(
                ImportPage(viewer: viewer, kind: kind, error: message).body, title: viewer.s.importTitle, request: req,
                status: .unprocessableEntity)
        }
        var buffer = file.data
        let data = buffer.readData(length: buffer.readableBytes) ?? Data()
        let id = try await ImportUploadStore(db: req.database).save(
            kind: kind, filename: file.filename, data: data, actor: viewer.staff, now: req.now)
        return req.redirect(to: SiteURL.importUpload(id).path, redirectType: .normal)
    }

    /// The preview of a kept file, with the reader's own guesses.
    func preview(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .importData)
        guard let upload = try await findUpload(req, viewer) else { return gone(req, viewer) }
        let choices = ImportChoices()
        let report = try await run(upload, choices: choices, dryRun: true, req: req, viewer: viewer)
        return try await page(upload, report: report, choices: choices, error: nil, req: req, viewer: viewer)
    }

    /// Checks again with the person's choices, or imports.
    func decide(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .importData)
        guard let upload = try await findUpload(req, viewer) else { return gone(req, viewer) }
        let form = try req.content.decode([String: String].self)
        let choices = ImportChoices(form: form)
        if choices.columnConflict {
            let report = try await run(upload, choices: ImportChoices(), dryRun: true, req: req, viewer: viewer)
            return try await page(
                upload, report: report, choices: choices, error: viewer.s.twoColumnsOneField, req: req, viewer: viewer,
                status: .unprocessableEntity)
        }
        let importing = form["action"] == "import"
        var report = try await run(upload, choices: choices, dryRun: !importing, req: req, viewer: viewer)
        guard importing, !report.rolledBack else {
            return try await page(
                upload, report: report, choices: choices, error: nil, req: req, viewer: viewer,
                status: report.rolledBack ? .unprocessableEntity : .ok)
        }
        try await ImportUploadStore(db: req.database).delete(upload.id)
        // After customers come in, the pairs to review (all of them the importer may see).
        if upload.kind == .customers {
            report.duplicateSuggestions = try await req.customers.duplicateCount(actor: viewer.staff)
        }
        req.application.earnedMetrics.imported(report, kind: upload.kind)
        return Layout.response(
            ImportDonePage(viewer: viewer, kind: upload.kind, report: report).body, title: viewer.s.importTitle,
            request: req)
    }

    // MARK: Steps

    func findUpload(_ req: Request, _ viewer: ViewerContext) async throws -> ImportUpload? {
        guard let raw = req.parameters.get("id"), let id = UUID(uuidString: raw) else { return nil }
        return try await ImportUploadStore(db: req.database).find(id, actor: viewer.staff, now: req.now)
    }

    func run(
        _ upload: ImportUpload, choices: ImportChoices, dryRun: Bool, req: Request, viewer: ViewerContext
    ) async throws -> ImportReport {
        var options = Importer.Options(
            kind: upload.kind, overrides: choices.overrides, partial: choices.partial,
            timeZone: try await LocationRepository(db: req.database).businessZone(),
            currency: req.config.defaultCurrency,
            importerZone: viewer.homeZone)
        options.dryRun = dryRun
        options.skippedColumns = choices.skipped
        options.sellers = choices.sellers
        options.stores = choices.stores
        let board = req.application.importProgress
        board.start(upload.id, total: upload.data.count, at: Date())
        defer { board.finish(upload.id) }
        let records = CSVRecordStream(data: upload.data, chunkSize: 1 << 18, sourceName: upload.filename) {
            board.read(upload.id, bytes: $0)
        }
        return try await ShopImport.run(
            records: records, options: options, actor: viewer.staff, now: req.now, on: req.database
        ) { rows in board.rows(upload.id, rows) }
    }

    /// How far the upload's running check or import has read, for the page's progress line.
    func progress(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .importData)
        guard let upload = try await findUpload(req, viewer) else { throw Abort(.notFound) }
        let now = Date()
        let p = req.application.importProgress.progress(upload.id)
        let s = viewer.s
        let text = p.map { s.importProgress(rows: $0.rows, percent: $0.percent, perSecond: $0.rowsPerSecond(at: now)) }
        let body: [String: String] = [
            "rows": "\(p?.rows ?? 0)", "percent": "\(p?.percent ?? 0)", "text": text ?? s.importWaiting,
        ]
        let response = Response(status: .ok)
        try response.content.encode(body, as: .json)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }

    func page(
        _ upload: ImportUpload, report: ImportReport, choices: ImportChoices, error: String?, req: Request,
        viewer: ViewerContext, status: HTTPStatus = .ok
    ) async throws -> Response {
        // Unknown sellers may be mapped to the people of the importer's own locations.
        let staff = try await StaffRepository(db: req.database).all().filter {
            $0.isActive && viewer.staff.canSee(location: $0.homeLocationID)
        }
        let page = ImportPreviewPage(
            viewer: viewer, upload: upload, report: report, choices: choices, staff: staff, error: error)
        return Layout.response(page.body, title: viewer.s.previewTitle, request: req, status: status)
    }

    func gone(_ req: Request, _ viewer: ViewerContext) -> Response {
        Layout.response(
            ImportPage(viewer: viewer, kind: .customers, error: viewer.s.uploadGone).body, title: viewer.s.importTitle,
            request: req, status: .notFound)
    }
}
