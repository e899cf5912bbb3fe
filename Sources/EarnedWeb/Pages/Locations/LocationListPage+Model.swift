import EarnedDomain
import Vapor

/// The locations: each with its time zone, opening hours and shifts.
struct LocationListPage {
    var viewer: ViewerContext
    var locations: [Location]
}
