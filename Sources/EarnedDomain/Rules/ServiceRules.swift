import Foundation

/// The service rules an owner sets: how far ahead promise reminders come, and per location the
/// after-sale policy (a visit or a call at handover, the follow-up days) and the reply targets
/// per channel. A location without its own rules follows the defaults.
public struct ServiceRules: Hashable, Codable, Sendable {
    public var reminders: PromiseReminderPolicy
    public var afterSale: [LocationID: AfterSalePolicy]
    public var replyTargets: [LocationID: ReplyTargets]

    public static let standard = ServiceRules()

    public init(
        reminders: PromiseReminderPolicy = PromiseReminderPolicy(), afterSale: [LocationID: AfterSalePolicy] = [:],
        replyTargets: [LocationID: ReplyTargets] = [:]
    ) {
        self.reminders = reminders
        self.afterSale = afterSale
        self.replyTargets = replyTargets
    }

    public func afterSale(at location: LocationID?) -> AfterSalePolicy {
        location.flatMap { afterSale[$0] } ?? AfterSalePolicy()
    }

    public func replyTargets(at location: LocationID?) -> ReplyTargets {
        location.flatMap { replyTargets[$0] } ?? .standard
    }

    /// A location's reply clock: its business hours and its reply targets.
    public func replyClock(for location: Location) -> ReplyClock {
        ReplyClock(calendar: BusinessCalendar(location: location), targets: replyTargets(at: location.id))
    }

    /// Every rule checked, each problem under its own field (`after_sale.<location>.…`,
    /// `reply_targets.<location>.…`, `lead_minutes.<kind>`).
    public func validated() throws(DomainError) -> ServiceRules {
        var errors: [FieldError] = []
        func collect(_ prefix: String?, _ error: DomainError) {
            guard case .invalid(let found) = error else { return }
            errors += found.map { e in
                var e = e
                if let prefix { e.field = prefix + "." + e.field }
                return e
            }
        }
        do { _ = try reminders.validated() } catch { collect(nil, error) }
        for (location, policy) in afterSale {
            do { _ = try policy.validated() } catch { collect("after_sale.\(location)", error) }
        }
        for (location, targets) in replyTargets {
            do { try targets.validate() } catch { collect("reply_targets.\(location)", error) }
        }
        if !errors.isEmpty { throw .invalid(errors) }
        return self
    }
}
