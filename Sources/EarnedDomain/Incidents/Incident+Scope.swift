import Foundation

extension Incident {
    /// Who an incident affects. Time bounds are inclusive and compare the order's `placedAt`.
    public enum Scope: Hashable, Codable, Sendable {
        /// Orders whose items summary contains `text`, ignoring case and diacritics ("ё" = "е"),
        /// optionally placed within `from`…`to`.
        case product(text: String, from: Date?, to: Date?)
        /// Orders placed within `from`…`to`.
        case dateRange(from: Date, to: Date)
        /// Orders placed at a location, optionally within `from`…`to`.
        case location(id: LocationID, from: Date?, to: Date?)
        /// An explicit list of customers.
        case customers(ids: [CustomerID])

        /// Whether an order belongs to the incident. An explicit list matches the orders of the
        /// customers on it.
        public func matches(_ order: Order) -> Bool {
            switch self {
            case .product(let text, let from, let to):
                guard Self.within(order.placedAt, from, to), let items = order.itemsSummary else { return false }
                let needle = text.trimmingCharacters(in: .whitespacesAndNewlines)
                return !needle.isEmpty
                    && items.range(of: needle, options: [.caseInsensitive, .diacriticInsensitive]) != nil
            case .dateRange(let from, let to):
                return Self.within(order.placedAt, from, to)
            case .location(let id, let from, let to):
                return order.locationID == id && Self.within(order.placedAt, from, to)
            case .customers(let ids):
                return ids.contains(order.customerID)
            }
        }

        static func within(_ date: Date, _ from: Date?, _ to: Date?) -> Bool {
            (from.map { date >= $0 } ?? true) && (to.map { date <= $0 } ?? true)
        }
    }
}
