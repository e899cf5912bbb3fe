import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation
import Plot

/// What customers say: response rate, NPS, CSAT and CES with intervals, grouped by location,
/// shift, person, channel or survey; perceived speed beside measured speed per channel; the
/// period's low scores with their cases.
struct SurveyResultsPage {

    static let periods = [30, 90, 365]
    var results: SurveyResults
    var days: Int
    var from: Date
    var to: Date
    var labels: [String: String]
    var speed: [PerceivedSpeedSample]
    var low: [SurveyResponse]
    var staffNames: [StaffID: String]
    var mayManage: Bool
}
