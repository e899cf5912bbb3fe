import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation
import Plot

/// What the incident pages share: how the told-first share reads.
enum IncidentViews {
    static func share(_ figure: IncidentFigure, s: Strings) -> String {
        let interval = WilsonInterval(successes: figure.toldFirst, trials: figure.decided).map { ($0.lower, $0.upper) }
        return s.toldFirstShare(figure, interval: interval)
    }
}
