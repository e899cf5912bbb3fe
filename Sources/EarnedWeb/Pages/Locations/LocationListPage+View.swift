import EarnedDomain
import Vapor

extension LocationListPage {
    var body: HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.locationsTitle, action: (SiteURL.newLocation.path, s.newLocation)),
            locations.isEmpty
                ? H.p("empty", s.noLocations)
                : H.table(
                    caption: s.locationsTitle, headers: [s.name, s.timeZone, s.country, s.hours, s.shifts],
                    rows: locations.map { loc in
                        [
                            H.a(SiteURL.editLocation(loc.id.rawValue).path, loc.name),
                            H.text(loc.timeZone),
                            H.text(s.countryName(loc.country)),
                            H.el(
                                "ul", [("class", "plain small")],
                                (1...7).map { day in
                                    let text = loc.hours.text(isoWeekday: day)
                                    return H.el(
                                        "li", [], [H.text("\(s.weekday(day)) \(text.isEmpty ? s.closed : text)")])
                                }),
                            H.text(
                                loc.shifts.map {
                                    "\($0.name) \(DayPeriod(start: $0.start, end: $0.end == 0 ? 1440 : $0.end).text)"
                                }.joined(separator: ", ")),
                        ]
                    }),
        ])
    }
}
