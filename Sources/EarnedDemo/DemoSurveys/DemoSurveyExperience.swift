import EarnedDomain

/// What a customer lived through before a survey, as far as it bears on the answer: how much
/// better or worse they feel than usual, how likely they are to find it not fast enough, and what
/// a complaint would be about.
struct DemoSurveyExperience {
    /// What a complaint in the comment is about.
    enum Topic {
        case general
        case lateDelivery
        case slowReply
        case problem
    }

    /// The shift of the latent satisfaction the scores are cut from, in its standard
    /// deviations (negative: worse).
    var shift: Double = 0
    /// The chance of answering "not fast enough".
    var notFastChance: Double = 0.06
    var topic: Topic = .general
}
