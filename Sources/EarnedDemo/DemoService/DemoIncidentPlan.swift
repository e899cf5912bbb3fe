import EarnedDomain
import Foundation

/// One call-first incident of the demo business with what the generator needs to play it out:
/// the site that handles it, what its cases are about and how often one is opened, and what an
/// affected customer says when they get in touch first.
struct DemoIncidentPlan: Sendable {
    var incident: Incident
    /// The site whose staff handle the outreach when the incident is not one location's.
    var site: DemoSite
    var topic: DemoCaseTopic
    /// The chance that an affected customer, once told or in touch, gets a case.
    var caseChance: Double
    /// What an affected customer writes or says, in Russian and English.
    var customerSubject: DemoServiceCatalog.Phrase
}
