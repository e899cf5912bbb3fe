import EarnedDomain
import Vapor

extension StaffListPage {
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
