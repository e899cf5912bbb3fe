import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// The owner's e-mail settings: the outgoing server of the business or of one location, saved
/// and checked at once; a test message; the delivery log.
struct MailSettingsController {
    func actions(_ req: Request) -> MailActions {
        MailActions(
            db: req.database, transport: req.application.mailTransport, secrets: req.application.secretBox,
            logger: req.logger, reader: req.application.mailboxReader)
    }

    /// The scope named by `location` (a query or form value); nil for the business.
    func scope(_ text: String?, _ req: Request) async throws -> LocationID? {
        guard let text, !text.isEmpty else { return nil }
        guard let id = LocationID(string: text), try await req.locations.find(id) != nil else {
            throw DomainError.notFound("location")
        }
        return id
    }

    func show(_ req: Request) async throws -> Response {
        let location = try await scope(req.query[String.self, at: "location"], req)
        return try await render(req, location: location)
    }

    func render(
        _ req: Request, location: LocationID?, form: [String: String]? = nil, errors: [FieldError] = [],
        notice: (String, Bool)? = nil
    ) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageIntegrations)
        let settings = try await req.settings.mail()
        let page = MailSettingsPage(
            viewer: viewer, locations: try await req.locations.all(), location: location, settings: settings,
            form: form
                ?? MailSettingsPage.values(
                    settings.account(exactly: location)?.outgoing,
                    incoming: settings.account(exactly: location)?.incoming,
                    to: viewer.staff.email),
            errors: errors, notice: notice.map { (text: $0.0, good: $0.1) },
            canSealPasswords: req.application.secretBox != nil,
            recent: try await OutboxStore(db: req.database).recent(limit: 20),
            mailboxStatus: try await MailThreadStore(db: req.database).mailboxStatus(location))
        return Layout.response(
            page.body, title: viewer.s.mailTitle, request: req, status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    /// Saves the server and signs in to it at once, so the owner learns now whether it works.
    func save(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        try Policy.require(actor, .manageIntegrations)
        let form = try req.content.decode([String: String].self)
        let location = try await scope(form["location"], req)
        let s = req.strings
        switch form["action"] {
        case "remove":
            try await req.settings.removeOutgoingMail(location: location, actor: actor, now: req.now)
            return try await render(req, location: location, notice: (s.mailRemoved, true))
        case "remove_incoming":
            try await req.settings.removeIncomingMail(location: location, actor: actor, now: req.now)
            return try await render(req, location: location, notice: (s.mailReadingStopped, true))
        case "incoming":
            let draft = IncomingMailServerDraft(
                host: form["in_host"], port: form["in_port"].flatMap { $0.isEmpty ? nil : Int($0) ?? -1 },
                security: form["in_security"], username: form["in_username"],
                password: form["in_password"].flatMap { $0.isEmpty ? nil : $0 }, folder: form["in_folder"])
            do {
                try await actions(req).saveIncoming(draft, location: location, actor: actor, now: req.now)
            } catch let error as DomainError {
                guard case .invalid(let errors) = error.prefixed("in_") else { throw error }
                return try await render(req, location: location, form: form, errors: errors)
            }
            try await req.settings.changeMailNewCustomers(
                form["in_new_customers"] == "true", actor: actor, now: req.now)
            let problem = try await actions(req).checkIncoming(location: location, actor: actor)
            return try await render(
                req, location: location,
                notice: problem.map { (s.mailCheckFailed($0), false) } ?? (s.mailboxChecked, true))
        default: break
        }
        var password = form["password"].flatMap { $0.isEmpty ? nil : $0 }
        if form["remove_password"] == "true" { password = "" }
        let draft = OutgoingMailServerDraft(
            host: form["host"], port: form["port"].flatMap { $0.isEmpty ? nil : Int($0) ?? -1 },
            security: form["security"], username: form["username"], password: password,
            fromAddress: form["from_address"], fromName: form["from_name"])
        do {
            try await actions(req).saveOutgoing(draft, location: location, actor: actor, now: req.now)
        } catch DomainError.invalid(let errors) {
            return try await render(req, location: location, form: form, errors: errors)
        }
        let problem = try await actions(req).check(location: location, actor: actor)
        return try await render(
            req, location: location, notice: problem.map { (s.mailCheckFailed($0), false) } ?? (s.mailChecked, true))
    }

    /// Sends a test message now and shows the server's answer.
    func test(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        try Policy.require(actor, .manageIntegrations)
        let form = try req.content.decode([String: String].self)
        let location = try await scope(form["location"], req)
        let settings = try await req.settings.mail()
        var values = MailSettingsPage.values(
            settings.account(exactly: location)?.outgoing, incoming: settings.account(exactly: location)?.incoming,
            to: form["to"])
        values["to"] = form["to"] ?? ""
        do {
            let sent = try await actions(req).sendTest(
                to: form["to"], location: location, language: req.lang.rawValue, actor: actor, now: req.now)
            return try await render(
                req, location: location, form: values,
                notice: (req.strings.mailTestResult(sent), sent.status == .sent))
        } catch DomainError.invalid(let errors) {
            return try await render(req, location: location, form: values, errors: errors)
        }
    }
}

extension MailSettingsController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        pages.user.get(SiteURL.mailSettings().pathComponents, use: show)
        pages.user.post(SiteURL.mailSettings().pathComponents, use: save).waitsOnOtherServers()
        pages.user.post(SiteURL.mailTest.pathComponents, use: test).waitsOnOtherServers()
    }
}
