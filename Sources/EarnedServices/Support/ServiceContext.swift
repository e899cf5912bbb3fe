import FluentKit
import Foundation

/// Where a use case runs: the caller's database (a request's transaction, or a command's pool),
/// its clock, and the business's currency for the costs of corrective actions.
package struct ServiceContext: Sendable {
    package var db: any Database
    package var now: Date
    package var currency: String

    package init(db: any Database, now: Date, currency: String) {
        self.db = db
        self.now = now
        self.currency = currency
    }
}
