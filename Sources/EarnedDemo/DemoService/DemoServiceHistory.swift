import EarnedDomain
import Foundation

/// The demo business's service history over the two years of its orders: what staff promised,
/// how customers got in touch and were answered, the cases opened and how they ended, call-first
/// incidents, greetings and follow-ups, referrals, and the scheduler's tasks (closed with their
/// outcomes, the last couple of days' left open for Today).
///
/// `DemoBusiness.serviceHistory(for:)` makes the part that belongs to one batch of customers;
/// `DemoBusiness.businessServiceHistory()` the part that belongs to no customer (the incidents
/// themselves, reviews and calls from people not on file). Every value is built with the
/// domain's own constructors and transitions, so it obeys the same rules as one entered by hand.
public struct DemoServiceHistory: Hashable, Codable, Sendable {
    /// Delivery, callback, meeting, quote, repair and other promises, each judged by
    /// `Promise.outcome(at:)`; open ones are due in the last few days or soon.
    public var promises: [Promise]
    /// Inbound contacts on every channel, with replies, waits on the customer and resolutions.
    public var contacts: [InboundContact]
    /// Cases opened from follow-ups, complaints, reviews and incidents.
    public var cases: [ServiceCase]
    /// Call-first incidents (only in the business-wide part).
    public var incidents: [Incident]
    /// For each incident, one entry per affected customer of the batch: when they were told
    /// and when they got in touch first.
    public var outreach: [DemoOutreach]
    /// Every contact the business initiated (greetings, follow-ups, outreach), with its channel.
    public var touches: [DemoTouch]
    /// Who referred whom; the referred customer's first order is the one it led to.
    public var referrals: [Referral]
    /// After-sale, greeting and outreach tasks: closed with an outcome, or open when due in the
    /// last `DemoBusiness.openTaskWindow`.
    public var tasks: [ServiceTask]
    /// The structured outcome of each after-sale task that was carried out.
    public var followUps: [DemoFollowUp]
    /// Steps the domain refused while the history was generated (a bug in the generator when
    /// not 0: every value must pass the domain's rules).
    public var refusedSteps: Int

    public init(
        promises: [Promise] = [], contacts: [InboundContact] = [], cases: [ServiceCase] = [],
        incidents: [Incident] = [], outreach: [DemoOutreach] = [], touches: [DemoTouch] = [],
        referrals: [Referral] = [], tasks: [ServiceTask] = [], followUps: [DemoFollowUp] = [], refusedSteps: Int = 0
    ) {
        self.promises = promises
        self.contacts = contacts
        self.cases = cases
        self.incidents = incidents
        self.outreach = outreach
        self.touches = touches
        self.referrals = referrals
        self.tasks = tasks
        self.followUps = followUps
        self.refusedSteps = refusedSteps
    }

    /// Appends another part of the history (another batch, or the business-wide part).
    public mutating func append(_ other: DemoServiceHistory) {
        promises += other.promises
        contacts += other.contacts
        cases += other.cases
        incidents += other.incidents
        outreach += other.outreach
        touches += other.touches
        referrals += other.referrals
        tasks += other.tasks
        followUps += other.followUps
        refusedSteps += other.refusedSteps
    }
}
