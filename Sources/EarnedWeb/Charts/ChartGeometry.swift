import Foundation

/// Shapes shared by the line charts: gap-aware lines, bands, markers.
enum ChartGeometry {
    /// The finite value at `index`, or nil for a gap (missing, NaN or infinite).
    static func finite(_ values: [Double?], _ index: Int) -> Double? {
        guard index >= 0, index < values.count, let value = values[index], value.isFinite else { return nil }
        return value
    }

    /// Maximal runs of consecutive indices in `0..<count` for which `isPresent` holds.
    static func runs(count: Int, where isPresent: (Int) -> Bool) -> [ClosedRange<Int>] {
        var result: [ClosedRange<Int>] = []
        var start: Int?
        for index in 0..<max(count, 0) {
            if isPresent(index) {
                if start == nil { start = index }
            } else if let first = start {
                result.append(first...(index - 1))
                start = nil
            }
        }
        if let first = start { result.append(first...(count - 1)) }
        return result
    }

    /// One path `d` with a subpath per run of two or more points ("M x y L x y …").
    static func path(_ points: [[(Double, Double)]]) -> String {
        points.filter { $0.count >= 2 }.map { run in
            run.enumerated().map { index, point in
                (index == 0 ? "M" : "L") + ChartSVG.num(point.0) + " " + ChartSVG.num(point.1)
            }.joined(separator: " ")
        }.joined(separator: " ")
    }

    /// `points` attribute of a polygon running along `upper` and back along `lower`.
    static func band(upper: [(Double, Double)], lower: [(Double, Double)]) -> String {
        (upper + lower.reversed()).map { ChartSVG.num($0.0) + "," + ChartSVG.num($0.1) }
            .joined(separator: " ")
    }

    /// A diamond centred on (x, y) reaching `r` in each direction.
    static func diamond(x: Double, y: Double, r: Double) -> String {
        [(x, y - r), (x + r, y), (x, y + r), (x - r, y)]
            .map { ChartSVG.num($0.0) + "," + ChartSVG.num($0.1) }.joined(separator: " ")
    }
}
