import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation

/// A saved forecast: its results as they were when saved, a link that opens its inputs in the
/// form, and the button that deletes it.
struct SavedForecastPage {
    var viewer: ViewerContext
    var row: SavedForecast
    var document: Forecasting.Document
    var now: Date
}
