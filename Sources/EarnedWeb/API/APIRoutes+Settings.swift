import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

/// The owner's settings under /api/v1/settings: the same rules as the settings pages.
extension APIRoutes {
    static func registerSettings(_ api: any RoutesBuilder) {
        api.get(SiteURL.API.serviceSettings.pathComponents, use: serviceSettings)
        api.patch(SiteURL.API.serviceSettings.pathComponents, use: changeServiceSettings)
        api.get(SiteURL.API.outreachSettings.pathComponents, use: outreachSettings)
        api.patch(SiteURL.API.outreachSettings.pathComponents, use: changeOutreachSettings)
        api.get(SiteURL.API.mailSettings.pathComponents, use: mailSettings)
        api.patch(SiteURL.API.mailSettings.pathComponents, use: changeMailSettings)
        api.post(SiteURL.API.mailTest.pathComponents, use: mailTest).waitsOnOtherServers()
        api.get(SiteURL.API.telegramSettings.pathComponents, use: telegramSettings)
        api.patch(SiteURL.API.telegramSettings.pathComponents, use: changeTelegramSettings).waitsOnOtherServers()
        api.delete(SiteURL.API.telegramSettings.pathComponents, use: removeTelegramSettings).waitsOnOtherServers()
        api.post(SiteURL.API.customerTelegramLink(.key).pathComponents, use: customerTelegramLink)
        api.get(SiteURL.API.messages.pathComponents, use: messages)
        api.get(SiteURL.API.notifications.pathComponents, use: notifications)
        api.patch(SiteURL.API.notifications.pathComponents, use: changeNotifications)
        api.get(SiteURL.API.contactMessages(.key).pathComponents, use: contactMessages)
        api.post(SiteURL.API.contactReplies(.key).pathComponents, use: contactReply)
    }

    static func telegramSettingsDTO(_ req: Request) async throws -> TelegramSettingsDTO {
        let settings = try await req.settings.telegram()
        return TelegramSettingsDTO(
            settings, canStoreToken: req.application.secretBox != nil,
            status: settings?.mode == .polling ? try await TelegramStore(db: req.database).status() : nil)
    }

    static func telegramSettings(_ req: Request) async throws -> TelegramSettingsDTO {
        try Policy.require(try req.actor(), .manageIntegrations)
        return try await telegramSettingsDTO(req)
    }

    /// Connects the bot (the token asked of Telegram first) or changes its mode.
    static func changeTelegramSettings(_ req: Request) async throws -> TelegramSettingsDTO {
        let actor = try req.actor()
        try Policy.require(actor, .manageIntegrations)
        let input = try req.content.decode(TelegramSettingsInput.self)
        try await req.application.telegramActions(db: req.database, logger: req.logger).save(
            token: input.token, mode: input.mode, siteURL: req.application.earned.config.publicBase, actor: actor,
            now: req.now)
        return try await telegramSettingsDTO(req)
    }

    static func removeTelegramSettings(_ req: Request) async throws -> HTTPStatus {
        try await req.application.telegramActions(db: req.database, logger: req.logger).remove(
            actor: try req.actor(), now: req.now)
        return .noContent
    }

    /// A one-use link that starts the bot as the customer, for whoever may see the customer.
    static func customerTelegramLink(_ req: Request) async throws -> Response {
        let link = try await req.application.telegramActions(db: req.database, logger: req.logger).startLink(
            for: try req.entityID("customer") as CustomerID, actor: try req.actor(), now: req.now)
        return try await TelegramLinkDTO(link: link, expires_at: req.now + TelegramActions.linkLifetime)
            .encodeResponse(status: .created, for: req)
    }

    static func notifications(_ req: Request) async throws -> NotificationsDTO {
        NotificationsDTO(try await req.settings.notificationPreferences(of: try req.actor().id))
    }

    /// Changes the caller's own choices; what is left out keeps its value.
    static func changeNotifications(_ req: Request) async throws -> NotificationsDTO {
        let actor = try req.actor()
        let input = try req.content.decode(NotificationsInput.self)
        var preferences = try await req.settings.notificationPreferences(of: actor.id)
        var errors: [FieldError] = []
        if let email = input.email { preferences.email = email }
        if let digest = input.digest { preferences.digest = digest }
        if let kinds = input.kinds {
            var chosen: Set<NotificationKind> = []
            for (index, text) in kinds.enumerated() {
                if let kind = NotificationKind(rawValue: text) {
                    chosen.insert(kind)
                } else {
                    errors.append(
                        FieldError(
                            field: "kinds.\(index)", code: .invalidChoice,
                            detail: NotificationKind.allCases.map(\.rawValue).joined(separator: ", ")))
                }
            }
            preferences.kinds = chosen
        }
        if let from = DayPeriod.minutes(input.send_from, field: "send_from", into: &errors) {
            preferences.hours.sendFrom = from
        }
        if let until = DayPeriod.minutes(input.send_until, field: "send_until", into: &errors) {
            preferences.hours.sendUntil = until
        }
        if !errors.isEmpty { throw DomainError.invalid(errors) }
        try await req.settings.changeNotificationPreferences(preferences, actor: actor, now: req.now)
        return NotificationsDTO(preferences)
    }

    /// A contact's conversation by e-mail, oldest first, for whoever may see the contact.
    static func contactMessages(_ req: Request) async throws -> [ContactMessageDTO] {
        let contact = try await req.contacts.get(try req.entityID("contact") as ContactID, actor: try req.actor())
        return try await MailThreadStore(db: req.database).messages(of: contact.id).map(ContactMessageDTO.init)
    }

    /// A reply by e-mail in the contact's thread; the answer is the queued message.
    static func contactReply(_ req: Request) async throws -> Response {
        let input = try req.content.decode(ReplyInput.self)
        let message = try await MailReply.send(
            input.text, to: try req.entityID("contact") as ContactID, actor: try req.actor(), now: req.now,
            on: req.database)
        return try await OutboundMessageDTO(message).encodeResponse(status: .created, for: req)
    }

    static func mailActions(_ req: Request) -> MailActions {
        MailActions(
            db: req.database, transport: req.application.mailTransport, secrets: req.application.secretBox,
            logger: req.logger)
    }

    static func mailSettings(_ req: Request) async throws -> MailSettingsDTO {
        try Policy.require(try req.actor(), .manageIntegrations)
        return MailSettingsDTO(try await req.settings.mail(), canStorePasswords: req.application.secretBox != nil)
    }

    static func changeMailSettings(_ req: Request) async throws -> MailSettingsDTO {
        let actor = try req.actor()
        try Policy.require(actor, .manageIntegrations)
        let input = try req.content.decode(MailSettingsInput.self)
        let location = input.location_id.map(LocationID.init)
        if let location, try await req.locations.find(location) == nil {
            throw DomainError.invalid([FieldError(field: "location_id", code: .unknownReference)])
        }
        if let on = input.new_customers {
            try await req.settings.changeMailNewCustomers(on, actor: actor, now: req.now)
        }
        if input.incoming_set {
            if let incoming = input.incoming {
                do {
                    try await mailActions(req).saveIncoming(
                        incoming.draft, location: location, actor: actor, now: req.now)
                } catch let error as DomainError {
                    throw error.prefixed("incoming.")
                }
            } else {
                try await req.settings.removeIncomingMail(location: location, actor: actor, now: req.now)
            }
        }
        guard input.outgoing_set else {
            return MailSettingsDTO(try await req.settings.mail(), canStorePasswords: req.application.secretBox != nil)
        }
        if let outgoing = input.outgoing {
            do {
                try await mailActions(req).saveOutgoing(outgoing.draft, location: location, actor: actor, now: req.now)
            } catch let error as DomainError {
                throw error.prefixed("outgoing.")
            }
        } else {
            try await req.settings.removeOutgoingMail(location: location, actor: actor, now: req.now)
        }
        return MailSettingsDTO(try await req.settings.mail(), canStorePasswords: req.application.secretBox != nil)
    }

    /// Sends a test message now; the answer carries the server's reply.
    static func mailTest(_ req: Request) async throws -> OutboundMessageDTO {
        let actor = try req.actor()
        let input = try req.content.decode(MailTestInput.self)
        let location = input.location_id.map(LocationID.init)
        if let location, try await req.locations.find(location) == nil {
            throw DomainError.invalid([FieldError(field: "location_id", code: .unknownReference)])
        }
        return OutboundMessageDTO(
            try await mailActions(req).sendTest(
                to: input.to, location: location, language: req.lang.rawValue, actor: actor, now: req.now))
    }

    /// The e-mail Earned sent itself, newest first: the whole log for the owner; one customer's
    /// messages for whoever may see that customer.
    static func messages(_ req: Request) async throws -> [OutboundMessageDTO] {
        let actor = try req.actor()
        let limit = try APIRoutes.limit(req)
        let outbox = OutboxStore(db: req.database)
        if let text = req.query[String.self, at: "customer_id"] {
            guard let id = CustomerID(string: text) else {
                throw DomainError.invalid([FieldError(field: "customer_id", code: .invalidFormat, detail: "a UUID")])
            }
            let customer = try await req.customers.get(id, actor: actor)
            return try await outbox.messages(to: customer.id, limit: limit).map(OutboundMessageDTO.init)
        }
        try Policy.require(actor, .manageIntegrations)
        var status: OutboundMessage.Status?
        if let text = req.query[String.self, at: "status"] {
            guard let chosen = OutboundMessage.Status(rawValue: text) else {
                throw DomainError.invalid([
                    FieldError(
                        field: "status", code: .invalidChoice,
                        detail: OutboundMessage.Status.allCases.map(\.rawValue).joined(separator: ", "))
                ])
            }
            status = chosen
        }
        return try await outbox.recent(status: status, limit: limit).map(OutboundMessageDTO.init)
    }

    static func serviceSettings(_ req: Request) async throws -> ServiceRulesDTO {
        let actor = try req.actor()
        try Policy.require(actor, .manageIntegrations)
        return ServiceRulesDTO(try await req.settings.service(), locations: try await req.locations.all())
    }

    static func changeServiceSettings(_ req: Request) async throws -> ServiceRulesDTO {
        let actor = try req.actor()
        try Policy.require(actor, .manageIntegrations)
        let input = try req.content.decode(ServiceRulesInput.self)
        let locations = try await req.locations.all()
        let rules = try input.applied(to: try await req.settings.service(), visible: locations)
        return ServiceRulesDTO(
            try await req.settings.changeService(rules, actor: actor, now: req.now), locations: locations)
    }

    static func outreachSettings(_ req: Request) async throws -> OutreachSettingsDTO {
        try Policy.require(try req.actor(), .manageIntegrations)
        return OutreachSettingsDTO(try await req.settings.outreach())
    }

    static func changeOutreachSettings(_ req: Request) async throws -> OutreachSettingsDTO {
        try Policy.require(try req.actor(), .manageIntegrations)
        let input = try req.content.decode(OutreachSettingsInput.self)
        return OutreachSettingsDTO(
            try await req.settings.changeOutreach(try input.draft, actor: try req.actor(), now: req.now))
    }
}
