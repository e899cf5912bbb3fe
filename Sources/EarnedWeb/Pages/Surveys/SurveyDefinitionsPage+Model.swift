import EarnedDomain
import EarnedStore
import Foundation
import Plot

/// The owner's surveys, each with its trigger, questions and sampling.
struct SurveyDefinitionsPage {
    var viewer: ViewerContext
    var definitions: [SurveyDefinition]
}
