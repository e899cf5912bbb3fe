import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation

/// The forecasts this person saved, newest first.
struct SavedForecastsPage {
    var viewer: ViewerContext
    var rows: [SavedForecast]
}
