import EarnedDomain

/// How one demo customer answers surveys, the same in every survey they get: some rate
/// everything a little higher or lower than others, some answer more readily.
struct DemoSurveyRespondent {
    /// A standard normal: the customer's own lean, shared by all their answers.
    var disposition: Double
    /// A factor on the chance of answering (mean about 1).
    var propensity: Double
    /// Discount hunters buy mostly elsewhere and say so.
    var isDiscountHunter: Bool
}
