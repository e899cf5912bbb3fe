import EarnedDomain
import EarnedServices
import EarnedTestSupport
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import EarnedStore
@testable import EarnedWeb

/// The business's Telegram bot against a loopback stand-in of the Bot API: the owner connects
/// it, customers start it from their own link, their messages become contacts, replies,
/// greetings and notices go back through it, and /stop or blocking the bot ends it.
@Suite("Telegram: the business's bot, against a loopback stand-in of the Bot API")
struct TelegramTests {
    /// The stand-in started and named as the Bot API of `app`.
    func standIn(_ app: Application) async throws -> BotAPIStandIn {
        let bot = try await BotAPIStandIn.start()
        app.earned.config.telegramAPI = bot.base
        return bot
    }

    func connect(_ app: Application, _ f: Fixture, mode: String = "polling") async throws {
        try await app.telegramActions(db: app.db, logger: app.logger).save(
            token: BotAPIStandIn.token, mode: mode, siteURL: app.earned.config.publicBase, actor: f.owner,
            now: testNow - 3600)
    }

    /// The start payload in a page or an API answer.
    func payload(_ text: String) -> String? {
        guard let start = text.range(of: "https://t.me/zerno_bot?start=") else { return nil }
        return String(text[start.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" })
    }

    func seconds(_ date: Date) -> Int64 { Int64(date.timeIntervalSince1970) }

    @Test("the owner connects the bot on the page: a bad token is named, a good one checked with Telegram and sealed")
    func settingsPage() async throws {
        try await withEarnedApp { app, f in
            let bot = try await standIn(app)
            defer { Task { await bot.stop() } }
            let owner = try await app.session(for: f.owner)
            let page = try await app.send(.GET, "/settings/telegram", cookie: owner.cookie)
            #expect(page.status == .ok && page.text.contains("name=\"token\""))
            // Not a token: named, nothing asked of Telegram, nothing stored.
            let bad = try await app.send(
                .POST, "/settings/telegram", cookie: owner.cookie,
                form: ["_csrf": owner.csrf, "token": "my bot", "mode": "polling"])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("aria-invalid=\"true\"") && bad.text.contains("@BotFather") && bot.calls.isEmpty)
            // A token Telegram does not know: refused with Telegram's words, nothing stored.
            let unknown = try await app.send(
                .POST, "/settings/telegram", cookie: owner.cookie,
                form: [
                    "_csrf": owner.csrf, "token": "987654321:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "mode": "polling",
                ])
            #expect(unknown.status == .unprocessableEntity && unknown.text.contains("Unauthorized"))
            #expect(try await SettingsStore(db: app.db).telegram() == nil)
            // Webhook mode needs an https address for Telegram to call.
            let plain = try await app.send(
                .POST, "/settings/telegram", cookie: owner.cookie,
                form: ["_csrf": owner.csrf, "token": BotAPIStandIn.token, "mode": "webhook"])
            #expect(plain.status == .unprocessableEntity && plain.text.contains("https://"))
            #expect(try await SettingsStore(db: app.db).telegram() == nil)
            // The real one: Telegram says who the bot is; the token is sealed and never shown.
            let saved = try await app.send(
                .POST, "/settings/telegram", cookie: owner.cookie,
                form: ["_csrf": owner.csrf, "token": BotAPIStandIn.token, "mode": "polling"])
            #expect(saved.status == .ok && saved.text.contains("@zerno_bot"))
            #expect(!saved.text.contains(BotAPIStandIn.token))
            let settings = try #require(try await SettingsStore(db: app.db).telegram())
            #expect(settings.botID == BotAPIStandIn.botID && settings.mode == .polling)
            #expect(!settings.sealedToken.contains("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw"))
            let stored = try #require(try await app.settingsDocument("telegram"))
            #expect(!stored.contains("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw") && stored.contains("zerno_bot"))
            #expect(bot.calls.contains("deleteWebhook"))
            // Saving again without a token keeps the stored one.
            let again = try await app.send(
                .POST, "/settings/telegram", cookie: owner.cookie,
                form: ["_csrf": owner.csrf, "token": "", "mode": "polling"])
            #expect(again.status == .ok && again.text.contains("@zerno_bot"))
            // A seller may not see the page.
            let seller = try await app.session(for: f.northStaff)
            #expect(try await app.send(.GET, "/settings/telegram", cookie: seller.cookie).status == .forbidden)
            // Disconnecting.
            let removed = try await app.send(
                .POST, "/settings/telegram", cookie: owner.cookie, form: ["_csrf": owner.csrf, "action": "remove"])
            #expect(removed.status == .ok)
            #expect(try await SettingsStore(db: app.db).telegram() == nil)
        }
    }

    @Test(
        "a customer starts the bot from their link; their message is a contact; the reply goes to that chat; /stop ends it"
    )
    func conversation() async throws {
        try await withEarnedApp { app, f in
            let bot = try await standIn(app)
            defer { Task { await bot.stop() } }
            try await connect(app, f)
            let anna = try await CustomerRepository(db: app.db).create(
                CustomerDraft(
                    name: "Анна Смирнова", phones: ["+7 900 123-45-01"], ownerID: f.northStaff.id,
                    homeLocationID: f.north.id), actor: f.owner, now: testNow - 86_400)
            // The seller makes Anna's link on her page.
            let seller = try await app.session(for: f.northStaff)
            let card = try await app.send(.GET, "/customers/\(anna.id)", cookie: seller.cookie)
            #expect(card.text.contains("/customers/\(anna.id.description.lowercased())/telegram-link"))
            let made = try await app.send(
                .POST, "/customers/\(anna.id)/telegram-link", cookie: seller.cookie, form: ["_csrf": seller.csrf])
            #expect(made.status == .ok)
            let token = try #require(payload(made.text))
            #expect(token.count == 43)
            // A colleague of another location may not make it.
            let south = try await app.session(for: f.southStaff)
            #expect(
                try await app.send(
                    .POST, "/customers/\(anna.id)/telegram-link", cookie: south.cookie, form: ["_csrf": south.csrf]
                ).status == .notFound)
            // Anna opens it and presses Start: her chat is hers, with her consent, and the bot says hello.
            bot.write("/start \(token)", chat: 7001, date: seconds(testNow - 200))
            var report = try await Tick(app: app).run(now: testNow - 180)
            #expect(report.telegram.updates == 1)
            let chat = try #require(try await TelegramStore(db: app.db).chat(7001))
            #expect(chat.customerID == anna.id && chat.username == "anna_s")
            let consented = try await CustomerRepository(db: app.db).get(anna.id, actor: f.owner)
            #expect(consented.mayContact(via: .messenger))
            #expect(consented.consent(for: .messenger)?.source == "started the Telegram bot")
            #expect(bot.sent.map(\.chatID) == [7001] && bot.sent.first?.text.contains("/stop") == true)
            // The same link used again, from another chat: it is spent; that chat is nobody's.
            bot.write("/start \(token)", chat: 7002, firstName: "Кто-то", username: nil, date: seconds(testNow - 150))
            _ = try await Tick(app: app).run(now: testNow - 140)
            #expect(try await TelegramStore(db: app.db).chat(7002)?.customerID == nil)
            // Her question is a contact on the messenger channel, hers; the next message joins it.
            bot.write("Здравствуйте! Можно забронировать столик на вечер?", chat: 7001, date: seconds(testNow - 120))
            report = try await Tick(app: app).run(now: testNow - 100)
            #expect(report.telegram.newContacts == 1)
            let contact = try #require(try await ContactRepository(db: app.db).unresolved(locations: nil).first)
            #expect(contact.channel == .messenger && contact.customerID == anna.id && contact.locationID == f.north.id)
            #expect(contact.subject == "Здравствуйте! Можно забронировать столик на вечер?")
            #expect(contact.ownerID == f.northStaff.id)
            bot.write("На четверых, к 19:00.", chat: 7001, date: seconds(testNow - 90))
            report = try await Tick(app: app).run(now: testNow - 80)
            #expect(report.telegram.joined == 1 && report.telegram.newContacts == 0)
            // Nothing is taken twice.
            #expect(try await Tick(app: app).run(now: testNow - 70).telegram.updates == 0)
            #expect(try await app.count("contact_messages") == 2)
            // The seller answers on the contact's page: it goes to Anna's chat.
            let page = try await app.send(.GET, "/contacts/\(contact.id)", cookie: seller.cookie)
            #expect(page.text.contains("На четверых") && page.text.contains("Telegram"))
            let replied = try await app.send(
                .POST, "/contacts/\(contact.id)/reply", cookie: seller.cookie,
                form: ["_csrf": seller.csrf, "text": "Анна, столик на четверых к 19:00 ждёт вас."])
            #expect(replied.status == .seeOther)
            #expect(try await ContactRepository(db: app.db).get(contact.id, actor: f.owner).firstResponseAt == testNow)
            report = try await Tick(app: app).run(now: testNow + 60)
            #expect(report.mail.sent == 1)
            let answer = try #require(bot.sent.last)
            #expect(answer.chatID == 7001 && answer.text == "Анна, столик на четверых к 19:00 ждёт вас.")
            let logged = try #require(
                try await OutboxStore(db: app.db).messages(to: anna.id).first { $0.kind == .reply })
            #expect(
                logged.status == .sent && logged.channel == .messenger
                    && logged.messageID == "tg:7001:\(answer.messageID)")
            // Anna says /stop: her consent is withdrawn and nothing more goes to her.
            bot.write("/stop", chat: 7001, date: seconds(testNow + 100))
            _ = try await Tick(app: app).run(now: testNow + 120)
            let stopped = try await CustomerRepository(db: app.db).get(anna.id, actor: f.owner)
            #expect(!stopped.mayContact(via: .messenger))
            #expect(stopped.consent(for: .messenger)?.source == "sent /stop to the Telegram bot")
            #expect(try await TelegramStore(db: app.db).chats(customers: [anna.id]).isEmpty)
            let later = try await app.send(
                .POST, "/contacts/\(contact.id)/reply", cookie: seller.cookie,
                form: ["_csrf": seller.csrf, "text": "Ещё одно."])
            #expect(later.status == .conflict)
            // Writing again lets the shop answer her, without giving her consent back.
            bot.write("А всё-таки, можно на пятерых?", chat: 7001, date: seconds(testNow + 150))
            _ = try await Tick(app: app).run(now: testNow + 160)
            let again = try await app.send(
                .POST, "/contacts/\(contact.id)/reply", cookie: seller.cookie,
                form: ["_csrf": seller.csrf, "text": "Да, на пятерых тоже можно."])
            #expect(again.status == .seeOther)
            #expect(
                !(try await CustomerRepository(db: app.db).get(anna.id, actor: f.owner).mayContact(via: .messenger)))
        }
    }

    @Test("a greeting goes through the bot only to a customer who started it; one who did not is left to the gateway")
    func greetingOnlyToStarted() async throws {
        try await withEarnedApp { app, f in
            let bot = try await standIn(app)
            defer { Task { await bot.stop() } }
            try await connect(app, f)
            func create(_ name: String, consent: Bool) async throws -> Customer {
                try await CustomerRepository(db: app.db).create(
                    CustomerDraft(
                        name: name, phones: ["+7 900 123-45-0\(consent ? 2 : 3)"],
                        dates: [CustomerDate(kind: .birthday, date: LocalDate(year: 1990, month: 11, day: 18))],
                        consents: consent
                            ? [Consent(channel: .messenger, given: true, at: testNow - 86_400 * 30, source: "form")]
                            : [],
                        ownerID: f.northStaff.id, homeLocationID: f.north.id), actor: f.owner, now: testNow - 86_400)
            }
            let anna = try await create("Анна", consent: false)
            let boris = try await create("Борис", consent: true)
            let link = try #require(
                try await app.telegramActions(db: app.db, logger: app.logger).startLink(for: anna.id, now: testNow))
            bot.write("/start \(try #require(payload(link)))", chat: 8001, date: seconds(testNow - 60))
            _ = try await Tick(app: app).run(now: testNow)
            // Anna's greeting went through the bot at its time, and its task is done; Boris never
            // started the bot: his waits for a person or a gateway.
            let queued = try await OutboxStore(db: app.db).recent().filter { $0.kind == .greeting }
            #expect(queued.map(\.customerID) == [anna.id])
            let sent = try #require(queued.first)
            #expect(sent.address == "tg:8001" && sent.channel == .messenger && sent.status == .sent)
            // The bot's hello and the greeting, in either order.
            let greeting = try #require(bot.sent.first { $0.text.contains("Анна") })
            #expect(greeting.chatID == 8001 && greeting.text.contains("/stop") && bot.sent.count == 2)
            #expect(!bot.sent.contains { $0.chatID != 8001 })
            let open = try await TaskRepository(db: app.db).open().filter { $0.kind == .greeting }
            #expect(open.compactMap(\.customerID) == [boris.id] && open.first?.channel == .messenger)
            #expect(try await TaskRepository(db: app.db).open().filter { $0.customerID == anna.id }.isEmpty)
        }
    }

    @Test(
        "webhook mode: Telegram's calls with the secret become contacts; without it, nothing; blocking the bot ends it")
    func webhook() async throws {
        try await withEarnedApp { app, f in
            let bot = try await standIn(app)
            defer { Task { await bot.stop() } }
            app.earned.config.publicURL = "https://shop.zerno.example"
            try await connect(app, f, mode: "webhook")
            let hook = try #require(bot.webhook)
            #expect(hook.url == "https://shop.zerno.example/hooks/telegram" && hook.secret.count == 43)
            bot.write(
                "Добрый день, вы открыты в воскресенье?", chat: 9001, firstName: "Ольга", username: nil,
                date: seconds(testNow))
            let update = try #require(bot.takeUpdate())
            // Without the secret, or with another: refused, nothing taken.
            #expect(
                try await app.send(.POST, "/hooks/telegram", headers: [:], rawBytes: Array(update)).status
                    == .unauthorized)
            #expect(
                try await app.send(
                    .POST, "/hooks/telegram", headers: ["X-Telegram-Bot-Api-Secret-Token": "guess"],
                    rawBytes: Array(update)
                ).status == .unauthorized)
            #expect(try await app.count("inbound_contacts") == 0)
            let taken = try await app.send(
                .POST, "/hooks/telegram", headers: ["X-Telegram-Bot-Api-Secret-Token": hook.secret],
                rawBytes: Array(update))
            #expect(taken.status == .ok)
            let contact = try #require(try await ContactRepository(db: app.db).unresolved(locations: nil).first)
            #expect(contact.channel == .messenger && contact.customerID == nil)
            #expect(contact.fromAddress == "Telegram: Ольга")
            // Telegram repeating the same update changes nothing.
            _ = try await app.send(
                .POST, "/hooks/telegram", headers: ["X-Telegram-Bot-Api-Secret-Token": hook.secret],
                rawBytes: Array(update))
            #expect(try await app.count("contact_messages") == 1)
            // Something that is not an update is answered 200, so Telegram does not repeat it.
            #expect(
                try await app.send(
                    .POST, "/hooks/telegram", headers: ["X-Telegram-Bot-Api-Secret-Token": hook.secret],
                    rawBytes: Array("{".utf8)
                ).status == .ok)
            // A pass does not ask for updates in webhook mode.
            _ = try await Tick(app: app).run(now: testNow + 60)
            #expect(!bot.calls.contains("getUpdates"))
            // The reply is refused by Telegram when she has blocked the bot: marked so, with the reason.
            bot.block(chat: 9001, date: seconds(testNow + 70))
            let owner = try #require(try await StaffRepository(db: app.db).byIDs([f.owner.id])[f.owner.id])
            try await MailReply.send("Да, с 10 до 18.", to: contact.id, actor: owner, now: testNow + 80, on: app.db)
            _ = try await Tick(app: app).run(now: testNow + 90)
            let refused = try #require(try await OutboxStore(db: app.db).recent().first { $0.kind == .reply })
            #expect(refused.status == .refused && refused.lastResult == "Forbidden: bot was blocked by the user")
            #expect(try await TelegramStore(db: app.db).chat(9001)?.stoppedAt != nil)
        }
    }

    @Test("the API: the bot's settings without its token, bad input named, a customer's link for whoever may see them")
    func api() async throws {
        try await withEarnedApp { app, f in
            let bot = try await standIn(app)
            defer { Task { await bot.stop() } }
            let empty = try await app.send(.GET, "/api/v1/settings/telegram", token: f.token(f.owner))
            #expect(empty.status == .ok && empty.text.contains("\"connected\":false"))
            let bad = try await app.send(
                .PATCH, "/api/v1/settings/telegram", token: f.token(f.owner), json: #"{"token": "x", "mode": "pigeon"}"#
            )
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.isProblem && Set(bad.problemFields) == ["token", "mode"])
            #expect(
                try await app.send(
                    .PATCH, "/api/v1/settings/telegram", token: f.token(f.manager),
                    json: #"{"token": "\#(BotAPIStandIn.token)"}"#
                ).status == .forbidden)
            let saved = try await app.send(
                .PATCH, "/api/v1/settings/telegram", token: f.token(f.owner),
                json: #"{"token": "\#(BotAPIStandIn.token)", "mode": "polling"}"#)
            #expect(saved.status == .ok, "\(saved.text)")
            #expect(saved.text.contains("\"bot_username\":\"zerno_bot\"") && !saved.text.contains("AAHdq"))
            let anna = try await CustomerRepository(db: app.db).create(
                CustomerDraft(name: "Анна", phones: ["+7 900 123-45-01"], homeLocationID: f.north.id), actor: f.owner,
                now: testNow)
            let link = try await app.send(
                .POST, "/api/v1/customers/\(anna.id)/telegram-link", token: f.token(f.northStaff))
            #expect(link.status == .created)
            #expect(payload(link.text.replacingOccurrences(of: "\\/", with: "/"))?.count == 43)
            #expect(
                try await app.send(.POST, "/api/v1/customers/\(anna.id)/telegram-link", token: f.token(f.southStaff))
                    .status == .notFound)
            #expect(
                try await app.send(.DELETE, "/api/v1/settings/telegram", token: f.token(f.owner)).status == .noContent)
            #expect(
                try await app.send(.POST, "/api/v1/customers/\(anna.id)/telegram-link", token: f.token(f.northStaff))
                    .status == .conflict)
        }
    }
}
