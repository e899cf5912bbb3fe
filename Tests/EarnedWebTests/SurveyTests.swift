import EarnedDomain
import EarnedFormats
import EarnedServices
import EarnedStore
import Foundation
import Testing
import Vapor
import VaporTesting

@testable import EarnedWeb

@Suite("Surveys: links, the closed loop, results")
struct SurveyTests {
    static let questions: [SurveyQuestion] = [
        .csat, .nps, .ces, .shareOfWallet, .fastEnough, .freeText, .quotePermission, .referralPermission,
    ].map { SurveyQuestion(kind: $0) }

    func definition(_ app: Application, _ f: Fixture, trigger: SurveyTrigger = .orderDelivered) async throws
        -> SurveyDefinition
    {
        try await SurveyRepository(db: app.db).create(
            SurveyDefinitionDraft(name: "После покупки", trigger: trigger, questions: Self.questions, delayMinutes: 60),
            actor: f.owner, now: testNow - 30 * 86_400)
    }

    func customer(_ app: Application, _ f: Fixture, name: String, consent: ContactChannel?) async throws -> Customer {
        try await CustomerRepository(db: app.db).create(
            CustomerDraft(
                name: name, phones: ["+7 900 555-01-\(10 + name.count)"], emails: ["\(name.count)@example.ru"],
                consents: consent.map {
                    [Consent(channel: $0, given: true, at: testNow - 86_400 * 90, source: "form")]
                },
                ownerID: f.northStaff.id, homeLocationID: f.north.id), actor: f.owner, now: testNow - 40 * 86_400)
    }

    func deliver(_ app: Application, _ f: Fixture, _ customer: Customer, at: Date) async throws -> Order {
        try await OrderRepository(db: app.db, defaultCurrency: "RUB").create(
            OrderDraft(
                customerID: customer.id, sellerID: f.northStaff.id, locationID: f.north.id, placedAt: at - 3600,
                amountMinorUnits: 250_000, deliveredAt: at), actor: f.owner, now: at)
    }

    /// An invitation with a token the test knows, as the scheduler would issue it.
    func invite(
        _ app: Application, _ f: Fixture, customer: Customer, order: Order, definition: SurveyDefinition,
        seed: UInt64 = 1, sendAt: Date = testNow - 3600
    ) async throws -> (SurveyInvitation, SurveyToken) {
        let planned = PlannedSurveyInvitation(
            key: "test:\(seed)", definitionID: definition.id, customerID: customer.id,
            subject: .init(kind: .order, id: order.id.rawValue), channel: .sms, sendAt: sendAt, language: "ru",
            attribution: SurveyAttribution(
                staffID: order.sellerID, role: .seller, locationID: order.locationID, shiftName: "День",
                channel: .sales(.store), servedAt: order.deliveredAt ?? sendAt))
        var generator = SeededGenerator(seed: seed)
        let (invitation, token) = SurveyInvitation.issue(
            planned, definition: definition, id: SurveyInvitationID(), now: sendAt, using: &generator,
            hash: Secrets.sha256)
        #expect(try await SurveyRepository(db: app.db).createNew([invitation], sentAt: sendAt).count == 1)
        return (invitation, token)
    }

    /// Opens the link like a browser (keeping its CSRF cookie) and sends the form.
    func answer(_ app: Application, _ token: SurveyToken, _ fields: [String: String]) async throws
        -> TestingHTTPResponse
    {
        let page = try await app.send(.GET, "/s/\(token.text)")
        // A refused link shows no form: a browser would still hold the cookie of an earlier visit.
        let cookie = page.headers.setCookie?["earned_csrf"]?.string ?? "earlier-visit"
        var form = fields
        form["_csrf"] = cookie
        return try await app.send(.POST, "/s/\(token.text)", cookie: "earned_csrf=\(cookie)", form: form)
    }

    @Test("the scheduler invites once per delivered order, only with consent and within the contact budget")
    func scheduling() async throws {
        try await withEarnedApp { app, f in
            let survey = try await definition(app, f)
            let anna = try await customer(app, f, name: "Анна", consent: .sms)
            let boris = try await customer(app, f, name: "Борис", consent: nil)
            let vera = try await customer(app, f, name: "Вера Тихая", consent: .email)
            try await TouchRepository(db: app.db).record(
                (1...4).map { (vera.id, Touch(at: testNow - Double($0) * 86_400, kind: .followUp), nil) })
            for person in [anna, boris, vera] { _ = try await deliver(app, f, person, at: testNow - 2 * 3600) }
            let gateway = try await WebhookReceiver.start()
            _ = try await WebhookStore(db: app.db).create(
                WebhookSubscriptionDraft(url: gateway.url, events: ["survey.requested"]), secret: "k", actor: f.owner,
                now: testNow)
            _ = try await Tick(app: app).run(now: testNow)
            let invitations = try await SurveyRepository(db: app.db).invitations(actor: f.owner, now: testNow)
            #expect(invitations.map(\.customerID) == [anna.id])
            let invitation = try #require(invitations.first)
            #expect(invitation.definitionID == survey.id && invitation.channel == .sms)
            #expect(invitation.attribution.staffID == f.northStaff.id && invitation.attribution.role == .seller)
            // The gateway gets the link; only its hash is stored.
            let payload = try #require(
                try await WebhookStore(db: app.db).deliveries().first { $0.eventKind == .surveyRequested }?.payload)
            let link = try #require(payload.firstMatch(of: /\/s\/([A-Za-z0-9_-]{43})/)?.1)
            #expect(Secrets.sha256(String(link)) == invitation.tokenHash)
            #expect(try await app.count("customer_touches") == 5)
            // Another pass, or another instance, asks nobody again.
            _ = try await Tick(app: app).run(now: testNow + 60)
            #expect(try await app.count("survey_invitations") == 1)
            await gateway.stop()
        }
    }

    @Test("with no gateway, the seller gets a task to send the link by hand, and a new link from its page")
    func byHand() async throws {
        try await withEarnedApp { app, f in
            _ = try await definition(app, f)
            let anna = try await customer(app, f, name: "Анна", consent: .sms)
            _ = try await deliver(app, f, anna, at: testNow - 2 * 3600)
            _ = try await Tick(app: app).run(now: testNow)
            let task = try #require(
                try await TaskRepository(db: app.db).open(assignee: f.northStaff.id).first { $0.kind == .surveySend })
            let invitationID = try #require(task.subject?.id)
            let seller = try await app.session(for: f.northStaff)
            let today = try await app.send(.GET, "/today", cookie: seller.cookie)
            #expect(today.text.contains("/surveys/invitations/\(invitationID.uuidString.lowercased())"))
            let renewed = try await app.send(
                .POST, "/surveys/invitations/\(invitationID.uuidString.lowercased())/link", cookie: seller.cookie,
                form: ["_csrf": seller.csrf])
            #expect(renewed.status == .ok)
            let link = try #require(renewed.text.firstMatch(of: /\/s\/([A-Za-z0-9_-]{43})/)?.1)
            #expect(try await app.send(.GET, "/s/\(link)").status == .ok)
            #expect(try await TaskRepository(db: app.db).withKey(task.key)?.status == .done)
            // Another location's person cannot see it.
            let south = try await app.session(for: f.southStaff)
            #expect(
                try await app.send(
                    .GET, "/surveys/invitations/\(invitationID.uuidString.lowercased())", cookie: south.cookie
                )
                .status == .notFound)
        }
    }

    @Test("a link answers once: a double submit records one answer; reused, expired and unknown links are refused")
    func oneTime() async throws {
        try await withEarnedApp { app, f in
            let survey = try await definition(app, f)
            let anna = try await customer(app, f, name: "Анна", consent: .sms)
            let order = try await deliver(app, f, anna, at: testNow - 2 * 86_400)
            let (_, token) = try await invite(app, f, customer: anna, order: order, definition: survey)
            let form = try await app.send(.GET, "/s/\(token.text)")
            #expect(form.status == .ok && form.text.contains("name=\"nps\"") && !form.text.contains("<script"))
            #expect(!form.text.contains("http://") && !form.text.contains("https://"))
            // Who asks: the location that served the customer, not a stranger.
            #expect(form.text.contains("Спрашивает «\(f.north.name)», где вас обслуживали."))
            let first = try await answer(app, token, ["csat": "4", "nps": "8", "comment": "Спасибо"])
            #expect(first.status == .ok && first.text.contains("Спасибо за ответ"))
            let again = try await answer(app, token, ["csat": "1"])
            #expect(again.status == .conflict && again.text.contains("Вы уже ответили"))
            #expect(try await app.count("survey_answers") == 1)
            #expect(try await app.send(.GET, "/s/\(token.text)").text.contains("Вы уже ответили"))
            // Unknown and malformed tokens say so and nothing else.
            var other = SeededGenerator(seed: 99)
            let unknown = try await app.send(.GET, "/s/\(SurveyToken.generate(using: &other).text)")
            #expect(unknown.status == .notFound && unknown.text.contains("Ссылка не найдена"))
            #expect(!unknown.text.contains("Анна"))
            #expect(try await app.send(.GET, "/s/abc").status == .notFound)
            // Expired: sent 15 days ago with a 14-day link.
            let old = try await invite(
                app, f, customer: anna, order: order, definition: survey, seed: 2, sendAt: testNow - 15 * 86_400)
            let expired = try await answer(app, old.1, ["csat": "5"])
            #expect(expired.status == .gone && expired.text.contains("Срок ссылки истёк"))
            // Bad values are named, and nothing is recorded.
            let fresh = try await invite(app, f, customer: anna, order: order, definition: survey, seed: 3)
            let bad = try await answer(app, fresh.1, ["nps": "11", "csat": "x"])
            #expect(bad.status == .unprocessableEntity && bad.text.contains("field-error"))
            #expect(try await app.count("survey_answers") == 1)
        }
    }

    @Test("unknown links are limited per address, so tokens cannot be tried one after another")
    func enumeration() async throws {
        try await withEarnedApp { app, f in
            var generator = SeededGenerator(seed: 7)
            var statuses: [HTTPStatus] = []
            for _ in 0..<(SurveyPublicController.unknownLimit + 1) {
                statuses.append(try await app.send(.GET, "/s/\(SurveyToken.generate(using: &generator).text)").status)
            }
            #expect(statuses.dropLast().allSatisfy { $0 == .notFound })
            #expect(statuses.last == .tooManyRequests)
        }
    }

    @Test("a low score opens a case for the seller with a 48-business-hour follow-up on their Today")
    func lowScore() async throws {
        try await withEarnedApp { app, f in
            let survey = try await definition(app, f)
            let anna = try await customer(app, f, name: "Анна", consent: .sms)
            let order = try await deliver(app, f, anna, at: testNow - 2 * 86_400)
            let (_, token) = try await invite(app, f, customer: anna, order: order, definition: survey)
            let response = try await answer(
                app, token, ["csat": "2", "nps": "3", "fast_enough": "no", "comment": "Долго ждали выдачу"])
            #expect(response.status == .ok && response.text.contains("свяжемся"))
            let cases = try await CaseRepository(db: app.db).active(for: f.northStaff.id)
            let opened = try #require(cases.first)
            #expect(cases.count == 1 && opened.source == .survey && opened.customerID == anna.id)
            #expect(opened.detail.contains("Долго ждали выдачу"))
            let task = try #require(
                try await TaskRepository(db: app.db).open(assignee: f.northStaff.id).first {
                    $0.kind == .surveyFollowUp
                })
            let calendar = BusinessCalendar(location: f.north)
            #expect(task.dueAt == calendar.adding(48 * 3600, to: testNow))
            #expect(task.dueAt > testNow + 48 * 3600)
            let seller = try await app.session(for: f.northStaff)
            let today = try await app.send(.GET, "/today", cookie: seller.cookie)
            #expect(today.text.contains(opened.title.replacingOccurrences(of: "\"", with: "&quot;")))
            // The customer's page shows the answer with its case.
            let page = try await app.send(.GET, "/customers/\(anna.id)", cookie: seller.cookie)
            #expect(page.text.contains("Долго ждали выдачу") && page.text.contains("/cases/\(opened.id)"))
            // No referral ask after a low score.
            #expect(
                try await TaskRepository(db: app.db).open(assignee: f.northStaff.id).allSatisfy {
                    $0.kind != .referralAsk
                })
        }
    }

    @Test("a promoter who agreed gives the seller a referral ask; without permission, none")
    func promoter() async throws {
        try await withEarnedApp { app, f in
            let survey = try await definition(app, f)
            let anna = try await customer(app, f, name: "Анна", consent: .sms)
            let order = try await deliver(app, f, anna, at: testNow - 2 * 86_400)
            let (_, token) = try await invite(app, f, customer: anna, order: order, definition: survey)
            _ = try await answer(app, token, ["nps": "10", "csat": "5", "may_ask_referral": "true"])
            let asks = try await TaskRepository(db: app.db).open(assignee: f.northStaff.id).filter {
                $0.kind == .referralAsk
            }
            #expect(asks.count == 1 && asks.first?.customerID == anna.id)
            let (_, second) = try await invite(app, f, customer: anna, order: order, definition: survey, seed: 5)
            _ = try await answer(app, second, ["nps": "10"])
            #expect(
                try await TaskRepository(db: app.db).open(assignee: f.northStaff.id).filter { $0.kind == .referralAsk }
                    .count == 1)
            #expect(try await CaseRepository(db: app.db).active(for: f.northStaff.id).isEmpty)
        }
    }

    @Test("an answer stays with the person who served the customer after the customer is given to someone else")
    func attribution() async throws {
        try await withEarnedApp { app, f in
            let survey = try await definition(app, f)
            let anna = try await customer(app, f, name: "Анна", consent: .sms)
            let order = try await deliver(app, f, anna, at: testNow - 2 * 86_400)
            let (_, token) = try await invite(app, f, customer: anna, order: order, definition: survey)
            // Reassigned: another owner, and the order's seller corrected, before the answer.
            _ = try await CustomerRepository(db: app.db).update(
                anna.id, CustomerDraft(ownerID: f.manager.id), actor: f.owner, now: testNow - 60)
            _ = try await OrderRepository(db: app.db, defaultCurrency: "RUB").update(
                order.id, OrderDraft(sellerID: f.manager.id), actor: f.owner, now: testNow - 60)
            _ = try await answer(app, token, ["csat": "1"])
            let response = try #require(try await SurveyRepository(db: app.db).responses(of: anna.id).first)
            #expect(response.attribution?.staffID == f.northStaff.id)
            #expect(response.attribution?.shiftName == "День")
            let cases = try await CaseRepository(db: app.db).active(for: f.northStaff.id)
            #expect(cases.count == 1)
            let (answers, _) = try await SurveyRepository(db: app.db).tallies(
                from: testNow - 86_400, to: testNow + 1, locations: nil, now: testNow)
            let results = SurveyResults(by: .staff, answers: answers, invitations: [])
            #expect(results.groups.map(\.key) == [f.northStaff.id.description])
        }
    }

    @Test("results: managers see their locations' figures with intervals, staff may not; few answers are not a figure")
    func resultsPage() async throws {
        try await withEarnedApp { app, f in
            let survey = try await definition(app, f)
            let anna = try await customer(app, f, name: "Анна", consent: .sms)
            let order = try await deliver(app, f, anna, at: testNow - 2 * 86_400)
            for seed in 1...12 {
                let (_, token) = try await invite(
                    app, f, customer: anna, order: order, definition: survey, seed: UInt64(seed))
                if seed <= 11 { _ = try await answer(app, token, ["nps": seed <= 6 ? "10" : "8", "csat": "5"]) }
            }
            let manager = try await app.session(for: f.manager)
            let page = try await app.send(.GET, "/surveys?by=location&days=30", cookie: manager.cookie)
            #expect(page.status == .ok)
            // 6 promoters, 5 passives of 11: NPS +55; 11 of 12 answered.
            #expect(page.text.contains("+55 ("))
            #expect(page.text.contains("92 % ("))
            #expect(page.text.contains("Уилсона"))
            let shifts = try await app.send(.GET, "/surveys?by=shift", cookie: manager.cookie)
            #expect(shifts.status == .ok && shifts.text.contains("День"))
            let staff = try await app.session(for: f.northStaff)
            #expect(try await app.send(.GET, "/surveys", cookie: staff.cookie).status == .forbidden)
            #expect(try await app.send(.GET, "/surveys/invitations", cookie: staff.cookie).status == .ok)
        }
    }

    @Test("the owner sets up a survey on its page; bad values come back named and nothing is saved")
    func definitionPage() async throws {
        try await withEarnedApp { app, f in
            let owner = try await app.session(for: f.owner)
            let bad = try await app.send(
                .POST, "/surveys/definitions", cookie: owner.cookie,
                form: [
                    "_csrf": owner.csrf, "name": "", "trigger": "relationship", "interval_days": "3",
                    "sampling_percent": "150", "questions[]": "nps",
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.text.contains("id=\"name-error\"") && bad.text.contains("id=\"interval_days-error\""))
            #expect(bad.text.contains("id=\"sampling_percent-error\""))
            #expect(try await app.count("survey_definitions") == 0)
            let good = try await app.send(
                .POST, "/surveys/definitions", cookie: owner.cookie,
                form: [
                    "_csrf": owner.csrf, "name": "Раз в полгода", "trigger": "relationship", "interval_days": "180",
                    "sampling_percent": "50", "questions[]": "nps", "delay_minutes": "0", "follow_up_hours": "48",
                    "link_validity_days": "14", "low_csat": "2", "low_nps": "6", "high_ces": "5", "is_active": "true",
                ])
            #expect(good.status == .seeOther)
            let saved = try #require(try await SurveyRepository(db: app.db).definitions().first)
            #expect(saved.trigger == .relationship(intervalDays: 180) && saved.samplingRate == 0.5)
            let manager = try await app.session(for: f.manager)
            #expect(try await app.send(.GET, "/surveys/definitions", cookie: manager.cookie).status == .forbidden)
        }
    }

    @Test("through the API: surveys created and changed by the owner, bad input named; links, answers and results")
    func api() async throws {
        try await withEarnedApp { app, f in
            let bad = try await app.send(
                .POST, "/api/v1/surveys", token: f.token(f.owner),
                json: #"{"name": "", "trigger": "weekly", "questions": [{"kind": "nps"}], "sampling_rate": 2}"#)
            #expect(bad.status == .unprocessableEntity && bad.isProblem)
            #expect(bad.problemFields.contains("trigger"))
            let forbidden = try await app.send(
                .POST, "/api/v1/surveys", token: f.token(f.manager),
                json: #"{"name": "x", "trigger": "case_closed", "questions": [{"kind": "csat"}]}"#)
            #expect(forbidden.status == .forbidden)
            let created = try await app.send(
                .POST, "/api/v1/surveys", token: f.token(f.owner),
                json:
                    #"{"name": "После покупки", "trigger": "order_delivered", "questions": [{"kind": "csat"}, {"kind": "nps", "wording": {"en": "Would you recommend us?"}}], "sampling_rate": 0.5, "send_from": "10:00", "send_until": "20:00"}"#
            )
            #expect(created.status == .created)
            let id = try #require(try created.json()["id"] as? String)
            let changed = try await app.send(
                .PATCH, "/api/v1/surveys/\(id)", token: f.token(f.owner),
                json: #"{"low_scores": {"csat_at_most": 3, "nps_at_most": 6, "ces_at_least": 5}, "is_active": false}"#)
            #expect(changed.status == .ok)
            let body = try changed.json()
            #expect(body["is_active"] as? Bool == false && body["send_from"] as? String == "10:00")
            #expect((body["low_scores"] as? [String: Any])?["csat_at_most"] as? Int == 3)
            let survey = try await SurveyRepository(db: app.db).definition(try #require(SurveyDefinitionID(string: id)))
            let anna = try await customer(app, f, name: "Анна", consent: .sms)
            let order = try await deliver(app, f, anna, at: testNow - 2 * 86_400)
            let (invitation, token) = try await invite(app, f, customer: anna, order: order, definition: survey)
            let list = try await app.send(.GET, "/api/v1/survey-invitations?state=open", token: f.token(f.northStaff))
            #expect((try JSONSerialization.jsonObject(with: Data(list.text.utf8)) as? [Any])?.count == 1)
            let link = try await app.send(
                .POST, "/api/v1/survey-invitations/\(invitation.id)/link", token: f.token(f.northStaff))
            #expect(link.status == .ok)
            let url = try #require(try link.json()["url"] as? String)
            #expect(try await app.send(.GET, "/s/\(token.text)").status == .notFound)
            let path = String(try #require(url.firstMatch(of: /\/s\/[A-Za-z0-9_-]+/)?.0))
            #expect(try await app.send(.GET, path).status == .ok)
            let fresh = try #require(SurveyToken(text: String(path.dropFirst(3))))
            _ = try await answer(app, fresh, ["csat": "2"])
            let answers = try await app.send(.GET, "/api/v1/survey-answers?low=true", token: f.token(f.manager))
            let first = try #require(
                (try JSONSerialization.jsonObject(with: Data(answers.text.utf8)) as? [[String: Any]])?.first)
            #expect(first["csat"] as? Int == 2 && first["case_id"] as? String != nil)
            let results = try await app.send(.GET, "/api/v1/surveys/results?by=staff", token: f.token(f.manager))
            #expect(results.status == .ok)
            let total = try #require(try results.json()["total"] as? [String: Any])
            #expect(total["answers"] as? Int == 1)
            #expect((total["response_rate"] as? [String: Any])?["lower"] is NSNull)
            let wrong = try await app.send(.GET, "/api/v1/surveys/results?by=weather", token: f.token(f.manager))
            #expect(wrong.status == .unprocessableEntity && wrong.problemFields == ["by"])
            #expect(
                try await app.send(.GET, "/api/v1/surveys/results", token: f.token(f.northStaff)).status == .forbidden)
        }
    }

    @Test("past answers import from CSV with their person, location and shift; problems name line and column")
    func importAnswers() async throws {
        try await withEarnedApp { app, f in
            _ = try await CustomerRepository(db: app.db).create(
                CustomerDraft(name: "Анна", homeLocationID: f.north.id, externalID: "C-1"), actor: f.owner, now: testNow
            )
            let bad =
                "Номер ответа;Клиент;Дата ответа;Оценка;NPS;Сотрудник\nR1;C-1;01.11.2026 12:00;7;10;\nR2;C-9;01.11.2026 13:00;5;9;nobody@x.ru\n"
            let refused = try await Importer(db: app.db).run(
                records: CSVRecordStream(data: Data(bad.utf8)), options: .init(kind: .surveyAnswers), actor: f.owner,
                now: testNow)
            #expect(refused.rolledBack)
            #expect(refused.problems.contains { $0.line == 2 && $0.column == "Оценка" })
            #expect(refused.problems.contains { $0.line == 3 && $0.column == "Клиент" })
            #expect(refused.problems.contains { $0.line == 3 && $0.column == "Сотрудник" })
            #expect(try await app.count("survey_answers") == 0)
            let good =
                "Номер ответа;Клиент;Дата ответа;Оценка;NPS;Комментарий;Точка;Сотрудник;Канал\n"
                + "R1;C-1;01.11.2026 12:00;2;3;Долго;\(f.north.name);\(f.northStaff.email);звонок\n"
                + "R2;;02.11.2026 10:00;5;10;;\(f.north.name);;\n"
            for expected in [2, 0] {
                let report = try await Importer(db: app.db).run(
                    records: CSVRecordStream(data: Data(good.utf8)), options: .init(kind: .surveyAnswers),
                    actor: f.owner, now: testNow)
                #expect(report.problems.isEmpty && report.created == expected)
            }
            let imported = try await SurveyRepository(db: app.db).responses(actor: f.owner)
            let first = try #require(imported.first { $0.externalID == "R1" })
            #expect(first.attribution?.staffID == f.northStaff.id && first.attribution?.locationID == f.north.id)
            #expect(first.attribution?.channel == .contact(.call) && first.source == .imported)
            #expect(first.values.comment == "Долго" && first.caseID == nil)
        }
    }

    @Test(
        "invitations by state, person and customer, paged with the count; the older state= still works; the CSV is the view"
    )
    func invitationList() async throws {
        try await withEarnedApp { app, f in
            let survey = try await definition(app, f)
            let anna = try await customer(app, f, name: "Анна", consent: .sms)
            let boris = try await customer(app, f, name: "Борис", consent: .sms)
            let annas = try await invite(
                app, f, customer: anna, order: try await deliver(app, f, anna, at: testNow - 7200),
                definition: survey, seed: 1)
            _ = try await invite(
                app, f, customer: boris, order: try await deliver(app, f, boris, at: testNow - 7200),
                definition: survey, seed: 2)
            #expect(try await answer(app, annas.1, ["csat": "5"]).status == .ok)

            let manager = try await app.session(for: f.manager)
            func shown(_ query: String, _ session: (cookie: String, csrf: String)) async throws -> String {
                let page = try await app.send(.GET, "/surveys/invitations?\(query)", cookie: session.cookie)
                #expect(page.status == .ok, "\(query)")
                return page.text
            }
            #expect(try await shown("", manager).contains("Найдено: 2"))
            let answered = try await shown("status=answered", manager)
            #expect(answered.contains("Найдено: 1") && answered.contains("Анна"))
            #expect(try await shown("state=open", manager).contains("Найдено: 1"))
            #expect(try await shown("q=Борис", manager).contains("Найдено: 1"))
            #expect(try await shown("person=\(f.southStaff.id)", manager).contains("Найдено: 0"))
            let wrong = try await shown("status=lost", manager)
            #expect(wrong.contains("alert error") && wrong.contains("Найдено: 2"))
            // Staff elsewhere, who served neither customer, see none.
            let south = try await app.session(for: f.southStaff)
            #expect(try await shown("", south).contains("Найдено: 0"))

            let csv = try await app.send(.GET, "/surveys/invitations?status=all&csv=excel", cookie: manager.cookie)
            #expect(csv.headers.contentType?.subType == "csv" && csv.text.hasPrefix("\u{FEFF}"))
            let lines = csv.text.dropFirst().split(separator: "\r\n")
            #expect(lines.count == 3 && lines[0].hasPrefix("Отправлено;Опрос;Клиент"))
            #expect(lines.contains { $0.contains("Анна") && $0.contains("После покупки") })
        }
    }
}
