import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation
import Plot

/// Recording a call-first incident.
struct NewIncidentPage {
    var viewer: ViewerContext
    var form: IncidentForm
    var errors: [FieldError]
}
