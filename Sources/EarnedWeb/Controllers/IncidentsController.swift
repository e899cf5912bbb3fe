import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// Call-first incidents from the pages.
struct IncidentsController {
    func list(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let reports = try await req.incidents.list(actor: viewer.staff)
        let page = IncidentListPage(
            viewer: viewer, reports: reports, mayRecord: Policy.may(viewer.staff, .recordIncidents)
        ).body
        return Layout.response(page, title: viewer.s.incidentsTitle, request: req)
    }

    func new(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .recordIncidents)
        let form = IncidentForm(found_at: FormDates.inputValue(req.now, zone: viewer.zone), scope: "product")
        return render(req, viewer: viewer, form: form, errors: [])
    }

    func render(_ req: Request, viewer: ViewerContext, form: IncidentForm, errors: [FieldError]) -> Response {
        Layout.response(
            NewIncidentPage(viewer: viewer, form: form, errors: errors).body, title: viewer.s.newIncident, request: req,
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    func create(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .recordIncidents)
        let form = try req.content.decode(IncidentForm.self)
        do {
            let draft = try await Self.draft(form, viewer: viewer, req: req)
            let report = try await IncidentOutreach.record(
                draft, message: form.message, actor: viewer.staff, now: req.now, on: req.database)
            return req.redirect(to: SiteURL.incident(report.incident.id.rawValue).path)
        } catch let error as DomainError {
            guard case .invalid(let fields) = error else { throw error }
            return render(req, viewer: viewer, form: form, errors: fields)
        }
    }

    /// The draft a form describes; local dates are read in the viewer's zone, a "to" date
    /// includes its whole day.
    static func draft(_ form: IncidentForm, viewer: ViewerContext, req: Request) async throws -> IncidentDraft {
        var errors: [FieldError] = []
        func date(_ field: String, _ text: String?, endOfDay: Bool = false) -> Date? {
            guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
            guard let start = FormDates.parse(text, zone: viewer.zone) else {
                errors.append(FieldError(field: field, code: .invalidFormat, detail: "a date"))
                return nil
            }
            return endOfDay ? start.addingTimeInterval(86_400 - 1) : start
        }
        let found = date("found_at", form.found_at)
        let from = date("from", form.from)
        let to = date("to", form.to, endOfDay: true)
        let location = form.location_id.flatMap(LocationID.init(string:))
        var scope: Incident.Scope?
        switch form.scope ?? "product" {
        case "product": scope = .product(text: form.text ?? "", from: from, to: to)
        case "dates":
            if let from, let to {
                scope = .dateRange(from: from, to: to)
            } else {
                if from == nil { errors.append(FieldError(field: "from", code: .required)) }
                if to == nil { errors.append(FieldError(field: "to", code: .required)) }
            }
        case "location":
            if let location {
                scope = .location(id: location, from: from, to: to)
            } else {
                errors.append(FieldError(field: "location_id", code: .required))
            }
        case "customers":
            let lines = (form.customers ?? "").split(whereSeparator: \.isNewline).map(String.init)
            let resolved = try await req.customers.resolve(references: lines)
            if !resolved.unknown.isEmpty {
                errors.append(
                    FieldError(
                        field: "customers", code: .unknownReference,
                        detail: resolved.unknown.prefix(5).joined(separator: ", ")))
            }
            scope = .customers(ids: resolved.found)
        default: errors.append(FieldError(field: "scope", code: .invalidChoice))
        }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        return IncidentDraft(
            title: form.title, detail: form.detail, foundAt: found,
            locationID: form.scope == "location" ? location : nil,
            scope: scope)
    }

    func show(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let report = try await req.incidents.get(try req.entityID("incident"), actor: viewer.staff)
        return try await render(req, viewer: viewer, report: report)
    }

    func render(_ req: Request, viewer: ViewerContext, report: IncidentRepository.Report) async throws -> Response {
        let names = try await req.customers.names(report.affected.map(\.customerID), s: viewer.s)
        let page = IncidentPage(
            viewer: viewer, report: report, names: names, mayClose: Policy.may(viewer.staff, .recordIncidents)
        ).body
        return Layout.response(page, title: report.incident.title, request: req)
    }

    func close(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let report = try await req.incidents.close(try req.entityID("incident"), actor: viewer.staff, now: req.now)
        return req.redirect(to: SiteURL.incident(report.incident.id.rawValue).path)
    }
}
