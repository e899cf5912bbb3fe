import Foundation

/// Small dense optimisation and linear-algebra helpers for maximum-likelihood fits of a few
/// parameters.
enum Optimization {
    struct Result {
        var point: [Double]
        var value: Double
        var gradient: [Double]
        var iterations: Int
        var converged: Bool
    }

    /// BFGS quasi-Newton minimisation with an Armijo line search backtracking by quadratic
    /// interpolation, steps capped at 2 units per coordinate, and the
    /// Nocedal & Wright (2006, §6.1, eq. 6.20) scaling of the first inverse-Hessian estimate.
    /// `objective` returns the value and gradient; a non-finite value is treated as +∞.
    static func bfgs(
        start: [Double],
        maxIterations: Int = 500,
        relativeGradientTolerance: Double = 1e-9,
        objective: ([Double]) -> (value: Double, gradient: [Double])
    ) -> Result {
        let n = start.count
        var x = start
        var (f, g) = objective(x)
        guard f.isFinite else {
            return Result(point: x, value: .infinity, gradient: g, iterations: 0, converged: false)
        }
        var h = identity(n)
        var firstUpdate = true
        var iteration = 0
        var converged = false
        var stalls = 0
        while iteration < maxIterations {
            if maxAbs(g) <= relativeGradientTolerance * max(1, abs(f)) {
                converged = true
                break
            }
            iteration += 1
            var d = multiply(h, g).map { -$0 }
            var slope = dot(g, d)
            if !(slope < 0) {
                h = identity(n)
                d = g.map { -$0 }
                slope = dot(g, d)
            }
            // Never move more than 2 units in any log-parameter at once, so trial points stay
            // where the likelihood is finite.
            var step = min(1, 2 / max(maxAbs(d), 1e-300))
            if firstUpdate {
                // Keep the very first trial step within one unit in every coordinate.
                step = min(step, 1 / max(maxAbs(d), 1e-300))
            }
            var accepted = false
            var xNew = x
            var fNew = f
            var gNew = g
            for _ in 0..<60 {
                for i in 0..<n { xNew[i] = x[i] + step * d[i] }
                let trial = objective(xNew)
                if trial.value.isFinite, trial.value <= f + 1e-4 * step * slope {
                    fNew = trial.value
                    gNew = trial.gradient
                    accepted = true
                    break
                }
                // Backtrack to the minimiser of the quadratic through f, the slope and the trial
                // value (Nocedal & Wright 2006, §3.5), kept within [0.1, 0.5] of the step.
                var next = 0.5 * step
                if trial.value.isFinite {
                    let curvature = trial.value - f - slope * step
                    if curvature > 0 { next = -slope * step * step / (2 * curvature) }
                }
                step = min(max(next, 0.1 * step), 0.5 * step)
                if step * maxAbs(d) < 1e-12 { break }  // the point would no longer move
            }
            if !accepted {
                // No decrease is possible any more: at the optimum up to rounding in the sums when
                // the gradient is already tiny relative to the objective.
                if maxAbs(g) <= 1e-6 * max(1, abs(f)) {
                    converged = true
                    break
                }
                if firstUpdate { break }
                // Restart from steepest descent once before giving up.
                h = identity(n)
                firstUpdate = true
                stalls += 1
                if stalls > 2 { break }
                continue
            }
            var s = [Double](repeating: 0, count: n)
            var y = [Double](repeating: 0, count: n)
            for i in 0..<n {
                s[i] = xNew[i] - x[i]
                y[i] = gNew[i] - g[i]
            }
            let relativeChange = abs(fNew - f) / max(1, abs(f))
            x = xNew
            f = fNew
            g = gNew
            let sy = dot(s, y)
            if sy > 1e-12 * (dot(s, s) * dot(y, y)).squareRoot() {
                if firstUpdate {
                    let scale = sy / dot(y, y)
                    h = identity(n).map { row in row.map { $0 * scale } }
                    firstUpdate = false
                }
                h = bfgsUpdate(h, s: s, y: y, sy: sy)
            }
            if relativeChange < 1e-15, maxAbs(s) < 1e-12 {
                converged = maxAbs(g) <= 1e-6 * max(1, abs(f))
                break
            }
        }
        return Result(point: x, value: f, gradient: g, iterations: iteration, converged: converged)
    }

    /// Runs BFGS from the start with the lowest objective first and from the others only while no
    /// run has converged; returns the best run (nil when no start has a finite objective).
    static func minimize(
        starts: [[Double]], objective: ([Double]) -> (value: Double, gradient: [Double])
    ) -> Result? {
        let ranked = starts.map { (start: $0, value: objective($0).value) }
            .filter { $0.value.isFinite }
            .sorted { $0.value < $1.value }
        var best: Result?
        for candidate in ranked {
            let result = bfgs(start: candidate.start, objective: objective)
            guard result.value.isFinite else { continue }
            if best == nil || result.value < best!.value { best = result }
            if result.converged { break }
        }
        return best
    }

    /// Inverse-Hessian BFGS update H⁺ = (I − ρ s yᵀ) H (I − ρ y sᵀ) + ρ s sᵀ, ρ = 1/(yᵀs)
    /// (Nocedal & Wright 2006, eq. 6.17).
    static func bfgsUpdate(_ h: [[Double]], s: [Double], y: [Double], sy: Double) -> [[Double]] {
        let n = s.count
        let rho = 1 / sy
        let hy = multiply(h, y)
        let yhy = dot(y, hy)
        var out = h
        for i in 0..<n {
            for j in 0..<n {
                out[i][j] += -rho * (s[i] * hy[j] + hy[i] * s[j]) + (rho * rho * yhy + rho) * s[i] * s[j]
            }
        }
        return out
    }

    /// Hessian by central differences of an analytic gradient, symmetrised; the step for
    /// coordinate j is `relativeStep × max(|θⱼ|, scaleFloor)` (Nocedal & Wright 2006, §8.1); a
    /// floor of 1 suits coordinates that may sit at zero, such as regression effects.
    static func hessian(
        at point: [Double],
        relativeStep: Double = 1e-4,
        scaleFloor: Double = 1e-8,
        gradient: ([Double]) -> [Double]
    ) -> [[Double]] {
        let n = point.count
        var hessian = [[Double]](repeating: [Double](repeating: 0, count: n), count: n)
        for j in 0..<n {
            let step = relativeStep * max(abs(point[j]), scaleFloor)
            var up = point
            var down = point
            up[j] += step
            down[j] -= step
            let gUp = gradient(up)
            let gDown = gradient(down)
            for i in 0..<n { hessian[i][j] = (gUp[i] - gDown[i]) / (2 * step) }
        }
        for i in 0..<n {
            for j in (i + 1)..<max(i + 1, n) {
                let mean = 0.5 * (hessian[i][j] + hessian[j][i])
                hessian[i][j] = mean
                hessian[j][i] = mean
            }
        }
        return hessian
    }

    /// Matrix inverse by Gauss–Jordan elimination with partial pivoting; nil when singular.
    static func inverse(_ matrix: [[Double]]) -> [[Double]]? {
        let n = matrix.count
        var a = matrix
        var inv = identity(n)
        for col in 0..<n {
            var pivot = col
            for row in (col + 1)..<max(col + 1, n) where abs(a[row][col]) > abs(a[pivot][col]) {
                pivot = row
            }
            guard abs(a[pivot][col]) > 0, a[pivot][col].isFinite else { return nil }
            a.swapAt(col, pivot)
            inv.swapAt(col, pivot)
            let p = a[col][col]
            for j in 0..<n {
                a[col][j] /= p
                inv[col][j] /= p
            }
            for row in 0..<n where row != col {
                let factor = a[row][col]
                if factor == 0 { continue }
                for j in 0..<n {
                    a[row][j] -= factor * a[col][j]
                    inv[row][j] -= factor * inv[col][j]
                }
            }
        }
        return inv
    }

    static func identity(_ n: Int) -> [[Double]] {
        (0..<n).map { i in (0..<n).map { $0 == i ? 1 : 0 } }
    }

    static func multiply(_ m: [[Double]], _ v: [Double]) -> [Double] {
        m.map { dot($0, v) }
    }

    static func dot(_ u: [Double], _ v: [Double]) -> Double {
        var s = 0.0
        for i in 0..<u.count { s += u[i] * v[i] }
        return s
    }

    static func maxAbs(_ v: [Double]) -> Double {
        v.reduce(0) { max($0, abs($1)) }
    }
}
