import EarnedDomain

extension DemoBusiness {
    /// How many times as likely a promise due in Yekaterinburg's evening shift is broken or
    /// kept late (and the chance that it is moved in time is lower).
    static let eveningPromiseSlipFactor = 2.5
    /// How many times as likely a contact that comes in during the last hour before closing
    /// misses its first-reply and resolution targets.
    static let lastHourReplyBreachFactor = 3.0

    /// The service weaknesses planted in the demo's service history (beside the delivery ones
    /// in `groundTruth.weaknesses`), so analytics of promises and replies can be checked
    /// against them. `lateFactor` is the factor on the chance of a bad outcome in the slot:
    /// a promise broken or kept late, a reply target missed.
    public var serviceWeaknesses: [PlantedWeakness] {
        let yekaterinburg = sites[1]
        return [
            PlantedWeakness(
                id: "ekb-evening-promises",
                englishDescription:
                    "Promises due in Yekaterinburg's evening shift are broken or kept late about 2.5 times as often as "
                    + "elsewhere, and are seldom moved in time (by the promise's original due time).",
                russianDescription:
                    "Обещания со сроком на вечернюю смену в Екатеринбурге нарушаются или выполняются с опозданием "
                    + "примерно в 2,5 раза чаще, чем в других местах, и редко переносятся заранее "
                    + "(по исходному сроку обещания).",
                slot: .shift(locationID: yekaterinburg.location.id, shiftName: yekaterinburg.eveningShift),
                lateFactor: Self.eveningPromiseSlipFactor),
            PlantedWeakness(
                id: "last-hour-replies",
                englishDescription:
                    "At every location, calls, messages and visits that come in during the last hour before closing "
                    + "miss their first-reply and resolution targets about three times as often.",
                russianDescription:
                    "Во всех точках обращения, поступившие за последний час до закрытия, примерно втрое чаще "
                    + "получают первый ответ и решение позже нормативов.",
                slot: .beforeClosing(minutes: 60), lateFactor: Self.lastHourReplyBreachFactor),
        ]
    }
}
