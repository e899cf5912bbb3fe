import Vapor

extension ServiceController {
    /// Promises kept on time, by person or location.
    func onTime(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let report = try await OnTimeReport.load(req, viewer: viewer)
        return Layout.response(report.body(viewer: viewer), title: viewer.s.onTimeTitle, request: req)
    }
}
