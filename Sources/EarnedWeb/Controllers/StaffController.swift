import EarnedDomain
import Vapor

/// The owner's staff pages: accounts, roles, locations, passwords.
struct StaffController {
    func list(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageStaff)
        let page = StaffListPage(viewer: viewer, staff: try await req.staffAccounts.list(actor: viewer.staff))
        return Layout.response(page.body, title: viewer.s.staffTitle, request: req)
    }

    func new(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageStaff)
        var values = StaffForm.Values()
        values.role = Role.staff.rawValue
        values.is_active = "true"
        return Layout.response(
            StaffForm(viewer: viewer, id: nil, values: values, errors: []).body, title: viewer.s.newStaff, request: req)
    }

    func edit(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageStaff)
        let staff = try await req.staffAccounts.get(try staffID(req), actor: viewer.staff)
        var form = StaffForm(viewer: viewer, id: staff.id, values: .init(staff), errors: [])
        form.access = try await PasswordResetController.panel(req, viewer: viewer, staff: staff, link: nil)
        return Layout.response(form.body, title: staff.name, request: req)
    }

    func save(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageStaff)
        let id = req.parameters.get("id") == nil ? nil : try staffID(req)
        let values = try req.content.decode(StaffForm.Values.self)
        do {
            let password = values.password ?? ""
            if id == nil || !password.isEmpty {
                let problems = PasswordRules.problems(password)
                if !problems.isEmpty { throw DomainError.invalid(problems) }
            }
            let hash = password.isEmpty ? nil : try await req.password.async.hash(password)
            if let id {
                _ = try await req.staffAccounts.update(
                    id, values.draft, passwordHash: hash, actor: viewer.staff, now: req.now)
            } else {
                _ = try await req.staffAccounts.create(
                    values.draft, passwordHash: hash, actor: viewer.staff, now: req.now)
            }
            return req.redirect(to: SiteURL.staffList.path)
        } catch DomainError.invalid(let errors) {
            let form = StaffForm(viewer: viewer, id: id, values: values, errors: errors)
            return Layout.response(form.body, title: viewer.s.staffTitle, request: req, status: .unprocessableEntity)
        }
    }

    func staffID(_ req: Request) throws -> StaffID { try req.entityID("staff") }
}
