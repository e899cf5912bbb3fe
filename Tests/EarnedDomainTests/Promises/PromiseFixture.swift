import Foundation

@testable import EarnedDomain

/// Instants, people and promises shared by the promise and after-sale tests.
enum PromiseFixture {
    /// The fixed "now" of every test: Friday 20 November 2026, 12:00 UTC.
    static let now = instant("2026-11-20T12:00:00Z")
    static let hour: TimeInterval = 3600
    static let day: TimeInterval = 86_400

    static let customerID = CustomerID(UUID(uuidString: "00000000-0000-0000-0000-0000000000c1")!)
    static let ownerID = StaffID(UUID(uuidString: "00000000-0000-0000-0000-0000000000a1")!)
    static let otherOwnerID = StaffID(UUID(uuidString: "00000000-0000-0000-0000-0000000000a2")!)
    static let locationID = LocationID(UUID(uuidString: "00000000-0000-0000-0000-0000000000b1")!)

    /// An instant written in ISO 8601 with its offset, e.g. "2026-10-19T15:00:00+02:00".
    static func instant(_ text: String) -> Date {
        guard let date = ISO8601DateFormatter().date(from: text) else { fatalError("bad instant \(text)") }
        return date
    }

    /// A promise recorded `createdHoursBefore` hours before `now`, due `dueInHours` after `now`.
    static func promise(
        kind: Promise.Kind = .delivery, dueInHours: Double = 24, createdHoursBefore: Double = 48,
        ownerID: StaffID = ownerID, locationID: LocationID? = locationID
    ) -> Promise {
        Promise(
            customerID: customerID, kind: kind, text: "Sofa delivered to the door", ownerID: ownerID,
            locationID: locationID, originalDueAt: now.addingTimeInterval(dueInHours * hour),
            createdAt: now.addingTimeInterval(-createdHoursBefore * hour))
    }

    /// The field names of an `invalid` error, or nil for any other outcome.
    static func invalidFields(_ body: () throws -> Void) -> [String]? {
        do {
            try body()
            return nil
        } catch {
            if case .invalid(let errors)? = error as? DomainError { return errors.map(\.field) }
            return nil
        }
    }

    /// Whether `body` throws a `conflict`.
    static func isConflict(_ body: () throws -> Void) -> Bool {
        do {
            try body()
            return false
        } catch {
            if case .conflict? = error as? DomainError { return true }
            return false
        }
    }
}
