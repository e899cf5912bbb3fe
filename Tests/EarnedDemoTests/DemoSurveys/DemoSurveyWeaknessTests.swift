import EarnedDomain
import Foundation
import Testing

@testable import EarnedDemo

@Suite("Demo survey weaknesses")
struct DemoSurveyWeaknessTests {
    let history = DemoSurveyFixture.history
    let business = DemoSurveyFixture.business

    /// Whether an invitation falls in the weakness's shift slot, read from its attribution as
    /// the analytics read it.
    func inSlot(_ invitation: SurveyInvitation, _ weakness: PlantedWeakness) -> Bool {
        guard case .shift(let locationID, let shiftName) = weakness.slot else { return false }
        return invitation.attribution.locationID == locationID && invitation.attribution.shiftName == shiftName
    }

    @Test func theWeaknessesAreWrittenDown() {
        let weaknesses = business.surveyWeaknesses
        #expect(weaknesses.map(\.id) == ["ekb-evening-surveys", "last-hour-fast-enough"])
        #expect(weaknesses.allSatisfy { !$0.russianDescription.isEmpty && !$0.englishDescription.isEmpty })
        let yekaterinburg = DemoSurveyFixture.business.locations[1]
        #expect(weaknesses[0].slot == .shift(locationID: yekaterinburg.id, shiftName: yekaterinburg.shifts[1].name))
        #expect(weaknesses[1].slot == .beforeClosing(minutes: 60))
    }

    @Test func yekaterinburgsEveningShiftAnswersLessOftenAndScoresLower() throws {
        let weakness = try #require(business.surveyWeaknesses.first { $0.id == "ekb-evening-surveys" })
        // Compared with every other served slot (relationship surveys have no shift).
        let served = history.invitations.filter { $0.attribution.shiftName != nil }
        let weak = served.filter { inSlot($0, weakness) }
        let rest = served.filter { !inSlot($0, weakness) }
        let weakRate = try #require(DemoSurveyFixture.responseRate(weak).rate)
        let restRate = try #require(DemoSurveyFixture.responseRate(rest).rate)
        let error = DemoSurveyFixture.standardError(weakRate, weak.count, restRate, rest.count)
        print("ekb evening: response \(weakRate) of \(weak.count) vs \(restRate) of \(rest.count)")
        #expect(weak.count > 500 && restRate - weakRate > 3 * error && weakRate < 0.75 * restRate)

        let weakIDs = Set(weak.map(\.id))
        let restIDs = Set(rest.map(\.id))
        let weakAnswers = history.answers.filter { weakIDs.contains($0.invitationID) }
        let restAnswers = history.answers.filter { restIDs.contains($0.invitationID) }
        let weakNPS = try #require(NetPromoterScore(answers: weakAnswers.compactMap(\.values.nps)))
        let restNPS = try #require(NetPromoterScore(answers: restAnswers.compactMap(\.values.nps)))
        print("ekb evening: NPS \(weakNPS.score) (\(weakNPS.count)) vs \(restNPS.score) (\(restNPS.count))")
        // The 95 % intervals do not even touch, and there are more detractors.
        #expect(weakNPS.count > 80 && weakNPS.upper < restNPS.lower)
        #expect(weakNPS.detractorShare > 1.5 * restNPS.detractorShare)

        let weakCSAT = try #require(SatisfactionSummary(answers: weakAnswers.compactMap(\.values.csat)))
        let restCSAT = try #require(SatisfactionSummary(answers: restAnswers.compactMap(\.values.csat)))
        print("ekb evening: CSAT \(weakCSAT.mean) (\(weakCSAT.count)) vs \(restCSAT.mean) (\(restCSAT.count))")
        let satisfiedError = DemoSurveyFixture.standardError(
            weakCSAT.satisfiedShare, weakCSAT.count, restCSAT.satisfiedShare, restCSAT.count)
        #expect(restCSAT.satisfiedShare - weakCSAT.satisfiedShare > 3 * satisfiedError)
        #expect(weakCSAT.mean < restCSAT.mean - 0.3)

        // It is Yekaterinburg's evening, not evenings: the other shops' evenings score as well
        // as the rest.
        let otherEvenings = rest.filter { invitation in
            guard let location = invitation.attribution.locationID.flatMap(business.location) else { return false }
            return location.id != business.locations[1].id
                && invitation.attribution.shiftName == location.shifts[1].name
        }
        let eveningIDs = Set(otherEvenings.map(\.id))
        let eveningNPS = try #require(
            NetPromoterScore(
                answers: history.answers.filter { eveningIDs.contains($0.invitationID) }.compactMap(\.values.nps)))
        #expect(weakNPS.upper < eveningNPS.lower)
    }

    @Test func contactsInTheLastHourBeforeClosingAreMoreOftenNotFastEnough() throws {
        #expect(business.surveyWeaknesses.contains { $0.id == "last-hour-fast-enough" })
        var notFast = [0, 0]
        var count = [0, 0]
        for answer in history.answers where answer.subject.kind == .contact {
            guard let fast = answer.values.fastEnough else { continue }
            let contact = try #require(DemoSurveyFixture.contacts[ContactID(answer.subject.id)])
            let calendar = BusinessCalendar(location: try #require(business.location(contact.locationID)))
            guard calendar.isOpen(at: contact.receivedAt), let closing = calendar.openUntil(contact.receivedAt)
            else { continue }
            let lastHour = closing.timeIntervalSince(contact.receivedAt) <= 3600 ? 1 : 0
            count[lastHour] += 1
            if !fast { notFast[lastHour] += 1 }
        }
        let late = DemoSurveyFixture.share(notFast[1], of: count[1])
        let other = DemoSurveyFixture.share(notFast[0], of: count[0])
        print("not fast enough: last hour \(late) of \(count[1]) vs \(other) of \(count[0])")
        let error = DemoSurveyFixture.standardError(late, count[1], other, count[0])
        #expect(count[1] > 40 && count[0] > 400, "\(count)")
        #expect(late - other > 2 * error && late > 1.6 * other)
    }

    @Test func notFastEnoughFollowsTheMeasuredReply() throws {
        // Among all answered contact surveys, "not fast enough" is far more common after a first
        // reply that missed its target than after one that met it.
        var notFast = [0, 0]
        var count = [0, 0]
        for answer in history.answers where answer.subject.kind == .contact {
            guard let fast = answer.values.fastEnough else { continue }
            let contact = try #require(DemoSurveyFixture.contacts[ContactID(answer.subject.id)])
            let calendar = BusinessCalendar(location: try #require(business.location(contact.locationID)))
            let state = ReplyClock(calendar: calendar).status(of: contact, now: DemoSurveyFixture.now).firstResponse
                .state
            let missed = state == .missed ? 1 : 0
            count[missed] += 1
            if !fast { notFast[missed] += 1 }
        }
        let missed = DemoSurveyFixture.share(notFast[1], of: count[1])
        let met = DemoSurveyFixture.share(notFast[0], of: count[0])
        print("not fast enough: missed \(missed) of \(count[1]) vs met \(met) of \(count[0])")
        #expect(missed - met > 3 * DemoSurveyFixture.standardError(missed, count[1], met, count[0]))
        // Deliveries too: late ones are seldom fast enough.
        var lateOrders = [0, 0]
        var orderCount = [0, 0]
        for answer in history.answers where answer.subject.kind == .order {
            guard let fast = answer.values.fastEnough else { continue }
            let order = try #require(DemoSurveyFixture.orders[OrderID(answer.subject.id)])
            let late = order.deliveredLate == true ? 1 : 0
            orderCount[late] += 1
            if !fast { lateOrders[late] += 1 }
        }
        let lateShare = DemoSurveyFixture.share(lateOrders[1], of: orderCount[1])
        let onTimeShare = DemoSurveyFixture.share(lateOrders[0], of: orderCount[0])
        #expect(orderCount[1] > 30 && lateShare > 3 * onTimeShare, "\(lateShare) vs \(onTimeShare)")
    }
}
