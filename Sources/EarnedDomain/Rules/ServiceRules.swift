import Foundation

/// The service rules an owner sets: how far ahead promise reminders come, per location the
/// after-sale policy (a visit or a call at handover, the follow-up days) and the reply targets
/// per channel and priority with their warning, and the business's case targets per priority.
/// A location without its own rules follows the defaults.
public struct ServiceRules: Hashable, Codable, Sendable {
    public var reminders: PromiseReminderPolicy
    public var afterSale: [LocationID: AfterSalePolicy]
    public var replyTargets: [LocationID: ReplyTargets]
    public var caseTargets: CaseTargets

    public static let standard = ServiceRules()

    public init(
        reminders: PromiseReminderPolicy = PromiseReminderPolicy(), afterSale: [LocationID: AfterSalePolicy] = [:],
        replyTargets: [LocationID: ReplyTargets] = [:], caseTargets: CaseTargets = CaseTargets()
    ) {
        self.reminders = reminders
        self.afterSale = afterSale
        self.replyTargets = replyTargets
        self.caseTargets = caseTargets
    }

    enum CodingKeys: String, CodingKey {
        case reminders, afterSale, replyTargets, caseTargets
    }

    /// Rules stored before a part existed read that part as its default.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            reminders: try c.decodeIfPresent(PromiseReminderPolicy.self, forKey: .reminders) ?? PromiseReminderPolicy(),
            afterSale: try c.decodeIfPresent([LocationID: AfterSalePolicy].self, forKey: .afterSale) ?? [:],
            replyTargets: try c.decodeIfPresent([LocationID: ReplyTargets].self, forKey: .replyTargets) ?? [:],
            caseTargets: try c.decodeIfPresent(CaseTargets.self, forKey: .caseTargets) ?? CaseTargets())
    }

    /// The clock of a case at a location: its business hours and the case targets.
    public func caseClock(for location: Location) -> CaseClock {
        CaseClock(calendar: BusinessCalendar(location: location), targets: caseTargets)
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
        do { try caseTargets.validate() } catch { collect("case_targets", error) }
        if !errors.isEmpty { throw .invalid(errors) }
        return self
    }
}
