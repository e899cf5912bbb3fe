import Foundation

/// How two records of the same customer become one without losing anything.
public enum CustomerMerge {
    /// The surviving customer after `absorbed` is merged into `survivor`: contacts, dates and
    /// tags of both (without repeats), every consent record of both (so the latest per channel
    /// still wins), and the survivor's values where both have one.
    public static func merge(survivor: Customer, absorbed: Customer, now: Date) throws(DomainError) -> Customer {
        guard survivor.id != absorbed.id else { throw DomainError.conflict("a customer cannot be merged into itself") }
        guard survivor.erasedAt == nil, absorbed.erasedAt == nil else {
            throw DomainError.conflict("an erased customer cannot be merged")
        }
        var result = survivor
        result.contacts = CustomerDraft.unique(survivor.contacts + absorbed.contacts)
        var dates = survivor.dates
        for date in absorbed.dates where !dates.contains(date) {
            // Two different birthdays cannot both be true: keep the survivor's, and the other as
            // a labelled date so nothing is lost.
            if date.kind == .birthday, dates.contains(where: { $0.kind == .birthday }) {
                let kept = CustomerDate(kind: .other, date: date.date, label: date.label ?? "birthday (merged)")
                if !dates.contains(kept) { dates.append(kept) }
            } else {
                dates.append(date)
            }
        }
        result.dates = dates
        result.consents = survivor.consents + absorbed.consents.filter { !survivor.consents.contains($0) }
        result.tags = survivor.tags + absorbed.tags.filter { !survivor.tags.contains($0) }
        result.ownerID = survivor.ownerID ?? absorbed.ownerID
        result.homeLocationID = survivor.homeLocationID ?? absorbed.homeLocationID
        result.preferredChannel = survivor.preferredChannel ?? absorbed.preferredChannel
        result.externalID = survivor.externalID ?? absorbed.externalID
        result.city = survivor.city ?? absorbed.city
        result.address = survivor.address ?? absorbed.address
        result.createdAt = min(survivor.createdAt, absorbed.createdAt)
        result.updatedAt = now
        return result
    }

    /// The customer with every piece of personal data removed (a request under personal-data
    /// law); the id stays so orders and figures remain, anonymous.
    public static func erased(_ customer: Customer, now: Date) -> Customer {
        Customer(
            id: customer.id, kind: customer.kind, name: "", contacts: [], dates: [], consents: [], ownerID: nil,
            homeLocationID: customer.homeLocationID, language: customer.language, preferredChannel: nil,
            tags: [], externalID: nil, createdAt: customer.createdAt, updatedAt: now, erasedAt: now, city: nil,
            address: nil)
    }
}
