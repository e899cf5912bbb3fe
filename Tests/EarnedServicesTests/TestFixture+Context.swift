import EarnedServices
import EarnedTestSupport
import FluentKit
import Foundation

extension TestFixture {
    /// Where a use case runs in these tests: `db` at `now`, in roubles.
    func context(_ db: any Database, at now: Date = testNow) -> ServiceContext {
        ServiceContext(db: db, now: now, currency: "RUB")
    }
}
