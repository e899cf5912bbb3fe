import EarnedDomain
import EarnedStore
import Fluent
import Vapor

func routes(_ app: Application, metrics: EarnedMetrics) throws {
    app.get("health") { req async throws -> Response in
        do {
            try await DatabaseHealth.probe(req.database)
            return try await ["status": "ok", "database": "reachable"].encodeResponse(for: req)
        } catch {
            req.logger.error("health check failed: \(String(reflecting: error))")
            let response = try await ["status": "failing", "database": "unreachable"].encodeResponse(for: req)
            response.status = .serviceUnavailable
            return response
        }
    }
    app.grouped(MetricsAccessMiddleware(config: app.earned.config)).get("metrics") { _ -> Response in
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(
            type: "text", subType: "plain", parameters: ["version": "0.0.4", "charset": "utf-8"])
        return Response(status: .ok, headers: headers, body: .init(string: metrics.render()))
    }
    app.get("static", "earned.css") { _ -> Response in
        var headers = HTTPHeaders()
        headers.contentType = .css
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: Stylesheet.css))
    }
    app.get("static", "import-progress.js") { _ -> Response in
        var headers = HTTPHeaders()
        headers.contentType = HTTPMediaType(type: "text", subType: "javascript", parameters: ["charset": "utf-8"])
        headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=3600")
        return Response(status: .ok, headers: headers, body: .init(string: ImportProgressScript.js))
    }
    app.get("api", "openapi.json") { req -> Response in
        var headers = HTTPHeaders()
        headers.contentType = .json
        return Response(status: .ok, headers: headers, body: .init(string: OpenAPIDocument.json))
    }

    let pages = app.grouped(SessionMiddleware()).grouped(CSRFMiddleware())
    let signIn = SignInController()
    pages.get("sign-in", use: signIn.show)
    pages.post("sign-in", use: signIn.submit)
    pages.get("language", ":code", use: signIn.language)
    let surveyLink = SurveyPublicController()
    pages.get("s", ":token", use: surveyLink.show)
    pages.post("s", ":token", use: surveyLink.submit)

    let secondFactor = SecondFactorController()
    pages.get("sign-in", "code", use: secondFactor.show)
    pages.post("sign-in", "code", use: secondFactor.submit)
    let reset = PasswordResetController()
    pages.get("reset", ":token", use: reset.show)
    pages.post("reset", ":token", use: reset.submit)

    // Signed in, but maybe still owing the second factor the owner requires: only signing out
    // and setting it up.
    let signedIn = pages.grouped(RequireUserMiddleware())
    signedIn.post("sign-out", use: signIn.signOut)
    let account = AccountController()
    signedIn.get("account", "two-factor", use: account.setup)
    signedIn.post("account", "two-factor", use: account.confirm)

    let user = signedIn.grouped(TwoFactorRequirementMiddleware())
    user.get("account", use: account.show)
    user.post("account", "password", use: account.changePassword)
    user.post("account", "two-factor", "disable", use: account.disable)
    user.post("account", "two-factor", "recovery-codes", use: account.newRecoveryCodes)
    user.post("staff", ":id", "reset-link", use: reset.create)
    user.post("staff", ":id", "two-factor", "reset", use: reset.resetTwoFactor)
    let securitySettings = SecuritySettingsController()
    user.get("settings", "security", use: securitySettings.show)
    user.post("settings", "security", use: securitySettings.save)
    user.get { req in req.redirect(to: SiteURL.today(team: false).path) }

    let service = ServiceController()
    user.get("today", use: service.today)
    user.post("tasks", ":id", "complete", use: service.completeTask)
    user.get("promises", use: service.promises)
    user.get("promises", "on-time") { req async throws -> Response in
        let viewer = try await ViewerContext.load(req)
        let report = try await OnTimeReport.load(req, viewer: viewer)
        return Layout.response(report.body(viewer: viewer), title: viewer.s.onTimeTitle, request: req)
    }
    user.get("promises", "new", use: service.newPromise)
    user.post("promises", use: service.createPromise)
    user.get("promises", ":id", use: service.showPromise)
    user.post("promises", ":id", "action", use: service.promiseAction)
    user.get("cases", use: service.cases)
    user.get("cases", "new", use: service.newCase)
    user.post("cases", use: service.createCase)
    user.get("cases", ":id", use: service.showCase)
    user.post("cases", ":id", "action", use: service.caseAction)
    let dashboards = DashboardsController()
    user.get("scorecard", use: dashboards.scorecard)
    user.get("scorecard", "records", use: dashboards.records)
    user.get("consistency", use: dashboards.consistency)
    user.get("loyalty", use: dashboards.loyalty)
    let forecast = ForecastController()
    user.get("forecast", use: forecast.page)
    user.post("forecast", use: forecast.run).ownTransactions()
    user.post("forecast", "save", use: forecast.save)
    user.get("forecast", "saved", use: forecast.list)
    user.get("forecast", "saved", ":id", use: forecast.show)
    user.post("forecast", "saved", ":id", "delete", use: forecast.delete)
    let settings = SettingsController()
    user.get("settings", "service", use: settings.service)
    user.post("settings", "service", use: settings.saveService)
    user.get("settings", "outreach", use: settings.outreach)
    user.post("settings", "outreach", use: settings.saveOutreach)
    user.get("settings", "webhooks", use: settings.webhooks)
    user.post("settings", "webhooks", use: settings.createWebhook)
    user.post("settings", "webhooks", ":id", "active", use: settings.toggleWebhook)
    let incidents = IncidentsController()
    user.get("incidents", use: incidents.list)
    user.get("incidents", "new", use: incidents.new)
    user.post("incidents", use: incidents.create)
    user.get("incidents", ":id", use: incidents.show)
    user.post("incidents", ":id", "close", use: incidents.close)
    let surveys = SurveysController()
    user.get("surveys", use: surveys.results)
    user.get("surveys", "definitions", use: surveys.definitions)
    user.get("surveys", "definitions", "new", use: surveys.new)
    user.post("surveys", "definitions", use: surveys.save)
    user.get("surveys", "definitions", ":id", use: surveys.edit)
    user.post("surveys", "definitions", ":id", use: surveys.save)
    user.get("surveys", "invitations", use: surveys.invitations)
    user.get("surveys", "invitations", ":id", use: surveys.invitation)
    user.post("surveys", "invitations", ":id", "link", use: surveys.renewLink)
    let contacts = ContactsController()
    user.get("contacts", use: contacts.list)
    user.get("contacts", "new", use: contacts.new)
    user.post("contacts", use: contacts.create)
    user.get("contacts", ":id", use: contacts.show)
    user.post("contacts", ":id", "action", use: contacts.action)

    let customers = CustomersController()
    user.get("customers", use: customers.list)
    user.get("customers", "new", use: customers.new)
    let duplicates = DuplicatesController()
    user.get("customers", "duplicates", use: duplicates.list)
    user.post("customers", "duplicates", "merge", use: duplicates.merge)
    user.post("customers", "duplicates", "dismiss", use: duplicates.dismiss)
    user.post("customers", use: customers.create)
    user.get("customers", ":id", use: customers.show)
    user.get("customers", ":id", "edit", use: customers.edit)
    user.post("customers", ":id", use: customers.update)
    user.post("customers", ":id", "notes", use: customers.addNote)
    user.post("customers", ":id", "referrals", use: customers.addReferral)
    user.post("customers", ":id", "merge", use: customers.merge)
    user.post("customers", ":id", "erase", use: customers.erase)
    user.get("customers", ":id", "export", use: customers.export)

    let orders = OrdersController()
    user.get("orders", use: orders.list)
    user.get("orders", "new", use: orders.new)
    user.post("orders", use: orders.create)

    let imports = ImportController()
    user.get("import", use: imports.show)
    user.on(.POST, "import", body: .collect(maxSize: "64mb"), use: imports.upload)
    user.get("import", "uploads", ":id", use: imports.preview)
    user.get("import", "uploads", ":id", "progress", use: imports.progress)
    user.post("import", "uploads", ":id", use: imports.decide).ownTransactions()

    let locations = LocationsController()
    user.get("locations", use: locations.list)
    user.get("locations", "new", use: locations.new)
    user.post("locations", use: locations.save)
    user.get("locations", ":id", use: locations.edit)
    user.post("locations", ":id", use: locations.save)

    let staff = StaffController()
    user.get("staff", use: staff.list)
    user.get("staff", "new", use: staff.new)
    user.post("staff", use: staff.save)
    user.get("staff", ":id", use: staff.edit)
    user.post("staff", ":id", use: staff.save)

    let tokens = TokensController()
    user.get("tokens", use: tokens.list)
    user.post("tokens", use: tokens.create)
    user.post("tokens", ":id", "revoke", use: tokens.revoke)

    user.get("audit", use: AuditController().list)

    try app.grouped(APITokenMiddleware()).grouped(TwoFactorRequirementMiddleware()).register(collection: APIRoutes())
}
