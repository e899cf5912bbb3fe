import Foundation
import Testing

@testable import EarnedDomain

/// The rules of who sees and changes what, which the repositories, pages and API ask instead of
/// comparing roles themselves.
@Suite("Policy: who sees and changes a record")
struct PolicyTests {
    static let now = Date(timeIntervalSince1970: 1_780_000_000)
    static let here = LocationID()
    static let there = LocationID()

    static func person(_ role: Role, at home: LocationID?, active: Bool = true) -> Staff {
        Staff(
            name: "\(role)", email: "\(role)@example.ru", role: role, homeLocationID: home, isActive: active,
            createdAt: now, updatedAt: now)
    }

    static let owner = person(.owner, at: nil)
    static let manager = person(.manager, at: here)
    static let seller = person(.staff, at: here)
    static let otherSeller = person(.staff, at: there)

    @Test("business-wide work is the owner's; the team's work is a manager's and the owner's")
    func scopes() {
        #expect(Policy.may(Self.owner, .workBusinessWide))
        #expect(!Policy.may(Self.manager, .workBusinessWide))
        #expect(!Policy.may(Self.seller, .workBusinessWide))
        for action in [Policy.Action.seeTeamWork, .changeOthersWork] {
            #expect(Policy.may(Self.owner, action))
            #expect(Policy.may(Self.manager, action))
            #expect(!Policy.may(Self.seller, action))
            #expect(!Policy.may(Self.person(.manager, at: Self.here, active: false), action))
        }
    }

    @Test("a colleague's account: oneself, whoever sees their location, the owner")
    func colleagues() {
        #expect(Policy.maySee(Self.seller, colleague: Self.seller))
        #expect(Policy.maySee(Self.manager, colleague: Self.seller))
        #expect(!Policy.maySee(Self.manager, colleague: Self.otherSeller))
        #expect(Policy.maySee(Self.owner, colleague: Self.otherSeller))
        #expect(!Policy.maySee(Self.seller, colleague: Self.owner))
    }

    @Test("an incident: its reporter, whoever sees its location, everyone for the whole business")
    func incidents() {
        #expect(Policy.maySee(Self.seller, incidentAt: Self.here, reportedBy: nil))
        #expect(!Policy.maySee(Self.seller, incidentAt: Self.there, reportedBy: nil))
        #expect(Policy.maySee(Self.seller, incidentAt: Self.there, reportedBy: Self.seller.id))
        #expect(Policy.maySee(Self.otherSeller, incidentAt: nil, reportedBy: nil))
        #expect(Policy.maySee(Self.owner, incidentAt: Self.there, reportedBy: nil))
    }

    @Test("who may be made responsible at a location, and who answers for it")
    func responsibility() {
        #expect(Policy.mayBeResponsible(Self.seller, at: Self.here))
        #expect(!Policy.mayBeResponsible(Self.otherSeller, at: Self.here))
        #expect(Policy.mayBeResponsible(Self.owner, at: Self.there))
        #expect(!Policy.mayBeResponsible(Self.person(.staff, at: Self.here, active: false), at: Self.here))
        let team = [Self.owner, Self.manager, Self.seller, Self.otherSeller]
        #expect(Policy.answerFor(Self.here, among: team).map(\.id) == [Self.manager.id])
        #expect(Policy.answerFor(Self.there, among: team).map(\.id) == [Self.owner.id])
        #expect(
            Policy.answerFor(Self.here, among: [Self.person(.manager, at: Self.here, active: false), Self.owner]).map(
                \.id) == [Self.owner.id])
    }
}
