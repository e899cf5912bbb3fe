import EarnedDomain

extension DemoBusiness {
    /// How many times as likely a customer served in Yekaterinburg's evening shift is to answer
    /// a survey.
    static let eveningSurveyResponseFactor = 0.55
    /// How far the satisfaction behind the answers of customers served in Yekaterinburg's
    /// evening shift lies below everyone else's, in standard deviations of the latent scale the
    /// scores are cut from.
    static let eveningSurveyScoreShift = 0.6

    /// The survey weaknesses planted in the demo's survey history, so analytics of response
    /// rates, scores and perceived speed can be checked against them. A survey's slot is read
    /// from its invitation's attribution: the location and shift at the moment the customer was
    /// served (delivery, resolution, confirmation); the last hour from the contact's arrival.
    /// `lateFactor` is nil: these are not about lateness.
    public var surveyWeaknesses: [PlantedWeakness] {
        let yekaterinburg = sites[1]
        return [
            PlantedWeakness(
                id: "ekb-evening-surveys",
                englishDescription:
                    "Customers served in Yekaterinburg's evening shift answer surveys about half as often as others "
                    + "and score lower: more NPS detractors, lower CSAT, higher effort (by the shift of the "
                    + "delivery, the contact's resolution or the case's confirmation).",
                russianDescription:
                    "Клиенты, которых обслужила вечерняя смена в Екатеринбурге, отвечают на опросы примерно вдвое "
                    + "реже других и ставят оценки ниже: больше критиков в NPS, ниже CSAT, выше усилия (по смене "
                    + "доставки, решения обращения или подтверждения случая).",
                slot: .shift(locationID: yekaterinburg.location.id, shiftName: yekaterinburg.eveningShift),
                lateFactor: nil),
            PlantedWeakness(
                id: "last-hour-fast-enough",
                englishDescription:
                    "At every location, customers whose contact came in during the last hour before closing answer "
                    + "\"not fast enough\" about twice as often: their first replies miss the target more often "
                    + "(last-hour-replies) and often wait until the next morning, and the answer follows the "
                    + "measured reply time.",
                russianDescription:
                    "Во всех точках клиенты, обратившиеся за последний час до закрытия, примерно вдвое чаще "
                    + "отвечают «недостаточно быстро»: первый ответ им чаще приходит позже норматива "
                    + "(last-hour-replies) и нередко только на следующее утро, а ответ следует за измеренным "
                    + "временем реакции.",
                slot: .beforeClosing(minutes: 60), lateFactor: nil),
        ]
    }
}
