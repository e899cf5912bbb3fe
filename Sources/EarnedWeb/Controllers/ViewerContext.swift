import EarnedDomain
import Vapor

/// What most pages need besides their own data: locations and the viewer's time zone.
struct ViewerContext: Sendable {
    var staff: Staff
    var csrf: String?
    var locations: [Location]
    var zone: TimeZone
    var lang: Lang
    var s: Strings { Strings(lang: lang) }

    static func load(_ req: Request) async throws -> ViewerContext {
        let staff = try req.actor()
        let (visible, zone) = places(of: staff, among: try await req.locations.all())
        return ViewerContext(
            staff: staff, csrf: req.currentUser?.csrfToken, locations: visible, zone: zone, lang: req.lang)
    }

    /// The locations `staff` sees and the zone their days are read in: their home location's,
    /// else their first location's, else UTC.
    static func places(of staff: Staff, among all: [Location]) -> (visible: [Location], zone: TimeZone) {
        let visible = all.filter { staff.canSee(location: $0.id) }
        let home = all.first { $0.id == staff.homeLocationID } ?? visible.first
        return (visible, home.flatMap { TimeZone(identifier: $0.timeZone) } ?? .gmt)
    }

    /// The zone of the viewer's home location, nil when they have none.
    var homeZone: TimeZone? {
        locations.first { $0.id == staff.homeLocationID }.flatMap { TimeZone(identifier: $0.timeZone) }
    }

    func locationName(_ id: LocationID?) -> String {
        guard let id else { return s.none }
        return locations.first { $0.id == id }?.name ?? s.none
    }

    func zone(of id: LocationID?) -> TimeZone {
        locations.first { $0.id == id }.flatMap { TimeZone(identifier: $0.timeZone) } ?? zone
    }

    func dateTime(_ date: Date?, at location: LocationID? = nil) -> String {
        guard let date else { return s.none }
        return Format.dateTime(date, lang, zone: zone(of: location))
    }

    var locationOptions: [(value: String, label: String)] {
        locations.map { ($0.id.description, $0.name) }
    }
}
