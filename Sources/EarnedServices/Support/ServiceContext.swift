import FluentKit
import Foundation

/// Where a use case runs: the caller's database (a request's transaction, or a command's pool),
/// its clock, and the business's currency for the costs of corrective actions.
package struct ServiceContext: Sendable {
    package var db: any Database
    package var now: Date
    package var currency: String
    /// The start of the links customers open (a resolved case's "is it solved?" link).
    package var linkBase: String
    /// The language of notices to staff.
    package var staffLanguage: String

    package init(
        db: any Database, now: Date, currency: String, linkBase: String = "http://localhost:8080",
        staffLanguage: String = "ru"
    ) {
        self.linkBase = linkBase
        self.staffLanguage = staffLanguage
        self.db = db
        self.now = now
        self.currency = currency
    }
}
