import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation

/// The program forecaster: the inputs, and after a run the verdict with its charts and tables and
/// the form that saves it. Without a score run there is no baseline, and the page says so.
struct ForecastPage {
    var viewer: ViewerContext
    var baseline: ForecastBaseline?
    var form: ForecastForm
    var errors: [FieldError]
    var document: Forecasting.Document?
    var saveErrors: [FieldError] = []
    var name: String?
    var now: Date

    /// A form came back with mistakes (a page without a baseline has no form to get wrong).
    var hasErrors: Bool { baseline != nil && (!errors.isEmpty || !saveErrors.isEmpty) }
}
