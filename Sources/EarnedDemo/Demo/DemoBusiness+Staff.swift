import EarnedDomain
import Foundation

extension DemoBusiness {
    /// The demo's departments, named in the business's language: pages in Russian show them
    /// as they are, like any name the owner types.
    package enum Department {
        package static let sales = "продажи"
        package static let service = "сервис"
        package static let delivery = "доставка"
    }

    private struct Member {
        var name: String
        var email: String
        var role: Role
        var site: Int?
        var department: String?
        /// 0 morning, 1 evening, nil: not a seller by shift.
        var shift: Int?
    }

    /// The fixed team: an owner, a manager per shop and two sellers (one per shift), a repair
    /// technician and a courier in each.
    private static let roster: [Member] = [
        Member(name: "Алексей Воронцов", email: ownerEmail, role: .owner, site: nil, department: nil, shift: nil),
        Member(
            name: "Ирина Соколова", email: "manager.1@demo.earned", role: .manager, site: 0,
            department: Department.sales),
        Member(
            name: "Дмитрий Кузнецов", email: "manager.2@demo.earned", role: .manager, site: 1,
            department: Department.sales),
        Member(
            name: "Sarah Mitchell", email: "manager.3@demo.earned", role: .manager, site: 2,
            department: Department.sales),
        Member(
            name: "Мария Лебедева", email: "maria.lebedeva@demo.earned", role: .staff, site: 0,
            department: Department.sales,
            shift: 0),
        Member(
            name: "Никита Орлов", email: "nikita.orlov@demo.earned", role: .staff, site: 0,
            department: Department.sales,
            shift: 1),
        Member(
            name: "Ольга Павлова", email: "olga.pavlova@demo.earned", role: .staff, site: 0,
            department: Department.service),
        Member(
            name: "Артём Захаров", email: "artem.zakharov@demo.earned", role: .staff, site: 0,
            department: Department.delivery),
        Member(
            name: "Екатерина Морозова", email: "ekaterina.morozova@demo.earned", role: .staff, site: 1,
            department: Department.sales,
            shift: 0),
        Member(
            name: "Сергей Волков", email: "sergey.volkov@demo.earned", role: .staff, site: 1,
            department: Department.sales,
            shift: 1),
        Member(
            name: "Андрей Новиков", email: "andrey.novikov@demo.earned", role: .staff, site: 1,
            department: Department.service),
        Member(
            name: "Павел Егоров", email: "pavel.egorov@demo.earned", role: .staff, site: 1,
            department: Department.delivery),
        Member(
            name: "James Carter", email: "james.carter@demo.earned", role: .staff, site: 2,
            department: Department.sales,
            shift: 0),
        Member(
            name: "Emily Brooks", email: "emily.brooks@demo.earned", role: .staff, site: 2,
            department: Department.sales,
            shift: 1),
        Member(
            name: "Lukas Weber", email: "lukas.weber@demo.earned", role: .staff, site: 2, department: Department.service
        ),
        Member(
            name: "Tom Becker", email: "tom.becker@demo.earned", role: .staff, site: 2, department: Department.delivery),
    ]

    static func makeStaff(
        sites: [DemoSite], random: inout SeededGenerator
    ) -> (staff: [Staff], crews: [DemoCrew], ownerID: StaffID) {
        let createdAt = sites.map(\.location.createdAt).min() ?? Date(timeIntervalSince1970: 0)
        var staff: [Staff] = []
        let unassigned = StaffID(UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)))
        var crews = sites.map { _ in
            DemoCrew(sellersByShift: [[], []], servicers: [], managerID: unassigned, relationshipOwners: [])
        }
        var ownerID = unassigned
        for member in roster {
            let id = StaffID(random.uuid())
            staff.append(
                Staff(
                    id: id, name: member.name, email: member.email, role: member.role,
                    homeLocationID: member.site.map { sites[$0].location.id }, department: member.department,
                    createdAt: createdAt, updatedAt: createdAt))
            guard let site = member.site else {
                ownerID = id
                continue
            }
            if member.role == .manager { crews[site].managerID = id }
            if let shift = member.shift {
                crews[site].sellersByShift[shift].append(id)
                crews[site].relationshipOwners.append(id)
            }
            if member.department == Department.service { crews[site].servicers.append(id) }
        }
        return (staff, crews, ownerID)
    }
}
