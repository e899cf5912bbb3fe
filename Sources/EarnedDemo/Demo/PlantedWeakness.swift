import EarnedDomain
import Foundation

/// One service weakness deliberately built into the demo business, written down so analytics
/// can be checked against it: the slot it affects and how strongly.
public struct PlantedWeakness: Hashable, Codable, Sendable, Identifiable {
    /// Where a weakness shows. Late deliveries are attributed by the promised time: the local
    /// time at the order's location when the delivery or service start was due.
    public enum Slot: Hashable, Codable, Sendable {
        /// Orders of one location whose promised time falls in the named shift.
        case shift(locationID: LocationID, shiftName: String)
        /// Orders at any location whose promised time falls in the last `minutes` before the
        /// day's closing time.
        case beforeClosing(minutes: Int)
        /// Orders whose promised time falls on a special day of this kind (e.g. inventory).
        case specialDay(SpecialDay.Kind)
        /// A group of customers, named; its members are listed per batch in
        /// `DemoBatch.truths` (e.g. `isDiscountHunter`).
        case customerGroup(String)
    }

    /// A stable identifier such as "ekb-evening-late".
    public var id: String
    /// The weakness in plain English.
    public var englishDescription: String
    /// The weakness in plain Russian.
    public var russianDescription: String
    /// Where the weakness shows.
    public var slot: Slot
    /// How many times the baseline late-delivery probability is multiplied by in this slot; nil
    /// when the weakness is not about lateness. Factors of overlapping slots multiply.
    public var lateFactor: Double?

    public init(
        id: String, englishDescription: String, russianDescription: String, slot: Slot, lateFactor: Double?
    ) {
        self.id = id
        self.englishDescription = englishDescription
        self.russianDescription = russianDescription
        self.slot = slot
        self.lateFactor = lateFactor
    }

    /// The description in `language` ("ru" or anything else for English).
    public func description(language: String) -> String {
        language == "ru" ? russianDescription : englishDescription
    }
}
