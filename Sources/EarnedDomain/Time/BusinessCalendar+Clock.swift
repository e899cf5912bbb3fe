import Foundation

extension BusinessCalendar {
    /// The open instants between `from` and `to`, in order, non-overlapping, as maximal
    /// stretches: open periods that touch (24:00 then 00:00 the next day) come back as one
    /// interval. Empty when `to` ≤ `from`.
    public func openIntervals(from: Date, to: Date) -> [DateInterval] {
        let low = from.timeIntervalSinceReferenceDate
        let high = to.timeIntervalSinceReferenceDate
        guard high > low else { return [] }
        var result: [DateInterval] = []
        var current: Span?
        forEachSpan(from: from, through: to) { span in
            let start = max(span.start, low)
            let end = min(span.end, high)
            if start >= high { return false }
            guard start < end else { return true }
            if let open = current, open.end >= start {
                current?.end = max(open.end, end)
            } else {
                if let open = current { result.append(Self.interval(open)) }
                current = Span(start: start, end: end)
            }
            return true
        }
        if let open = current { result.append(Self.interval(open)) }
        return result
    }

    /// Elapsed open time between two instants, in seconds; 0 when `to` ≤ `from`. Additive:
    /// `businessSeconds(a, c) == businessSeconds(a, b) + businessSeconds(b, c)` for a ≤ b ≤ c.
    public func businessSeconds(from: Date, to: Date) -> TimeInterval {
        let low = from.timeIntervalSinceReferenceDate
        let high = to.timeIntervalSinceReferenceDate
        guard high > low else { return 0 }
        var total: TimeInterval = 0
        forEachSpan(from: from, through: to) { span in
            if span.start >= high { return false }
            let start = max(span.start, low)
            let end = min(span.end, high)
            if start < end { total += end - start }
            return true
        }
        return total
    }

    /// The instant at which `seconds` of open time have elapsed after `start`: the earliest
    /// instant `t` with `businessSeconds(from: start, to: t) == seconds`, so a target that uses
    /// up an open period lands at its closing time, not at the next opening. `start` itself for
    /// zero or negative `seconds`; nil for a non-finite amount, or when the calendar has no open
    /// time for `searchLimitDays` days in a row before the amount is used up.
    public func adding(_ seconds: TimeInterval, to start: Date) -> Date? {
        guard seconds.isFinite else { return nil }
        guard seconds > 0 else { return start }
        let low = start.timeIntervalSinceReferenceDate
        var remaining = seconds
        var day = clock.localDay(of: start) - 1
        var lastOpenDay = day + 1
        while day - lastOpenDay <= Self.searchLimitDays {
            for span in spans(onDay: day) {
                let begin = max(span.start, low)
                guard begin < span.end else { continue }
                lastOpenDay = day
                let length = span.end - begin
                if remaining <= length { return Date(timeIntervalSinceReferenceDate: begin + remaining) }
                remaining -= length
            }
            day += 1
        }
        return nil
    }

    /// Whether the location is open at an instant (open intervals include their opening instant
    /// and exclude their closing one).
    public func isOpen(at instant: Date) -> Bool {
        let t = instant.timeIntervalSinceReferenceDate
        let day = clock.localDay(of: instant)
        for candidate in (day - 1)...(day + 1) {
            for span in spans(onDay: candidate) where span.start <= t && t < span.end { return true }
        }
        return false
    }

    /// The first instant strictly after `instant` at which the location opens after being
    /// closed. Touching periods are one stretch, so midnight between a 24:00 close and a 00:00
    /// opening is not an opening. Nil when there is none within `searchLimitDays` days.
    public func nextOpening(after instant: Date) -> Date? {
        let t = instant.timeIntervalSinceReferenceDate
        let firstDay = clock.localDay(of: instant) - 1
        var previousEnd = -TimeInterval.infinity
        for day in firstDay...(firstDay + Self.searchLimitDays + 2) {
            for span in spans(onDay: day) {
                if span.start > t && span.start > previousEnd {
                    return Date(timeIntervalSinceReferenceDate: span.start)
                }
                previousEnd = span.end
            }
        }
        return nil
    }

    /// The closing time of the open stretch that holds `instant` (touching periods are one
    /// stretch); nil when closed at `instant`. A stretch longer than `searchLimitDays` days is
    /// cut at the end of the last day looked at.
    public func openUntil(_ instant: Date) -> Date? {
        let t = instant.timeIntervalSinceReferenceDate
        let firstDay = clock.localDay(of: instant) - 1
        var stretchEnd: TimeInterval?
        for day in firstDay...(firstDay + Self.searchLimitDays + 2) {
            for span in spans(onDay: day) {
                if let end = stretchEnd {
                    if span.start > end { return Date(timeIntervalSinceReferenceDate: end) }
                    stretchEnd = max(end, span.end)
                } else if span.start <= t && t < span.end {
                    stretchEnd = span.end
                } else if span.start > t {
                    return nil
                }
            }
        }
        return stretchEnd.map { Date(timeIntervalSinceReferenceDate: $0) }
    }

    /// Calls `body` with each open span of the local days that can hold instants from `from`
    /// to `to`, in order, until it returns false.
    func forEachSpan(from: Date, through to: Date, _ body: (Span) -> Bool) {
        let firstDay = clock.localDay(of: from) - 1
        let lastDay = clock.localDay(of: to) + 1
        guard firstDay <= lastDay else { return }
        for day in firstDay...lastDay {
            for span in spans(onDay: day) where !body(span) { return }
        }
    }

    static func interval(_ span: Span) -> DateInterval {
        DateInterval(
            start: Date(timeIntervalSinceReferenceDate: span.start),
            end: Date(timeIntervalSinceReferenceDate: span.end))
    }
}
