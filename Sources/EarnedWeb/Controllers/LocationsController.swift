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
            LocationForm(viewer: viewer, id: location.id, values: .init(location), errors: []).body,
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

struct LocationListPage {
    var viewer: ViewerContext
    var locations: [Location]

    var body: HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.locationsTitle, action: (SiteURL.newLocation.path, s.newLocation)),
            locations.isEmpty
                ? H.p("empty", s.noLocations)
                : H.table(
                    caption: s.locationsTitle, headers: [s.name, s.timeZone, s.hours, s.shifts],
                    rows: locations.map { loc in
                        [
                            H.a(SiteURL.editLocation(loc.id.rawValue).path, loc.name),
                            H.text(loc.timeZone),
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

/// The location form: one text field a weekday ("09:00-13:00, 14:00-20:00"), shifts and
/// special days one a line.
struct LocationForm {
    struct Values: Content {
        var name: String?
        var time_zone: String?
        var hours_1: String?
        var hours_2: String?
        var hours_3: String?
        var hours_4: String?
        var hours_5: String?
        var hours_6: String?
        var hours_7: String?
        var shifts: String?
        var special_days: String?

        init() {}

        init(_ location: Location) {
            name = location.name
            time_zone = location.timeZone
            for day in 1...7 {
                setDay(day, location.hours.text(isoWeekday: day).replacingOccurrences(of: "–", with: "-"))
            }
            shifts = location.shifts.map {
                "\($0.name) \(DayPeriod.clockText($0.start))-\(DayPeriod.clockText($0.end))"
            }.joined(separator: "\n")
            special_days = location.specialDays.map { day in
                ([day.date.description, day.kind.rawValue, day.label]
                    + day.periods.map { $0.text.replacingOccurrences(of: "–", with: "-") })
                    .filter { !$0.isEmpty }.joined(separator: " ")
            }.joined(separator: "\n")
        }

        func day(_ index: Int) -> String? {
            [hours_1, hours_2, hours_3, hours_4, hours_5, hours_6, hours_7][index - 1]
        }

        mutating func setDay(_ index: Int, _ value: String) {
            switch index {
            case 1: hours_1 = value
            case 2: hours_2 = value
            case 3: hours_3 = value
            case 4: hours_4 = value
            case 5: hours_5 = value
            case 6: hours_6 = value
            default: hours_7 = value
            }
        }

        func draft() throws -> LocationDraft {
            var errors: [FieldError] = []
            var days: [[DayPeriod]] = []
            for index in 1...7 {
                if let periods = WeeklyHours.parseDay(day(index) ?? "") {
                    days.append(periods)
                } else {
                    errors.append(
                        FieldError(field: "hours_\(index)", code: .invalidFormat, detail: "09:00-13:00, 14:00-20:00"))
                    days.append([])
                }
            }
            var shiftList: [Shift] = []
            for (n, line) in CustomerForm.Values.lines(shifts).enumerated() {
                let parts = line.split(separator: " ")
                guard parts.count >= 2, let times = parts.last, let range = Self.shiftRange(String(times)) else {
                    errors.append(
                        FieldError(field: "shifts", code: .invalidFormat, detail: "line \(n + 1): Name 09:00-15:00"))
                    continue
                }
                shiftList.append(Shift(name: parts.dropLast().joined(separator: " "), start: range.0, end: range.1))
            }
            var special: [SpecialDay] = []
            for (n, line) in CustomerForm.Values.lines(special_days).enumerated() {
                var parts = line.split(separator: " ").map(String.init)
                guard parts.count >= 2, let date = LocalDate(iso: parts[0]), date.year != nil,
                    let kind = SpecialDay.Kind(rawValue: parts[1])
                else {
                    errors.append(
                        FieldError(
                            field: "special_days", code: .invalidFormat,
                            detail: "line \(n + 1): 2026-12-31 holiday Label"))
                    continue
                }
                parts.removeFirst(2)
                var periods: [DayPeriod] = []
                while let last = parts.last, let period = DayPeriod(text: last) {
                    periods.insert(period, at: 0)
                    parts.removeLast()
                }
                special.append(
                    SpecialDay(date: date, kind: kind, label: parts.joined(separator: " "), periods: periods))
            }
            if !errors.isEmpty { throw DomainError.invalid(errors) }
            return LocationDraft(
                name: name ?? "", timeZone: time_zone?.trimmingCharacters(in: .whitespaces) ?? "",
                hours: WeeklyHours(days: days), specialDays: special, shifts: shiftList)
        }

        /// "09:00-15:00", or "18:00-02:00" for a shift past midnight.
        static func shiftRange(_ text: String) -> (Int, Int)? {
            let parts = text.replacingOccurrences(of: "–", with: "-").split(separator: "-")
            guard parts.count == 2, let a = DayPeriod.minutes(parts[0]), let b = DayPeriod.minutes(parts[1]), a != b,
                a < 1440
            else { return nil }
            return (a, b == 1440 ? 0 : b)
        }
    }

    var viewer: ViewerContext
    var id: LocationID?
    var values: Values
    var errors: [FieldError]

    var body: HTMLNode {
        let s = viewer.s
        let e = errors
        return H.group([
            Layout.pageHead(id == nil ? s.newLocation : (values.name ?? s.locationsTitle)),
            Forms.summary(e, s),
            Forms.form(
                action: id.map { SiteURL.editLocation($0.rawValue).path } ?? SiteURL.locations.path, csrf: viewer.csrf,
                cls: "card form",
                [
                    Forms.field("name", label: s.name, value: values.name, required: true, errors: e, s: s),
                    Forms.field(
                        "time_zone", label: s.timeZone, value: values.time_zone,
                        hint: "Europe/Moscow, Asia/Yekaterinburg, Europe/Berlin", required: true, errors: e, s: s),
                    H.el(
                        "fieldset", [],
                        [
                            H.el("legend", [], [H.text(s.hours)]),
                            H.p("hint", s.hoursHint),
                            H.group(
                                (1...7).map { day in
                                    Forms.field(
                                        "hours_\(day)", label: s.weekday(day), value: values.day(day), errors: e, s: s)
                                }),
                        ]),
                    Forms.textarea(
                        "shifts", label: s.shifts, value: values.shifts, hint: s.shiftsHint, rows: 3, errors: e, s: s),
                    Forms.textarea(
                        "special_days", label: s.specialDays, value: values.special_days, hint: s.specialDaysHint,
                        rows: 5, errors: e, s: s),
                    H.div(
                        "form-actions", [Forms.submit(s.save), H.a(SiteURL.locations.path, s.cancel, cls: "button")]),
                ]),
        ])
    }
}
