import Foundation

extension BusinessCalendar {
    /// The instant at which `seconds` of open time have elapsed after `start`, not counting the
    /// open time inside `pauses` (waiting on the customer): the earliest instant `t` with
    /// `businessSeconds(from: start, to: t, excluding: pauses) == seconds`. So a budget that runs
    /// out exactly where a pause begins or the location closes lands there, not at the end of the
    /// pause or the next opening.
    ///
    /// Pauses may overlap, lie in closed time or begin before `start`. `start` itself for zero or
    /// negative `seconds`; nil for a non-finite amount, or when there is no open time for
    /// `searchLimitDays` days in a row (time skipped because it is paused does not count towards
    /// that limit).
    public func adding(_ seconds: TimeInterval, to start: Date, excluding pauses: [DateInterval]) -> Date? {
        guard seconds.isFinite else { return nil }
        guard seconds > 0 else { return start }
        let low = start.timeIntervalSinceReferenceDate
        let paused = Self.union(pauses).map {
            Span(start: $0.start.timeIntervalSinceReferenceDate, end: $0.end.timeIntervalSinceReferenceDate)
        }
        .filter { $0.end > low }
        guard !paused.isEmpty else { return adding(seconds, to: start) }
        var remaining = seconds
        // Everything before `position` is used up or paused.
        var position = low
        var p = 0
        var day = clock.localDay(of: start) - 1
        var lastOpenDay = day + 1
        while day - lastOpenDay <= Self.searchLimitDays {
            for span in spans(onDay: day) {
                var begin = max(span.start, position)
                guard begin < span.end else { continue }
                lastOpenDay = day
                while begin < span.end {
                    while p < paused.count, paused[p].end <= begin { p += 1 }
                    if p < paused.count, paused[p].start <= begin {
                        begin = paused[p].end
                        continue
                    }
                    let pieceEnd = p < paused.count ? min(span.end, paused[p].start) : span.end
                    let length = pieceEnd - begin
                    if remaining <= length { return Date(timeIntervalSinceReferenceDate: begin + remaining) }
                    remaining -= length
                    begin = pieceEnd
                }
                position = max(position, begin)
            }
            day += 1
            // A long pause can reach days ahead: jump to it instead of walking the days between.
            let positionDay = clock.localDay(of: Date(timeIntervalSinceReferenceDate: position)) - 1
            if positionDay > day {
                day = positionDay
                lastOpenDay = day
            }
        }
        return nil
    }
}
