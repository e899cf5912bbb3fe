import EarnedAnalytics
import Foundation
import Testing

@Suite struct SpecialFunctionsTests {
    @Test(arguments: [
        (1.0, -0.5772156649015329),
        (0.5, -1.9635100260214235),
        (10.0, 2.251752589066721),
        (0.01, -100.56088545786867),
        (-0.5, 0.03648997397857652),
        (1234.5, 7.118016231827998),
    ])
    func digammaMatchesReferenceValues(x: Double, expected: Double) {
        #expect(abs(SpecialFunctions.digamma(x) - expected) <= 1e-13 * max(1, abs(expected)))
    }

    @Test func digammaIsTheDerivativeOfLogGamma() {
        for x in [0.3, 2.7, 15.0] {
            let h = 1e-5
            let numeric = (SpecialFunctions.logGamma(x + h) - SpecialFunctions.logGamma(x - h)) / (2 * h)
            #expect(abs(SpecialFunctions.digamma(x) - numeric) < 1e-8)
        }
    }

    @Test(arguments: [0.5, 0.95, -0.3, -0.9, -5.0])
    func hypergeometricMatchesClosedForm(z: Double) {
        // ₂F₁(1, 1; 2; z) = −ln(1 − z)/z
        let expected = -log1p(-z) / z
        #expect(abs(SpecialFunctions.hypergeometric2F1(1, 1, 2, z) - expected) <= 1e-13 * abs(expected))
    }

    @Test func hypergeometricMatchesHighPrecisionReferences() {
        // References from mpmath.hyp2f1 at 40 digits.
        #expect(abs(SpecialFunctions.hypergeometric2F1(0.3, 2.5, 3.7, 0.6) - 1.1792635877169969) < 1e-13)
        #expect(abs(SpecialFunctions.hypergeometric2F1(1.5, -0.5, 2.2, -3.0) - 1.728502584840883) < 1e-13)
        #expect(SpecialFunctions.hypergeometric2F1(1, 1, 2, 1).isNaN)
    }

    @Test(arguments: [
        (0.975, 1.959963984540054),
        (0.5, 0.0),
        (0.995, 2.5758293035489008),
        (0.025, -1.959963984540054),
        (1e-10, -6.361340902404056),
    ])
    func normalQuantileMatchesReferenceValues(p: Double, expected: Double) {
        #expect(abs(SpecialFunctions.normalQuantile(p) - expected) <= 1e-14 * max(1, abs(expected)))
    }

    @Test func normalQuantileInvertsTheDistributionFunctionInTheUpperTail() {
        // 0.999999 is not exact in binary; 1 − p carries a 1e-11 relative error, so check round trips.
        for p in [0.999999, 0.9999999999, 0.98] {
            let x = SpecialFunctions.normalQuantile(p)
            #expect(abs(0.5 * erfc(x / 2.0.squareRoot()) / (1 - p) - 1) < 1e-12)
        }
        #expect(abs(SpecialFunctions.normalQuantile(0.999999) - 4.753424308822899) < 1e-10)
    }

    @Test func logSumExpStaysFiniteForExtremeArguments() {
        #expect(SpecialFunctions.logSumExp(-1000, -1000) == -1000 + log(2))
        #expect(SpecialFunctions.logSumExp(800, 0) == 800)
        #expect(SpecialFunctions.logSumExp(-.infinity, 3) == 3)
    }
    // References: mpmath.gammainc(k/2, x/2, regularized=True) at 30 digits.
    @Test(arguments: [
        (3.841458820694124, 1.0, 0.050000000000000057), (0.5, 2.0, 0.77880078307140487),
        (10.0, 4.0, 0.040427681994512803), (50.0, 4.0, 3.6108654048906454e-10),
        (1e-3, 3.0, 0.99999159208094195), (30.0, 30.0, 0.46565370894400963),
        (200.0, 10.0, 1.6139305336977305e-37), (7.2, 5.0, 0.20618591970955588),
    ])
    func chiSquareSurvivalMatchesReferenceValues(x: Double, k: Double, expected: Double) {
        #expect(abs(SpecialFunctions.chiSquareSurvival(x, degreesOfFreedom: k) / expected - 1) < 1e-12)
    }
}
