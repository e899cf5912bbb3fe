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

struct StaffListPage {
    var viewer: ViewerContext
    var staff: [Staff]

    var body: HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.staffTitle, action: (SiteURL.newStaff.path, s.newStaff)),
            H.table(
                caption: s.staffTitle, headers: [s.name, s.email, s.role, s.location, s.department],
                rows: staff.map { member in
                    [
                        H.group([
                            H.a(SiteURL.editStaff(member.id.rawValue).path, member.name),
                            member.isActive ? H.empty : H.badge(s.inactive, tone: "neutral"),
                        ]),
                        H.text(member.email), H.text(s.roleName(member.role)),
                        H.text(viewer.locationName(member.homeLocationID)), H.text(member.department ?? s.none),
                    ]
                }),
        ])
    }
}

struct StaffForm {
    struct Values: Content {
        var name: String?
        var email: String?
        var role: String?
        var home_location_id: String?
        var extra_location_ids: [String]?
        var department: String?
        var is_active: String?
        var password: String?

        init() {}

        init(_ staff: Staff) {
            name = staff.name
            email = staff.email
            role = staff.role.rawValue
            home_location_id = staff.homeLocationID?.description
            extra_location_ids = staff.extraLocationIDs.map(\.description)
            department = staff.department
            is_active = staff.isActive ? "true" : nil
        }

        var draft: StaffDraft {
            StaffDraft(
                name: name ?? "", email: email ?? "", role: Role(rawValue: role ?? "") ?? .staff,
                homeLocationID: home_location_id.flatMap(LocationID.init(string:)),
                extraLocationIDs: (extra_location_ids ?? []).compactMap(LocationID.init(string:)),
                department: department ?? "",
                isActive: is_active == "true")
        }
    }

    var viewer: ViewerContext
    var id: StaffID?
    var values: Values
    var errors: [FieldError]
    /// The reset link and second-factor reset of an existing account.
    var access: HTMLNode = H.empty

    var body: HTMLNode {
        let s = viewer.s
        let e = errors
        let extra = Set(values.extra_location_ids ?? [])
        return H.group([
            Layout.pageHead(id == nil ? s.newStaff : (values.name ?? s.staffTitle)),
            Forms.summary(e, s),
            Forms.form(
                action: id.map { SiteURL.editStaff($0.rawValue).path } ?? SiteURL.staffList.path, csrf: viewer.csrf,
                cls: "card form",
                [
                    Forms.field("name", label: s.name, value: values.name, required: true, errors: e, s: s),
                    Forms.field(
                        "email", label: s.email, value: values.email, type: "email", required: true, errors: e, s: s),
                    Forms.select(
                        "role", label: s.role, options: Role.allCases.map { ($0.rawValue, s.roleName($0)) },
                        selected: values.role, errors: e, s: s),
                    Forms.select(
                        "home_location_id", label: s.location, options: viewer.locationOptions,
                        selected: values.home_location_id, errors: e, s: s, includeBlank: s.none),
                    Forms.field("department", label: s.department, value: values.department, errors: e, s: s),
                    H.el(
                        "fieldset", [],
                        [
                            H.el("legend", [], [H.text(s.extraLocations)]),
                            H.group(
                                viewer.locations.map { loc in
                                    Forms.checkbox(
                                        "extra_location_ids[]", label: loc.name,
                                        checked: extra.contains(loc.id.description), value: loc.id.description)
                                }),
                        ]),
                    Forms.checkbox("is_active", label: s.active, checked: values.is_active == "true"),
                    Forms.field(
                        "password", label: s.newPassword, value: nil, type: "password", errors: e, s: s,
                        attributes: [("autocomplete", "new-password")]),
                    H.div(
                        "form-actions", [Forms.submit(s.save), H.a(SiteURL.staffList.path, s.cancel, cls: "button")]),
                ]),
            access,
        ])
    }
}
