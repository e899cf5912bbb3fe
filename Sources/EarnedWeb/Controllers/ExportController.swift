import EarnedDomain
import EarnedServices
import Vapor

/// The export page (managers and owners): the form, and with a kind chosen, the file. A choice
/// that does not read shows the form again with the reason beside the field.
struct ExportController {
    func show(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .exportData)
        let params = ExportParams(req)
        guard params.kind != nil else {
            return page(ExportPage(viewer: viewer, params: params, errors: []), req: req)
        }
        let (query, errors) = params.read(
            zone: viewer.zone, actor: viewer.staff, locations: viewer.locations,
            defaultDialect: ExportPage.defaultDialect(viewer.lang))
        guard let query else {
            return page(
                ExportPage(viewer: viewer, params: params, errors: errors), req: req, status: .unprocessableEntity)
        }
        return try await Export.download(query, actor: viewer.staff, zone: viewer.zone, req: req)
    }

    func page(_ page: ExportPage, req: Request, status: HTTPResponseStatus = .ok) -> Response {
        Layout.response(page.body, title: page.viewer.s.exportTitle, request: req, status: status)
    }
}
