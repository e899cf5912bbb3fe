import EarnedDomain
import Foundation

/// A survey definition as the owner's form holds it: every field as typed, filled from a
/// definition (or the defaults of a new one).
struct SurveyDefinitionForm: Codable, Sendable {
    var name: String?
    var trigger: String?
    var interval_days: String?
    var questions: [String]?
    var sampling_percent: String?
    var delay_minutes: String?
    var follow_up_hours: String?
    var link_validity_days: String?
    var low_csat: String?
    var low_nps: String?
    var high_ces: String?
    var is_active: String?

    init(_ d: SurveyDefinition?) {
        name = d?.name
        if case .relationship(let days) = d?.trigger { interval_days = String(days) } else { interval_days = "180" }
        trigger = d?.trigger.key ?? "order_delivered"
        questions = d.map { $0.questions.map(\.kind.rawValue) } ?? ["csat", "nps", "fast_enough", "free_text"]
        sampling_percent = String(Int(((d?.samplingRate ?? 1) * 100).rounded()))
        delay_minutes = String(Int(((d?.delay ?? 7200) / 60).rounded()))
        follow_up_hours = String(
            Int(((d?.followUpTarget ?? SurveyDefinition.defaultFollowUpTarget) / 3600).rounded()))
        link_validity_days = String(
            Int(((d?.linkValidity ?? SurveyDefinition.defaultLinkValidity) / 86_400).rounded()))
        let t = d?.thresholds ?? .standard
        low_csat = String(t.csatAtMost)
        low_nps = String(t.npsAtMost)
        high_ces = String(t.cesAtLeast)
        is_active = (d?.isActive ?? true) ? "true" : nil
    }
}
