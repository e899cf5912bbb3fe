import EarnedDomain
import EarnedFormats
import EarnedServices
import EarnedTestSupport
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import EarnedStore
@testable import EarnedWeb

@Suite("Notices to staff by e-mail: as each person chose, once, outside their quiet hours")
struct NotificationTests {
    /// A customer's low answer through the survey page: the seller's call-back is made.
    func lowAnswer(_ app: Application, _ f: Fixture, consent: ContactChannel = .sms) async throws -> Customer {
        let surveys = SurveyTests()
        let survey = try await surveys.definition(app, f)
        let anna = try await surveys.customer(app, f, name: "Анна", consent: consent)
        let order = try await surveys.deliver(app, f, anna, at: testNow - 2 * 86_400)
        let (_, token) = try await surveys.invite(app, f, customer: anna, order: order, definition: survey)
        let answered = try await surveys.answer(app, token, ["csat": "1", "nps": "2", "comment": "Долго"])
        #expect(answered.status == .ok)
        return anna
    }

    @Test("a low score's call-back reaches the seller's mailbox once, with a link to the task")
    func lowScore() async throws {
        try await withEarnedApp { app, f in
            let transport = try await MailTests().setUp(app, f)
            let anna = try await lowAnswer(app, f)
            let report = try await Tick(app: app).run(now: testNow + 60)
            #expect(report.notices == 1 && report.mail.sent == 1)
            let sent = try #require(await transport.sent.first { $0.to == f.northStaff.email })
            let task = try #require(
                try await TaskRepository(db: app.db).open(assignee: f.northStaff.id).first {
                    $0.kind == .surveyFollowUp
                })
            #expect(sent.message.contains("Subject: =?UTF-8?B?"))
            let text = IncomingMail(parsing: Array(sent.message.utf8)).text ?? ""
            #expect(text.contains(anna.name) && text.contains("/tasks/\(task.id.description.lowercased())"))
            #expect(!sent.message.contains("List-Unsubscribe"))
            // Once, however many passes or instances look.
            #expect(try await Tick(app: app).run(now: testNow + 120).notices == 0)
            #expect(await transport.sent.filter { $0.to == f.northStaff.email }.count == 1)
        }
    }

    @Test("a person who turned a kind off gets none; one asleep gets it in their morning")
    func preferences() async throws {
        try await withEarnedApp { app, f in
            _ = try await MailTests().setUp(app, f)
            let store = SettingsStore(db: app.db)
            try await store.changeNotificationPreferences(
                NotificationPreferences(
                    email: true, kinds: [.escalation], hours: .init(sendFrom: 480, sendUntil: 1260)),
                actor: f.northStaff, now: testNow)
            _ = try await lowAnswer(app, f)
            #expect(try await Tick(app: app).run(now: testNow + 60).notices == 0)
            // Hours that have passed for today (testNow is 14:06 in Moscow): tomorrow at 06:00.
            try await store.changeNotificationPreferences(
                NotificationPreferences(
                    email: true, kinds: Set(NotificationKind.allCases), hours: .init(sendFrom: 360, sendUntil: 720)),
                actor: f.northStaff, now: testNow)
            #expect(try await Tick(app: app).run(now: testNow + 120).notices == 1)
            let notice = try #require(try await OutboxStore(db: app.db).recent().first { $0.kind == .notification })
            #expect(notice.status == .pending)
            #expect(notice.nextAttemptAt == Date(timeIntervalSince1970: 1_795_057_200))  // 19 Nov 06:00 Moscow
        }
    }

    @Test("the person sets their choices on their account page or the API; bad hours are refused by field")
    func settings() async throws {
        try await withEarnedApp { app, f in
            let seller = try await app.session(for: f.northStaff)
            let page = try await app.send(.GET, "/account", cookie: seller.cookie)
            #expect(page.text.contains("name=\"kind_low_score\""))
            let bad = try await app.send(
                .POST, "/account/notifications", cookie: seller.cookie,
                form: ["_csrf": seller.csrf, "email": "true", "send_from": "25:00", "send_until": "21:00"])
            #expect(bad.status == .unprocessableEntity)
            #expect(try await SettingsStore(db: app.db).notificationPreferences(of: f.northStaff.id) == .standard)
            let saved = try await app.send(
                .POST, "/account/notifications", cookie: seller.cookie,
                form: [
                    "_csrf": seller.csrf, "email": "true", "kind_low_score": "true", "send_from": "09:00",
                    "send_until": "18:30",
                ])
            #expect(saved.status == .seeOther)
            let mine = try await SettingsStore(db: app.db).notificationPreferences(of: f.northStaff.id)
            #expect(mine.kinds == [.lowScore] && mine.hours.sendFrom == 540 && mine.hours.sendUntil == 1110)
            let token = f.token(f.northStaff)
            let api = try await app.send(.GET, "/api/v1/me/notifications", token: token)
            #expect(api.text.contains("\"send_until\":\"18:30\""))
            let wrong = try await app.send(
                .PATCH, "/api/v1/me/notifications", token: token, json: #"{"kinds": ["low_score", "gossip"]}"#)
            #expect(wrong.problemFields == ["kinds.1"])
            let off = try await app.send(.PATCH, "/api/v1/me/notifications", token: token, json: #"{"email": false}"#)
            #expect(off.status == .ok)
            #expect(try await SettingsStore(db: app.db).notificationPreferences(of: f.northStaff.id).email == false)
            // Someone else's choices stay theirs.
            #expect(try await SettingsStore(db: app.db).notificationPreferences(of: f.southStaff.id) == .standard)
        }
    }

    @Test(
        "through a real SMTP server: the survey link reaches the customer's mailbox, opens the survey, and a low answer reaches the seller's Today and mailbox",
        .enabled(if: MailServer.available))
    func surveyLoopThroughMail() async throws {
        let server = try MailServer()
        try await withEarnedApp { app, f in
            try await MailActions(db: app.db, transport: app.mailTransport, secrets: app.secretBox, logger: app.logger)
                .saveOutgoing(
                    OutgoingMailServerDraft(
                        host: "127.0.0.1", port: server.port, security: "none", fromAddress: "hello@zerno.example"),
                    location: nil, actor: f.owner, now: testNow - 3600)
            let surveys = SurveyTests()
            _ = try await surveys.definition(app, f)
            let anna = try await surveys.customer(app, f, name: "Анна", consent: .email)
            _ = try await surveys.deliver(app, f, anna, at: testNow - 2 * 3600)
            #expect(try await Tick(app: app).run(now: testNow).mail.sent == 1)
            let address = try #require(anna.contacts.first { $0.channel == .email }?.value)
            let invitation = IncomingMail(parsing: Array(try #require(server.delivered(to: address).first)))
            let link = try #require(invitation.text?.firstMatch(of: /\/s\/([A-Za-z0-9_-]{43})/)?.1)
            let token = try #require(SurveyToken(text: String(link)))
            let answered = try await surveys.answer(app, token, ["csat": "1", "nps": "1", "comment": "Очень долго"])
            #expect(answered.status == .ok)
            let seller = try await app.session(for: f.northStaff)
            let today = try await app.send(.GET, "/today", cookie: seller.cookie)
            let task = try #require(
                try await TaskRepository(db: app.db).open(assignee: f.northStaff.id).first {
                    $0.kind == .surveyFollowUp
                })
            #expect(today.text.contains("/tasks/\(task.id.description.lowercased())"))
            #expect(try await Tick(app: app).run(now: testNow + 60).mail.sent == 1)
            let notice = IncomingMail(parsing: Array(try #require(server.delivered(to: f.northStaff.email).first)))
            #expect(notice.subject == "Низкая оценка: \(anna.name)")
            #expect(notice.text?.contains("/tasks/\(task.id.description.lowercased())") == true)
        }
    }
}

/// The notices that are not a task's: a case handed to someone, a control-chart jump to the
/// owners, and the daily digest instead of single messages.
@Suite("Notices to staff: cases handed over, control-chart jumps, the daily digest, Telegram")
struct MoreNotificationTests {
    @Test("a case handed to a person reaches their mailbox, and their Telegram once they connected it")
    func caseHanded() async throws {
        try await withEarnedApp { app, f in
            let transport = try await MailTests().setUp(app, f)
            let bot = try await BotAPIStandIn.start()
            defer { Task { await bot.stop() } }
            app.earned.config.telegramAPI = bot.base
            try await TelegramTests().connect(app, f)
            let anna = try await CustomerRepository(db: app.db).create(
                CustomerDraft(name: "Анна Смирнова", phones: ["+7 900 123-45-01"], homeLocationID: f.north.id),
                actor: f.owner, now: testNow - 86_400)
            let open = try await CaseRepository(db: app.db).open(
                ServiceCaseDraft(customerID: anna.id, title: "Скрипит дверца", source: .complaint), actor: f.manager,
                now: testNow - 3600)
            // The seller connects their Telegram from their account page.
            let seller = try await app.session(for: f.northStaff)
            let account = try await app.send(.GET, "/account", cookie: seller.cookie)
            #expect(account.text.contains("/account/telegram"))
            let link = try await app.send(
                .POST, "/account/telegram", cookie: seller.cookie, form: ["_csrf": seller.csrf])
            let payload = try #require(TelegramTests().payload(link.text))
            bot.write("/start \(payload)", chat: 6001, firstName: "Ольга", username: nil, date: 1_795_000_000)
            _ = try await Tick(app: app).run(now: testNow - 60)
            #expect(try await TelegramStore(db: app.db).chat(6001)?.staffID == f.northStaff.id)
            // The manager hands the case over: the seller hears of it by e-mail and in Telegram.
            let handed = try await app.send(
                .POST, "/api/v1/cases/\(open.id)/actions", token: f.token(f.manager),
                json: #"{"action": "handoff", "staff_id": "\#(f.northStaff.id)"}"#)
            #expect(handed.status == .ok, "\(handed.text)")
            _ = try await Tick(app: app).run(now: testNow + 60)
            let mail = try #require(await transport.sent.first { $0.to == f.northStaff.email })
            let text = IncomingMail(parsing: Array(mail.message.utf8)).text ?? ""
            #expect(text.contains("Скрипит дверца") && text.contains("/cases/\(open.id.description.lowercased())"))
            #expect(bot.sent.contains { $0.chatID == 6001 && $0.text.contains("Вам передан случай") })
        }
    }

    @Test("a daily digest: the day's notices wait and go together when the person's hours begin")
    func digest() async throws {
        try await withEarnedApp { app, f in
            let transport = try await MailTests().setUp(app, f)
            try await SettingsStore(db: app.db).changeNotificationPreferences(
                NotificationPreferences(
                    email: true, kinds: Set(NotificationKind.allCases), hours: .init(sendFrom: 480, sendUntil: 1260),
                    digest: true), actor: f.northStaff, now: testNow)
            _ = try await NotificationTests().lowAnswer(app, f)
            // 14:07 in Moscow: held, not sent.
            _ = try await Tick(app: app).run(now: testNow + 60)
            #expect(await transport.sent.filter { $0.to == f.northStaff.email }.isEmpty)
            let held = try await OutboxStore(db: app.db).heldNotices()
            #expect(held.count == 1 && held.first?.staffID == f.northStaff.id)
            // Tomorrow at 08:01 in Moscow, one message with it.
            let morning = Date(timeIntervalSince1970: 1_795_064_460)
            _ = try await Tick(app: app).run(now: morning)
            let mails = await transport.sent.filter { $0.to == f.northStaff.email }
            #expect(mails.count == 1)
            let text = IncomingMail(parsing: Array(mails[0].message.utf8))
            #expect(text.subject.contains("1 уведомление") && (text.text ?? "").contains("Низкая оценка"))
            #expect(try await OutboxStore(db: app.db).heldNotices().isEmpty)
            // Once a day.
            _ = try await Tick(app: app).run(now: morning + 600)
            #expect(await transport.sent.filter { $0.to == f.northStaff.email }.count == 1)
        }
    }

    @Test("a weekly control chart that signals at its latest week is told to the owners, once")
    func chartJump() async throws {
        try await withEarnedApp { app, f in
            let transport = try await MailTests().setUp(app, f)
            // 52 weeks of first replies: 90 % in target, then a week at 40 %.
            var records: [ServiceRecord] = []
            let start = testNow - 52 * 7 * 86_400
            for week in 0..<52 {
                for i in 0..<40 {
                    let inTarget = week == 51 ? i < 16 : i % 10 != 0
                    records.append(
                        ServiceRecord(
                            measure: .firstReplyInTarget, id: UUID(),
                            at: start + Double(week) * 7 * 86_400 + Double(i) * 3600, locationID: f.north.id,
                            staffID: f.northStaff.id, slot: nil, value: inTarget ? 1 : 0))
                }
            }
            let report = ServiceObservations.analyse(records, from: start, to: testNow, seed: 1)
            let charts = try #require(report.measures.first { $0.measure == .firstReplyInTarget }?.charts)
            #expect((charts.ewma.signals + charts.cusum.signals).contains { $0.index == charts.points.count - 1 })
            try await ScoreStore(db: app.db).save(report, as: ConsistencyReport.key, at: testNow)
            let first = try await Tick(app: app).run(now: testNow + 60)
            #expect(first.notices >= 1)
            let mail = try #require(await transport.sent.first { $0.to == f.owner.email })
            let text = IncomingMail(parsing: Array(mail.message.utf8))
            #expect(text.subject.contains("первые ответы в срок") && text.subject.contains("ниже"))
            #expect(await transport.sent.allSatisfy { $0.to != f.northStaff.email })
            // The same run is looked at once.
            _ = try await Tick(app: app).run(now: testNow + 120)
            #expect(await transport.sent.filter { $0.to == f.owner.email }.count == 1)
        }
    }
}
