import Foundation

/// The Okabe–Ito colour-blind-safe palette and the single-hue blue ramp the heatmap draws with.
///
/// Okabe M, Ito K (2008), "Color Universal Design: how to make figures and presentations that
/// are friendly to colorblind people", https://jfly.uni-koeln.de/color/
enum ChartPalette {
    static let orange = "#E69F00"
    static let skyBlue = "#56B4E9"
    static let bluishGreen = "#009E73"
    static let yellow = "#F0E442"
    static let blue = "#0072B2"
    static let vermillion = "#D55E00"
    static let reddishPurple = "#CC79A7"
    static let black = "#000000"

    static let all = [orange, skyBlue, bluishGreen, yellow, blue, vermillion, reddishPurple, black]

    /// Light to dark through the palette's sky blue and blue. Every channel falls monotonically
    /// along the ramp, so lightness does too and the ramp survives greyscale printing.
    private static let rampStops: [(t: Double, rgb: (Double, Double, Double))] = [
        (0, (241, 247, 252)),
        (0.35, (86, 180, 233)),  // #56B4E9
        (0.7, (0, 114, 178)),  // #0072B2
        (1, (0, 58, 92)),
    ]

    /// The ramp's colour at `t` in 0…1 (0 lightest); `t` outside is clamped.
    static func ramp(_ t: Double) -> String {
        let rgb = rampRGB(t)
        return hex(rgb)
    }

    /// Whether text on the ramp's colour at `t` reads better in white than in the dark ink:
    /// the crossover is where both contrast ratios are equal (relative luminance ≈ 0.21).
    static func wantsLightText(_ t: Double) -> Bool {
        relativeLuminance(rampRGB(t)) < 0.21
    }

    private static func rampRGB(_ t: Double) -> (Double, Double, Double) {
        let t = t.isFinite ? min(max(t, 0), 1) : 0
        for index in 1..<rampStops.count where t <= rampStops[index].t {
            let a = rampStops[index - 1]
            let b = rampStops[index]
            let f = (t - a.t) / (b.t - a.t)
            return (
                a.rgb.0 + (b.rgb.0 - a.rgb.0) * f, a.rgb.1 + (b.rgb.1 - a.rgb.1) * f,
                a.rgb.2 + (b.rgb.2 - a.rgb.2) * f
            )
        }
        return rampStops[rampStops.count - 1].rgb
    }

    private static func hex(_ rgb: (Double, Double, Double)) -> String {
        let parts = [rgb.0, rgb.1, rgb.2].map { min(max(Int($0.rounded()), 0), 255) }
        return "#" + parts.map { String(format: "%02X", $0) }.joined()
    }

    /// WCAG 2 relative luminance of an sRGB colour given in 0…255.
    static func relativeLuminance(_ rgb: (Double, Double, Double)) -> Double {
        func linear(_ c: Double) -> Double {
            let s = c / 255
            return s <= 0.04045 ? s / 12.92 : pow((s + 0.055) / 1.055, 2.4)
        }
        return 0.2126 * linear(rgb.0) + 0.7152 * linear(rgb.1) + 0.0722 * linear(rgb.2)
    }
}
