import EarnedAnalytics
import EarnedDomain
import EarnedServices
import EarnedStore
import Foundation
import Testing
import Vapor

@testable import EarnedWeb

@Suite("OpenAPI document")
struct OpenAPITests {
    @Test("the document lists exactly the routes under /api/v1")
    func routesMatch() async throws {
        try await withEarnedApp(seed: false) { app, _ in
            let served = try await app.send(.GET, "/api/openapi.json")
            #expect(served.status == .ok)
            let document = try served.json()
            #expect(document["openapi"] as? String == "3.1.0")
            let paths = try #require(document["paths"] as? [String: [String: Any]])
            var documented = Set<String>()
            for (path, methods) in paths {
                for method in methods.keys { documented.insert("\(method.uppercased()) \(path)") }
            }
            var routes = Set<String>()
            for route in app.routes.all {
                let parts = route.path.map { component -> String in
                    switch component {
                    case .parameter(let name): return "{\(name)}"
                    default: return component.description
                    }
                }
                let path = "/" + parts.joined(separator: "/")
                if path.hasPrefix("/api/v1/") { routes.insert("\(route.method.rawValue) \(path)") }
            }
            #expect(
                routes == documented,
                "only in routes: \(routes.subtracting(documented)); only in the document: \(documented.subtracting(routes))"
            )
        }
    }

    @Test("each response schema names exactly the fields the server writes")
    func schemasMatch() async throws {
        let schemas = OpenAPIDocument.schemas
        func properties(_ name: String) -> Set<String> {
            Set(((schemas[name]?["properties"]) as? [String: Any])?.keys.map { $0 } ?? [])
        }
        func keys<T: Encodable>(_ value: T) throws -> Set<String> {
            let data = try APIDates.encoder.encode(value)
            return Set(
                (try JSONSerialization.jsonObject(with: data, options: []) as? [String: Any])?.keys.map { $0 } ?? [])
        }
        let now = Date(timeIntervalSince1970: 0)
        let location = Location(name: "L", timeZone: "UTC", hours: .uniform([]), createdAt: now, updatedAt: now)
        let staff = Staff(
            name: "S", email: "s@x.y", role: .staff, homeLocationID: location.id, createdAt: now, updatedAt: now)
        let customer = Customer(
            name: "C", ownerID: staff.id, homeLocationID: location.id, preferredChannel: .sms, externalID: "x",
            createdAt: now, updatedAt: now, erasedAt: now)
        let order = Order(
            customerID: customer.id, sellerID: staff.id, locationID: location.id, placedAt: now,
            amount: Money(minorUnits: 1, currency: "RUB"), itemsSummary: "i", promisedAt: now, deliveredAt: now,
            externalID: "o", createdAt: now, updatedAt: now)
        let note = CustomerNote(customerID: customer.id, authorID: staff.id, text: "t", createdAt: now)
        #expect(try keys(CustomerDTO(customer)) == properties("Customer"))
        #expect(try keys(OrderDTO(order)) == properties("Order"))
        #expect(try keys(LocationDTO(location)) == properties("Location"))
        #expect(try keys(StaffDTO(staff)) == properties("Staff"))
        #expect(try keys(NoteDTO(note)) == properties("Note"))
        let pair = DuplicatePair(first: customer, second: customer, reasons: [.phone], firstOrders: 1, secondOrders: 0)
        #expect(try keys(DuplicatePairDTO(pair)) == properties("DuplicatePair"))
        let dismissal = DuplicateDismissal(
            firstID: customer.id, secondID: CustomerID(), dismissedByID: staff.id, dismissedAt: now)
        #expect(try keys(DuplicateDismissalDTO(dismissal)) == properties("DuplicateDismissal"))
        #expect(
            Set(Mirror(reflecting: DuplicateDismissalInput()).children.compactMap(\.label))
                == properties("DuplicateDismissalInput"))
        let promise = try PromiseDraft(
            customerID: customer.id, kind: .callback, text: "t", ownerID: staff.id, dueAt: now + 60
        ).validated(id: PromiseID(), now: now)
        #expect(try keys(PromiseDTO(promise, now: now)) == properties("Promise"))
        let opened = try ServiceCaseDraft(customerID: customer.id, title: "t", ownerID: staff.id, openedByID: staff.id)
            .validated(id: CaseID(), now: now)
        #expect(try keys(CaseDTO(opened, now: now)) == properties("Case"))
        let contact = try InboundContactDraft(channel: .call, locationID: location.id, subject: "s")
            .validated(id: ContactID(), now: now)
        #expect(try keys(ContactDTO(contact, clock: nil)) == properties("Contact"))
        let task = ServiceTask(
            key: "k", kind: .greeting, assigneeID: nil, locationID: nil, customerID: nil, subject: nil, dueAt: now,
            createdAt: now, updatedAt: now)
        #expect(try keys(TaskDTO(task)) == properties("Task"))
        let incident = try IncidentDraft(
            title: "t", reportedByID: staff.id, scope: .product(text: "кофе", from: nil, to: nil)
        ).validated(id: IncidentID(), now: now)
        let report = IncidentRepository.Report(
            incident: incident,
            affected: [
                .init(
                    customerID: customer.id, result: OutreachResult(customerID: customer.id), outcome: .pending)
            ], figure: IncidentFigure(affected: 1, toldFirst: 0, theyContactedFirst: 0, pending: 1))
        #expect(try keys(IncidentDTO(report)) == properties("Incident"))
        let row = OnTimeBreakdown.Row(key: "k", label: "l", tally: OnTimeTally(), interval: nil)
        #expect(try keys(OnTimeRowDTO(row)) == properties("OnTimeRow"))
        #expect(try keys(ServiceRulesDTO(.standard, locations: [location])) == properties("ServiceRules"))
        #expect(try keys(OutreachSettingsDTO(.standard)) == properties("OutreachSettings"))
        let referral = Referral(referrerID: customer.id, referredID: CustomerID(), recordedAt: now)
        #expect(try keys(ReferralDTO(referral)) == properties("Referral"))
        #expect(Set(Mirror(reflecting: ReferralInput()).children.compactMap(\.label)) == properties("ReferralInput"))
        #expect(
            Set(Mirror(reflecting: OutreachSettingsInput()).children.compactMap(\.label))
                == properties("OutreachSettingsInput"))
        #expect(
            Set(Mirror(reflecting: ServiceRulesInput()).children.compactMap(\.label)) == properties("ServiceRulesInput")
        )
        #expect(Set(Mirror(reflecting: IncidentInput()).children.compactMap(\.label)) == properties("IncidentInput"))
        let hook = try WebhookSubscriptionDraft(url: "https://x.example", events: ["case.opened"])
            .validated(id: WebhookSubscriptionID(), secret: "s", now: now)
        #expect(try keys(WebhookSubscriptionDTO(hook)) == properties("Webhook"))
        #expect(
            try keys(
                WebhookDeliveryDTO(
                    WebhookDelivery(
                        id: UUID(), subscriptionID: hook.id, eventKey: "k", eventKind: .caseOpened, payload: "{}",
                        status: .pending, attempts: 0, nextAttemptAt: nil, lastStatusCode: nil, lastError: nil,
                        deliveredAt: nil, createdAt: now))) == properties("Delivery"))
        // Forecasts: the whole document, its parts and a saved one.
        let baseline = ForecastBaseline(
            computedAt: now, currency: "RUB", cohorts: [], onTime: nil, replies: nil, promiseEffect: nil,
            replyEffect: nil)
        var scenario = ProgramScenario.standard
        scenario.service = nil
        let forecast = Forecasting.run(scenario, on: baseline)
        #expect(try keys(ForecastDTO(forecast)) == properties("Forecast"))
        #expect(try keys(forecast.scenario) == properties("ForecastScenario"))
        #expect(try keys(forecast.result) == properties("ForecastResult"))
        #expect(try keys(forecast.baseline) == properties("ForecastBaseline"))
        let savedForecast = SavedForecast(
            id: UUID(), name: "n", kind: "points", createdByID: staff.id, createdAt: now, baselineAt: now,
            npvP50Minor: 0, probabilityOfLoss: 0, verdict: "pays", currency: "RUB", document: "")
        #expect(try keys(SavedForecastDTO(savedForecast, forecast)) == properties("SavedForecast"))
        #expect(try keys(SavedForecastSummaryDTO(savedForecast)) == properties("SavedForecastSummary"))
        #expect(
            Set(Mirror(reflecting: ForecastSaveInput()).children.compactMap(\.label)) == properties("ForecastSaveInput")
        )
        // Analytics: the page models each endpoint words, empty before the first score run.
        let en = Strings(lang: .en)
        let figure = ScorecardFigure(
            step: .keepPromises, kind: .share, estimate: .init(value: 0.5, lower: 0.4, upper: 0.6), sampleSize: 40,
            successes: 20, minimumSample: 30, details: ["x": 1],
            trend: [.init(start: now, end: now, value: nil, sampleSize: 0)],
            change: .init(value: 0, lower: -0.1, upper: 0.1))
        let figureDTO = ScorecardFigureDTO(figure, scope: .business, days: 90)
        #expect(try keys(figureDTO) == properties("ScorecardFigure"))
        #expect(try keys(figureDTO.change!) == properties("Estimate"))
        #expect(try keys(figureDTO.trend[0]) == properties("TrendPoint"))
        let filter = DashboardFilter(scope: .business, days: 90, choices: [], people: [:])
        let card = ScorecardPage(
            filter: filter, card: Scorecard(scope: .business, start: now, end: now, figures: [figure]), computedAt: now,
            parts: [], team: nil, rankStep: .neverLate)
        #expect(try keys(ScorecardDTO(card)) == properties("Scorecard"))
        let scoreRow = CustomerScoreRow(
            customerID: customer.id, segment: "unknown", atRisk: false, purchases: 1, probabilityAlive: 0.5,
            expectedPurchases: 1, lifetimeValueMinor: 100, currency: "RUB", discountShare: nil, document: "{}")
        #expect(try keys(CustomerScoreDTO(scoreRow, name: "n", s: en)) == properties("CustomerScore"))
        let loyalty = LoyaltyPage(
            summary: nil, computedAt: nil, segment: .trueLoyalty, page: 1, customers: [], atRisk: [], referrers: [],
            names: [:])
        #expect(try keys(LoyaltyDTO(loyalty, s: en)) == properties("Loyalty"))
        let consistency = ConsistencyPage(
            report: nil, computedAt: nil, measure: .deliveryOnTime, locations: [], people: [:])
        #expect(try keys(ConsistencyDTO(consistency, s: en)) == properties("Consistency"))
        let recordDTO = ScorecardRecordsDTO.RecordDTO(
            at: now, kind: "promise", record_id: UUID(), customer_id: nil, customer_name: nil, success: true,
            value: nil, location_id: nil, staff_id: nil, staff_name: nil, slot: nil)
        #expect(try keys(recordDTO) == properties("ScorecardRecord"))
        // Inputs: what the server reads is what the document offers.
        #expect(Set(Mirror(reflecting: CustomerInput()).children.compactMap(\.label)) == properties("CustomerInput"))
        #expect(Set(Mirror(reflecting: OrderInput()).children.compactMap(\.label)) == properties("OrderInput"))
        #expect(Set(Mirror(reflecting: LocationInput()).children.compactMap(\.label)) == properties("LocationInput"))
        #expect(Set(Mirror(reflecting: StaffInput()).children.compactMap(\.label)) == properties("StaffInput"))
        #expect(Set(Mirror(reflecting: PromiseInput()).children.compactMap(\.label)) == properties("PromiseInput"))
        #expect(Set(Mirror(reflecting: CaseInput()).children.compactMap(\.label)) == properties("CaseInput"))
        #expect(Set(Mirror(reflecting: ContactInput()).children.compactMap(\.label)) == properties("ContactInput"))
        #expect(Set(Mirror(reflecting: WebhookInput()).children.compactMap(\.label)) == properties("WebhookInput"))
        #expect(
            Set(Mirror(reflecting: TaskCompletionInput()).children.compactMap(\.label)) == properties("TaskCompletion"))
        #expect(
            Set(Mirror(reflecting: PromiseActionInput()).children.compactMap(\.label)) == properties("PromiseAction"))
        #expect(Set(Mirror(reflecting: CaseActionInput()).children.compactMap(\.label)) == properties("CaseAction"))
        // Surveys.
        let survey = try SurveyDefinitionDraft(
            name: "s", trigger: .relationship(intervalDays: 90), questions: [SurveyQuestion(kind: .nps)]
        ).validated(id: SurveyDefinitionID(), now: now)
        #expect(try keys(SurveyDTO(survey)) == properties("Survey"))
        #expect(Set(Mirror(reflecting: SurveyInput()).children.compactMap(\.label)) == properties("SurveyInput"))
        let attribution = SurveyAttribution(
            staffID: staff.id, role: .seller, locationID: location.id, shiftName: "d", channel: .sales(.store),
            servedAt: now)
        let invitation = SurveyInvitation(
            key: "k", definitionID: survey.id, customerID: customer.id,
            subject: .init(kind: .order, id: order.id.rawValue),
            channel: .sms, language: "ru", sendAt: now, expiresAt: now + 60, tokenHash: "h", attribution: attribution,
            createdAt: now)
        #expect(try keys(SurveyInvitationDTO(invitation, now: now)) == properties("SurveyInvitation"))
        #expect(
            try keys(SurveyLinkDTO(invitation_id: UUID(), url: "u", text: "t", address: "a", expires_at: now))
                == properties("SurveyLink"))
        let response = SurveyResponse(
            id: SurveyAnswerID(), invitationID: invitation.id, externalID: nil, definitionID: survey.id,
            customerID: customer.id, subject: invitation.subject, language: "ru", answeredAt: now,
            values: SurveyAnswerValues(nps: 9), attribution: attribution, caseID: nil, source: .link)
        #expect(try keys(SurveyAnswerDTO(response)) == properties("SurveyAnswer"))
        let results = SurveyResults(
            by: .location, answers: [SurveyTally(locationID: location.id, csat: 5, nps: 9, ces: 2, count: 12)],
            invitations: [InvitationTally(locationID: location.id, sent: 20, answered: 12)])
        let group = SurveyGroupDTO(results.total)
        #expect(try keys(group) == properties("SurveyGroup"))
        #expect(try keys(group.response_rate) == properties("Share"))
        #expect(try keys(try #require(group.nps)) == properties("NPS"))
        #expect(
            try keys(SurveyResultsDTO(by: "location", from: now, to: now, total: group, groups: [group]))
                == properties("SurveyResults"))
    }
}
