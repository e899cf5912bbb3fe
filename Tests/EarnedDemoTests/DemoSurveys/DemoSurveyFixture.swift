import EarnedDomain
import Foundation

@testable import EarnedDemo

/// The demo business at scale 2 with its service and survey histories, made once for the survey
/// history tests: large enough that the planted weaknesses stand well clear of the noise.
enum DemoSurveyFixture {
    /// 2026-03-15 10:30 UTC.
    static let now = Date(timeIntervalSince1970: 1_773_570_600)
    static let business = DemoBusiness(seed: 2026, scale: 2, now: now)
    static let data = business.batch(0..<business.customerCount)
    static let service = business.serviceHistory(for: data)
    static let generated: (history: DemoSurveyHistory, seconds: Double) = {
        let service = DemoSurveyFixture.service
        let started = Date()
        let history = business.surveyHistory(for: data, service: service, hash: hash)
        return (history, Date().timeIntervalSince(started))
    }()
    static var history: DemoSurveyHistory { generated.history }
    static let customers = Dictionary(uniqueKeysWithValues: data.customers.map { ($0.id, $0) })
    static let orders = Dictionary(uniqueKeysWithValues: data.orders.map { ($0.id, $0) })
    static let contacts = Dictionary(uniqueKeysWithValues: service.contacts.map { ($0.id, $0) })
    static let invitations = Dictionary(uniqueKeysWithValues: history.invitations.map { ($0.id, $0) })
    static let definitions = Dictionary(uniqueKeysWithValues: history.definitions.map { ($0.id, $0) })

    /// A stand-in for SHA-256 that shows what was hashed.
    static func hash(_ text: String) -> String { "h:" + text }

    static func share(_ part: Int, of whole: Int) -> Double { Double(part) / Double(max(1, whole)) }

    /// The standard error of the difference of two independent proportions.
    static func standardError(_ a: Double, _ n: Int, _ b: Double, _ m: Int) -> Double {
        (a * (1 - a) / Double(max(1, n)) + b * (1 - b) / Double(max(1, m))).squareRoot()
    }

    /// The answered share of some invitations, as `ResponseRate` counts it.
    static func responseRate(_ invitations: [SurveyInvitation]) -> ResponseRate {
        ResponseRate(answered: invitations.filter { $0.storedState == .answered }.count, sent: invitations.count)
    }
}
