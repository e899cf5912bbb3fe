import Foundation

/// One cell of a `HeatmapChart`: the value that sets its colour, the text written in it when it
/// fits (e.g. "71"), the sample size behind it and whether the analysis flagged it.
struct HeatmapCell {
    var value: Double
    var text: String
    var count: Int
    var flagged: Bool

    init(value: Double, text: String, count: Int, flagged: Bool = false) {
        self.value = value
        self.text = text
        self.count = count
        self.flagged = flagged
    }
}
