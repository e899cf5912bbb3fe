import EarnedDomain
import Foundation

/// One customer's counted touches in time order, to decide quickly whether another keeps the
/// fatigue budget — in the window ending at it and in the windows of later touches it would
/// fall into — by the budget's rule: at most `maxTouches` counted touches in any window
/// (t − `windowDays`, t].
struct DemoTouchLedger: Sendable {
    let budget: FatigueBudget
    /// Counted touches, oldest first.
    private(set) var touches: [Touch] = []

    init(budget: FatigueBudget) { self.budget = budget }

    /// Whether a touch of `kind` at `at` keeps the budget everywhere. Kinds that do not count
    /// always fit.
    func fits(_ at: Date, kind: TouchKind) -> Bool {
        guard kind.countsAgainstBudget else { return true }
        let window = budget.window
        // The new touch lies in the window of every checkpoint c with at ≤ c < at + window.
        func countedBefore(_ checkpoint: Date) -> Int {
            upperBound(checkpoint) - upperBound(checkpoint.addingTimeInterval(-window))
        }
        if countedBefore(at) + 1 > budget.maxTouches { return false }
        let end = at.addingTimeInterval(window)
        var index = upperBound(at)
        while index < touches.count, touches[index].at < end {
            if countedBefore(touches[index].at) + 1 > budget.maxTouches { return false }
            index += 1
        }
        return true
    }

    /// Records a touch (counted kinds only; the others never limit anything).
    mutating func add(_ touch: Touch) {
        guard touch.kind.countsAgainstBudget else { return }
        touches.insert(touch, at: upperBound(touch.at))
    }

    /// The touches after `start` up to and including `end`, oldest first.
    func touches(after start: Date, through end: Date) -> ArraySlice<Touch> {
        let low = upperBound(start)
        return touches[low..<max(low, upperBound(end))]
    }

    /// The index of the first touch after `instant`.
    private func upperBound(_ instant: Date) -> Int {
        var low = 0
        var high = touches.count
        while low < high {
            let middle = (low + high) / 2
            if touches[middle].at <= instant { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
