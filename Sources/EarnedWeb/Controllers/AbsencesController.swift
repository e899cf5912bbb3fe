import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// A manager's absences page: who is away and who covers, recording one, ending one early.
struct AbsencesController {
    func list(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .changeOthersWork)
        var form = AbsencesPage.Form()
        form.starts_on = FormDates.dayValue(req.now, zone: viewer.zone)
        return try await render(req, viewer: viewer, form: form, errors: [])
    }

    func render(_ req: Request, viewer: ViewerContext, form: AbsencesPage.Form, errors: [FieldError]) async throws
        -> Response
    {
        let page = AbsencesPage(
            viewer: viewer,
            absences: try await AbsenceRepository(db: req.database).current(actor: viewer.staff, now: req.now),
            staff: try await req.staffAccounts.list(actor: viewer.staff), form: form, errors: errors, now: req.now)
        return Layout.response(
            page.body, title: viewer.s.absencesTitle, request: req,
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    /// The days are the viewer's: away from the start of the first to the end of the last.
    func create(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let form = try req.content.decode(AbsencesPage.Form.self)
        var errors: [FieldError] = []
        func day(_ field: String, _ text: String?) -> Date? {
            guard let text, !text.isEmpty else { return nil }
            guard let date = FormDates.parse(text, zone: viewer.zone) else {
                errors.append(FieldError(field: field, code: .invalidFormat, detail: "a date"))
                return nil
            }
            return date
        }
        let starts = day("starts_on", form.starts_on)
        let lastDay = day("ends_on", form.ends_on)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = viewer.zone
        let ends = lastDay.flatMap { calendar.date(byAdding: .day, value: 1, to: $0) }
        do {
            guard errors.isEmpty else { throw DomainError.invalid(errors) }
            try await AbsenceActions.record(
                AbsenceDraft(
                    staffID: form.staff_id.flatMap(StaffID.init(string:)),
                    coverID: form.cover_id.flatMap(StaffID.init(string:)), startsAt: starts, endsAt: ends,
                    reason: form.reason), actor: viewer.staff, in: req.serviceContext)
        } catch DomainError.invalid(let fields) {
            // The domain names instants; the form names days.
            let named = fields.map { e in
                var e = e
                if e.field == "starts_at" { e.field = "starts_on" }
                if e.field == "ends_at" { e.field = "ends_on" }
                return e
            }
            return try await render(req, viewer: viewer, form: form, errors: named)
        }
        return req.redirect(to: SiteURL.absences.path)
    }

    func end(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        do {
            try await AbsenceActions.end(try req.entityID("absence"), actor: viewer.staff, in: req.serviceContext)
        } catch DomainError.conflict {
            // Ended meanwhile (by someone else, or its date passed): the list shows how it stands.
        }
        return req.redirect(to: SiteURL.absences.path)
    }
}
