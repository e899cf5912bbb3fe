import Foundation

/// Plans the after-sale follow-ups of a delivered order from a location's `AfterSalePolicy`.
public enum FollowUpPlanner {
    /// The channels a follow-up after handover may use, in the order they are tried when the
    /// customer's preferred channel cannot be used.
    public static let channelOrder: [ContactChannel] = [.phone, .messenger, .sms, .email]

    /// The follow-ups of `order`, handover first, then by days:
    ///
    /// - Nothing until the order has `deliveredAt`, nothing for a customer whose data was erased,
    ///   and nothing when `customer` is not the order's customer.
    /// - Handover: due at `deliveredAt`. A `visit` handover uses channel `visit` and needs no
    ///   consent (the customer is there); a `call` handover uses `phone` and needs consent to it.
    /// - Each offset N: due N calendar days after `deliveredAt` in the calendar's time zone, at
    ///   the same local time (across a daylight-saving change too; a time the change skips reads
    ///   as the moment of the change, a repeated one as its first occurrence). When the location
    ///   is closed then, the step moves to the next opening. The channel is the customer's
    ///   preferred one when it is in `channelOrder` and they consent to it, otherwise the first
    ///   of `channelOrder` they consent to.
    /// - A step with no consented channel is still planned, with `channel` nil and
    ///   `skippedReason` `noConsent`, so it can be shown rather than silently dropped.
    /// - Owner: the order's seller, or the customer's owner when the order has no seller.
    ///
    /// Offsets of a policy that was not validated are used sorted, once each, positive only.
    public static func plan(
        order: Order, customer: Customer, calendar: BusinessCalendar, policy: AfterSalePolicy
    ) -> [PlannedFollowUp] {
        guard let deliveredAt = order.deliveredAt, customer.erasedAt == nil, customer.id == order.customerID
        else { return [] }
        let ownerID = order.sellerID ?? customer.ownerID

        func planned(_ step: FollowUpStep, at dueAt: Date, via channel: ContactChannel?) -> PlannedFollowUp {
            PlannedFollowUp(
                taskKey: PlannedFollowUp.taskKey(order: order.id, step: step), orderID: order.id,
                customerID: customer.id, locationID: order.locationID, step: step, dueAt: dueAt,
                channel: channel, ownerID: ownerID, skippedReason: channel == nil ? .noConsent : nil)
        }

        let handoverChannel: ContactChannel? =
            switch policy.handover {
            case .visit: .visit
            case .call: customer.mayContact(via: .phone) ? .phone : nil
            }
        var result = [planned(.handover, at: deliveredAt, via: handoverChannel)]
        let channel = followUpChannel(for: customer)
        for days in Set(policy.offsetsDays).filter({ $0 > 0 }).sorted() {
            let sameTime = adding(days: days, to: deliveredAt, in: calendar.timeZone)
            let dueAt = calendar.isOpen(at: sameTime) ? sameTime : calendar.nextOpening(after: sameTime) ?? sameTime
            result.append(planned(.day(days), at: dueAt, via: channel))
        }
        return result
    }

    /// The channel for follow-ups after handover: the preferred one when usable and consented,
    /// else the first consented one of `channelOrder`; nil when there is none.
    public static func followUpChannel(for customer: Customer) -> ContactChannel? {
        if let preferred = customer.preferredChannel, channelOrder.contains(preferred),
            customer.mayContact(via: preferred)
        {
            return preferred
        }
        return channelOrder.first { customer.mayContact(via: $0) }
    }

    /// The instant `days` calendar days after `instant` at the same local time in `timeZone`,
    /// read by `WallClock`'s rule where that time is skipped or repeated.
    static func adding(days: Int, to instant: Date, in timeZone: TimeZone) -> Date {
        let clock = WallClock(timeZone: timeZone)
        let seconds = instant.timeIntervalSince1970
        let whole = seconds.rounded(.down)
        let utc = Int(whole)
        let local = utc + clock.offset(at: utc) + days * WallClock.secondsPerDay
        return Date(timeIntervalSince1970: Double(clock.instant(local: local)) + (seconds - whole))
    }
}
