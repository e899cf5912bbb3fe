import EarnedDomain
import Foundation

/// One trigger of one demo survey for one customer, before the planner decides about it.
struct DemoSurveyEvent {
    /// The survey's position in `DemoBusiness.surveyDefinitions`: 0 after a delivery, 1 after a
    /// contact, 2 after a case, 3 the relationship survey.
    var definition: Int
    var trigger: SurveyTriggerEvent
    /// The location that served the customer, for the shift; the home location for a
    /// relationship survey (whose midnight-UTC period start falls in no shift).
    var location: Location?
    /// The trigger time plus the survey's delay: the earliest the invitation can go out.
    var earliestSend: Date
}
