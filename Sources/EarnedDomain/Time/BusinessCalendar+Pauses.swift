import Foundation

extension BusinessCalendar {
    /// Elapsed open time between two instants, less the open time inside `pauses` (time spent
    /// waiting on the customer does not count). Pauses may overlap one another, reach outside
    /// the range or lie in closed time; each open second is subtracted at most once, so the
    /// result lies between 0 and `businessSeconds(from:to:)`.
    public func businessSeconds(from: Date, to: Date, excluding pauses: [DateInterval]) -> TimeInterval {
        let open = openIntervals(from: from, to: to)
        guard !open.isEmpty else { return 0 }
        let total = open.reduce(0) { $0 + $1.duration }
        let paused = Self.union(pauses)
        guard !paused.isEmpty else { return total }
        // Both lists are ordered and non-overlapping: one merge-like pass finds every overlap.
        var overlap: TimeInterval = 0
        var p = 0
        for interval in open {
            while p < paused.count, paused[p].end <= interval.start { p += 1 }
            var q = p
            while q < paused.count, paused[q].start < interval.end {
                let start = max(paused[q].start, interval.start)
                let end = min(paused[q].end, interval.end)
                if start < end { overlap += end.timeIntervalSince(start) }
                q += 1
            }
        }
        return max(0, total - overlap)
    }

    /// The union of intervals as ordered, non-overlapping intervals; empty ones dropped.
    static func union(_ intervals: [DateInterval]) -> [DateInterval] {
        var result: [DateInterval] = []
        for interval in intervals.filter({ $0.duration > 0 }).sorted(by: { $0.start < $1.start }) {
            if let last = result.last, interval.start <= last.end {
                result[result.count - 1] = DateInterval(start: last.start, end: max(last.end, interval.end))
            } else {
                result.append(interval)
            }
        }
        return result
    }
}
