import EarnedServices

struct OnTimeRowDTO: APIObject {
    var key: String
    var label: String
    var decided: Int
    var on_time: Int
    var kept_on_time: Int
    var renegotiated: Int
    var late: Int
    var broken: Int
    var open: Int
    var overdue: Int
    /// Null below `OnTimeBreakdown.minimumDecided` decided promises: not enough data.
    var on_time_rate: Double?
    var lower: Double?
    var upper: Double?

    init(_ row: OnTimeBreakdown.Row) {
        key = row.key
        label = row.label
        let t = row.tally
        decided = t.decided
        on_time = t.onTime
        kept_on_time = t.keptOnTime
        renegotiated = t.renegotiated
        late = t.late
        broken = t.broken
        open = t.open
        overdue = t.overdue
        let enough = t.decided >= OnTimeBreakdown.minimumDecided
        on_time_rate = enough ? t.onTimeRate : nil
        lower = enough ? row.interval?.lower : nil
        upper = enough ? row.interval?.upper : nil
    }
}
