import EarnedDomain
import Vapor

/// The owner's locations pages: hours with several periods a day, shifts, special days.
struct LocationsController {
    func list(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageLocations)
        let page = LocationListPage(viewer: viewer, locations: try await req.locations.all())
        return Layout.response(page.body, title: viewer.s.locationsTitle, request: req)
    }

    func new(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageLocations)
        var values = LocationForm.Values()
        values.time_zone = "Europe/Moscow"
        for day in 1...7 { values.setDay(day, day <= 5 ? "09:00-18:00" : "") }
        return Layout.response(
            LocationForm(viewer: viewer, id: nil, values: values, errors: []).body, title: viewer.s.newLocation,
            request: req)
    }

    func edit(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageLocations)
        let location = try await req.locations.get(try locationID(req), actor: viewer.staff)
        return Layout.response(
            LocationForm(viewer: viewer, id: location.id, values: .init(location, s: viewer.s), errors: []).body,
            title: location.name, request: req)
    }

    func save(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let id = req.parameters.get("id").map { _ in try? locationID(req) } ?? nil
        let values = try req.content.decode(LocationForm.Values.self)
        do {
            let draft = try values.draft()
            if let id {
                _ = try await req.locations.update(id, draft, actor: viewer.staff, now: req.now)
            } else {
                _ = try await req.locations.create(draft, actor: viewer.staff, now: req.now)
            }
            return req.redirect(to: SiteURL.locations.path)
        } catch DomainError.invalid(let errors) {
            let form = LocationForm(viewer: viewer, id: id, values: values, errors: errors)
            return Layout.response(
                form.body, title: viewer.s.locationsTitle, request: req, status: .unprocessableEntity)
        }
    }

    func locationID(_ req: Request) throws -> LocationID { try req.entityID("location") }
}
