import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// The Telegram bot: its settings page (owner), a customer's start link (whoever may see the
/// customer), a person's own link for their notices, and the webhook Telegram calls.
struct TelegramController {
    func show(_ req: Request) async throws -> Response {
        try await render(req)
    }

    func render(
        _ req: Request, form: [String: String] = [:], errors: [FieldError] = [], notice: (String, Bool)? = nil
    ) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        try Policy.require(viewer.staff, .manageIntegrations)
        let settings = try await req.settings.telegram()
        let page = TelegramSettingsPage(
            viewer: viewer, settings: settings, form: form, errors: errors,
            notice: notice.map { (text: $0.0, good: $0.1) }, canSealTokens: req.application.secretBox != nil,
            status: settings?.mode == .polling ? try await TelegramStore(db: req.database).status() : nil)
        return Layout.response(
            page.body, title: viewer.s.telegramTitle, request: req,
            status: errors.isEmpty ? .ok : .unprocessableEntity)
    }

    /// Saves the bot after Telegram has said the token is good; or disconnects it.
    func save(_ req: Request) async throws -> Response {
        let actor = try req.actor()
        try Policy.require(actor, .manageIntegrations)
        let form = try req.content.decode([String: String].self)
        let actions = req.application.telegramActions(db: req.database, logger: req.logger)
        if form["action"] == "remove" {
            try await actions.remove(actor: actor, now: req.now)
            return try await render(req, notice: (req.strings.telegramRemoved, true))
        }
        do {
            let saved = try await actions.save(
                token: form["token"], mode: form["mode"], siteURL: req.application.earned.config.publicBase,
                actor: actor, now: req.now)
            return try await render(req, notice: (req.strings.telegramConnected(saved.username), true))
        } catch DomainError.invalid(let errors) {
            var values = form
            values["token"] = nil
            return try await render(req, form: values, errors: errors)
        }
    }

    /// Makes a customer's start link and shows it to be sent or printed.
    func customerLink(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let id = try req.entityID("customer") as CustomerID
        let customer = try await req.customers.get(id, actor: viewer.staff)
        let link = try await req.application.telegramActions(db: req.database, logger: req.logger).startLink(
            for: id, actor: viewer.staff, now: req.now)
        let s = viewer.s
        let page = TelegramLinkPage(
            viewer: viewer, title: s.telegramLinkTitle, hint: s.telegramLinkFor(customer.name), link: link,
            back: (SiteURL.customer(id.rawValue).path, customer.name))
        return Layout.response(page.body, title: s.telegramLinkTitle, request: req)
    }

    /// Makes the person's own start link for their notices.
    func accountLink(_ req: Request) async throws -> Response {
        let viewer = try await ViewerContext.load(req)
        let link = try await req.application.telegramActions(db: req.database, logger: req.logger).startLink(
            forStaff: viewer.staff, now: req.now)
        let s = viewer.s
        let page = TelegramLinkPage(
            viewer: viewer, title: s.telegramStaffLinkTitle, hint: s.telegramStaffLinkHint, link: link,
            back: (SiteURL.account.path, s.accountTitle))
        return Layout.response(page.body, title: s.telegramStaffLinkTitle, request: req)
    }

    /// An update Telegram sends in webhook mode, with the secret it was given when the webhook
    /// was set: anything else is refused without a word about why.
    func hook(_ req: Request) async throws -> Response {
        let body = req.body.data.map { Data(buffer: $0) } ?? Data()
        let outcome = try await req.application.telegramActions(db: req.database, logger: req.logger).webhook(
            secret: req.headers.first(name: "X-Telegram-Bot-Api-Secret-Token"), body: body,
            language: req.application.earned.config.defaultLanguage, now: req.now)
        switch outcome {
        case .taken, .unreadable: return Response(status: .ok)
        case .refused: return Response(status: .unauthorized)
        }
    }
}

extension TelegramController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        pages.user.get(SiteURL.telegramSettings.pathComponents, use: show)
        pages.user.post(SiteURL.telegramSettings.pathComponents, use: save).waitsOnOtherServers()
        pages.user.post(SiteURL.customerTelegramLink(.key).pathComponents, use: customerLink)
        pages.user.post(SiteURL.accountTelegram.pathComponents, use: accountLink)
    }
}

/// The webhook Telegram calls: no session and no CSRF token; the secret header is the authority.
struct TelegramHookController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        routes.on(
            .POST, SiteURL.telegramHook.pathComponents, body: .collect(maxSize: "1mb"), use: TelegramController().hook)
    }
}
