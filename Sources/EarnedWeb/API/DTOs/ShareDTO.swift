import EarnedAnalytics
import EarnedDomain

/// A share with its Wilson interval; the interval is null under ten answers.
struct ShareDTO: APIObject {
    var successes: Int
    var trials: Int
    var share: Double?
    var lower: Double?
    var upper: Double?

    init(_ successes: Int, of trials: Int) {
        self.successes = successes
        self.trials = trials
        share = trials > 0 ? Double(successes) / Double(trials) : nil
        let interval =
            trials >= SurveyResults.minimumAnswers ? WilsonInterval(successes: successes, trials: trials) : nil
        lower = interval?.lower
        upper = interval?.upper
    }
}
