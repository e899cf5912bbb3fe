import Foundation
import Testing

@testable import EarnedDomain

@Suite("Survey invitation planner")
struct SurveyInvitationPlannerTests {
    typealias F = SurveyFixture

    func plan(
        _ definition: SurveyDefinition = F.definition(), event: SurveyTriggerEvent, customer: Customer,
        zone: TimeZone = F.moscow, touches: [Touch] = [], budget: FatigueBudget = .standard
    ) -> SurveyInvitationDecision {
        SurveyInvitationPlanner.plan(
            definition: definition, event: event, customer: customer, customerTimeZone: zone, location: F.location,
            touches: touches, budget: budget)
    }

    @Test("a delivered order: sent 2 h later by SMS, keyed by survey and order, attributed to seller and shift")
    func planned() throws {
        let customer = F.customer()
        let order = F.order(for: customer)
        let invitation = try #require(plan(event: .orderDelivered(order), customer: customer).planned)
        #expect(invitation.sendAt == F.utc(2025, 6, 10, 11, 30))
        #expect(invitation.channel == .sms)
        #expect(invitation.language == "ru")
        #expect(
            invitation.key
                == "survey:00000000-0000-0000-0000-0000000000aa:order:\(order.id.rawValue.uuidString.lowercased())")
        #expect(invitation.subject == ServiceTask.Subject(kind: .order, id: order.id.rawValue))
        #expect(invitation.touch == Touch(at: invitation.sendAt, kind: .survey))
        let attribution = invitation.attribution
        #expect(attribution.staffID == F.seller)
        #expect(attribution.role == .seller)
        #expect(attribution.locationID == F.location.id)
        // 09:30 UTC is 12:30 in Moscow: the morning shift.
        #expect(attribution.shiftName == "Утро")
        #expect(attribution.channel == .sales(.store))
        #expect(attribution.servedAt == order.deliveredAt)
    }

    @Test(
        "the shift is read in the location's zone at the trigger time",
        arguments: [
            (F.utc(2025, 6, 10, 5, 59), nil), (F.utc(2025, 6, 10, 6, 0), "Утро"), (F.utc(2025, 6, 10, 11, 59), "Утро"),
            (F.utc(2025, 6, 10, 12, 0), "Вечер"), (F.utc(2025, 6, 10, 18, 0), nil),
        ] as [(Date, String?)])
    func shift(_ deliveredAt: Date, _ shift: String?) throws {
        let customer = F.customer()
        let decision = plan(
            event: .orderDelivered(F.order(for: customer, deliveredAt: deliveredAt)), customer: customer)
        #expect(try #require(decision.planned).attribution.shiftName == shift)
    }

    @Test("the attribution stays with the seller who served, after the order is reassigned")
    func attributionSnapshot() throws {
        let customer = F.customer()
        var order = F.order(for: customer)
        let invitation = try #require(plan(event: .orderDelivered(order), customer: customer).planned)
        order.sellerID = F.otherSeller
        let replanned = try #require(plan(event: .orderDelivered(order), customer: customer).planned)
        #expect(replanned.attribution.staffID == F.otherSeller)
        #expect(replanned.key == invitation.key)
        var generator = SeededGenerator(state: 1)
        let (stored, _) = SurveyInvitation.issue(
            invitation, definition: F.definition(), id: SurveyInvitationID(), now: F.now, using: &generator,
            hash: { String($0.reversed()) })
        #expect(stored.attribution.staffID == F.seller)
        #expect(stored.attribution.shiftName == "Утро")
        // The closed loop goes to the person in the snapshot.
        let answer = F.answer(SurveyAnswerValues(csat: 1))
        let followUp = try #require(answer.followUps(definition: F.definition(), attribution: stored.attribution).first)
        #expect(followUp.caseFollowUp?.draft.ownerID == F.seller)
    }

    @Test("quiet hours move a late send to 10:00 the next local morning, in the customer's zone")
    func quietHours() throws {
        let customer = F.customer()
        // 17:30 UTC + 2 h = 22:30 in Moscow: quiet, so 10:00 Moscow the next day.
        let late = F.order(for: customer, deliveredAt: F.utc(2025, 6, 10, 17, 30))
        #expect(plan(event: .orderDelivered(late), customer: customer).planned?.sendAt == F.utc(2025, 6, 11, 7))
        // The same instant in Vladivostok (UTC+10) is 05:30 the next day: 10:00 there.
        let east = plan(event: .orderDelivered(late), customer: customer, zone: F.vladivostok)
        #expect(east.planned?.sendAt == F.utc(2025, 6, 11, 0))
    }

    @Test("never without consent: none, only a call, or withdrawn consent skip; a consented preference wins")
    func consent() {
        func channel(_ customer: Customer) -> SurveyInvitationDecision {
            plan(event: .orderDelivered(F.order(for: customer)), customer: customer)
        }
        #expect(channel(F.customer(consents: [])).skipReason == .noConsent)
        #expect(channel(F.customer(consents: [F.consent(.phone)])).skipReason == .noConsent)
        let withdrawn = F.customer(consents: [F.consent(.sms), F.consent(.sms, false, at: F.utc(2025, 1, 1))])
        #expect(channel(withdrawn).skipReason == .noConsent)
        let prefersEmail = F.customer(
            consents: [F.consent(.sms), F.consent(.email)], preferredChannel: .email)
        #expect(channel(prefersEmail).planned?.channel == .email)
        let prefersPhone = F.customer(
            consents: [F.consent(.phone), F.consent(.email), F.consent(.messenger)], preferredChannel: .phone)
        #expect(channel(prefersPhone).planned?.channel == .messenger)
    }

    @Test("the survey channel matches the greeting channel for the same customers")
    func sameAsGreetings() {
        let customers = [
            F.customer(consents: []), F.customer(consents: [F.consent(.email)], preferredChannel: .sms),
            F.customer(consents: [F.consent(.sms), F.consent(.messenger)], preferredChannel: .sms),
        ]
        for customer in customers {
            #expect(SurveyInvitationPlanner.channel(for: customer) == GreetingPlanner.channel(for: customer))
        }
    }

    @Test("a full fatigue budget at the send time skips; a touch that has left the window does not count")
    func budget() {
        let customer = F.customer()
        let event = SurveyTriggerEvent.orderDelivered(F.order(for: customer))
        let sendAt = F.utc(2025, 6, 10, 11, 30)
        let full = (1...4).map { Touch(at: sendAt.addingTimeInterval(-Double($0) * 86_400), kind: .greeting) }
        #expect(plan(event: event, customer: customer, touches: full).skipReason == .fatigueBudget)
        let oneOld = Array(full.dropLast()) + [Touch(at: sendAt.addingTimeInterval(-30 * 86_400), kind: .survey)]
        #expect(plan(event: event, customer: customer, touches: oneOld).planned != nil)
        let outreach = full.map { Touch(at: $0.at, kind: .outreach) }
        #expect(plan(event: event, customer: customer, touches: outreach).planned != nil)
    }

    @Test("erased, inactive, another trigger, another customer and an undelivered order are skipped with a reason")
    func skips() {
        let customer = F.customer()
        let order = F.order(for: customer)
        let erased = F.customer(erasedAt: F.utc(2025, 1, 1))
        #expect(plan(event: .orderDelivered(F.order(for: erased)), customer: erased).skipReason == .erased)
        var inactive = F.definition()
        inactive.isActive = false
        #expect(plan(inactive, event: .orderDelivered(order), customer: customer).skipReason == .inactive)
        #expect(
            plan(F.definition(trigger: .caseClosed), event: .orderDelivered(order), customer: customer).skipReason
                == .notApplicable)
        #expect(plan(event: .orderDelivered(order), customer: F.customer()).skipReason == .notApplicable)
        let undelivered = F.order(for: customer, deliveredAt: nil)
        #expect(plan(event: .orderDelivered(undelivered), customer: customer).skipReason == .notApplicable)
    }

    @Test("sampling is deterministic per survey and subject, and close to the rate over many subjects")
    func sampling() {
        let definition = F.definition(samplingRate: 0.3)
        let customer = F.customer()
        var drawn = 0
        for index in 0..<4000 {
            var order = F.order(for: customer)
            order.id = OrderID(UUID(uuidString: String(format: "00000000-0000-4000-8000-%012x", index))!)
            let first = plan(definition, event: .orderDelivered(order), customer: customer)
            let again = plan(definition, event: .orderDelivered(order), customer: customer)
            #expect(first == again)
            if first.planned != nil { drawn += 1 } else { #expect(first.skipReason == .notSampled) }
        }
        // 30 % of 4000 = 1200; 4 standard deviations ≈ 116.
        #expect((1084...1316).contains(drawn))
        #expect(
            SurveyInvitationPlanner.isSampled(rate: 1, definitionID: definition.id, subjectKey: "order:anything"))
        #expect(
            !SurveyInvitationPlanner.isSampled(rate: 0, definitionID: definition.id, subjectKey: "order:anything"))
        let draw = SurveyInvitationPlanner.sampleDraw(definitionID: definition.id, subjectKey: "order:x")
        #expect(draw >= 0 && draw < 1)
        #expect(draw != SurveyInvitationPlanner.sampleDraw(definitionID: SurveyDefinitionID(), subjectKey: "order:x"))
    }

    @Test("contact and case triggers attribute to their owners; a relationship survey keys each period")
    func otherTriggers() throws {
        let customer = F.customer()
        let owner = StaffID()
        let contact = InboundContact(
            channel: .chat, customerID: customer.id, locationID: F.location.id, receivedAt: F.utc(2025, 6, 10, 7),
            subject: "Где заказ?", ownerID: owner, resolvedAt: F.utc(2025, 6, 10, 13), createdAt: F.now,
            updatedAt: F.now)
        let viaContact = try #require(
            plan(F.definition(trigger: .contactResolved), event: .contactResolved(contact), customer: customer).planned)
        #expect(viaContact.attribution.staffID == owner)
        #expect(viaContact.attribution.role == .contactOwner)
        #expect(viaContact.attribution.channel == .contact(.chat))
        #expect(viaContact.attribution.shiftName == "Вечер")
        #expect(viaContact.key.contains(":contact:"))

        let relationship = F.definition(trigger: .relationship(intervalDays: 90))
        func key(_ start: Date) -> String? {
            plan(relationship, event: .relationship(customerID: customer.id, periodStart: start), customer: customer)
                .planned?.key
        }
        // Days since 1970 ÷ 90: 12 and 13 June 2025 share period 225; 20 September is in 226.
        let first = try #require(key(F.utc(2025, 6, 12)))
        #expect(first.hasPrefix("survey:00000000-0000-0000-0000-0000000000aa:customer:"))
        #expect(key(F.utc(2025, 6, 13, 23)) == first)
        #expect(first.hasSuffix(":225"))
        #expect(key(F.utc(2025, 9, 20)) != first)
    }
}
