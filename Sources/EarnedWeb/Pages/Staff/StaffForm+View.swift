import EarnedDomain
import Vapor

extension StaffForm {
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
                                        checked: extra.contains(loc.id.description), value: loc.id.description,
                                        id: "extra_location_\(loc.id)")
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
