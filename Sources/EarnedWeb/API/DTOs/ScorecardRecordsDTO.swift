import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation

/// The records behind one scorecard figure: exactly those the last score run counted for the
/// step, scope and period, newest first, a page at a time; `listed` is how many the chosen
/// result holds (all, met or missed) and `total`/`successes` are the figure's own counts.
struct ScorecardRecordsDTO: APIObject {
    var step: String
    var scope: String
    var scope_name: String
    var period_days: Int
    var start: Date
    var end: Date
    var result: String
    var total: Int
    var successes: Int
    var listed: Int
    var page: Int
    var page_size: Int
    var pages: Int
    var records: [RecordDTO]

    /// One record: what it was, whose, and whether it met the step (with the measured value
    /// where the step measures one: hours to fix, seconds to first reply, the CSAT given).
    struct RecordDTO: APIObject {
        var at: Date
        var kind: String?
        var record_id: UUID
        var customer_id: UUID?
        var customer_name: String?
        var success: Bool
        var value: Double?
        var location_id: UUID?
        var staff_id: UUID?
        var staff_name: String?
        var slot: String?
    }

    init(_ page: ScorecardRecordsPage) {
        step = page.step.rawValue
        scope = page.filter.scope.key
        scope_name = page.filter.label(page.filter.scope)
        period_days = page.filter.days
        start = page.start
        end = page.end
        result = page.result.rawValue
        total = page.total
        successes = page.successes
        listed = page.listed
        self.page = page.page
        page_size = ScorecardRecordsPage.pageSize
        pages = max(1, (page.listed + ScorecardRecordsPage.pageSize - 1) / ScorecardRecordsPage.pageSize)
        records = page.rows.map { r in
            let subject = page.subjects[r.recordID]
            return RecordDTO(
                at: r.at, kind: r.recordKind, record_id: r.recordID, customer_id: subject?.customerID?.rawValue,
                customer_name: subject?.customerName, success: r.success, value: r.value,
                location_id: r.locationID?.rawValue, staff_id: r.staffID?.rawValue,
                staff_name: r.staffID.flatMap { page.filter.people[$0]?.name }, slot: r.slot)
        }
    }
}
