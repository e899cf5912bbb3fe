import EarnedDomain

extension DemoBusiness {
    /// The late-delivery factor of Yekaterinburg's evening shift.
    static let eveningShiftLateFactor = 2.0
    /// The late-delivery factor of the last hour before closing, everywhere.
    static let lastHourLateFactor = 1.8
    /// The late-delivery factor of inventory days.
    static let inventoryLateFactor = 2.5

    static func makeGroundTruth(sites: [DemoSite]) -> DemoGroundTruth {
        let yekaterinburg = sites[1]
        let weaknesses = [
            PlantedWeakness(
                id: "ekb-evening-late",
                englishDescription:
                    "Yekaterinburg's evening shift delivers late about twice as often as its morning shift "
                    + "(deliveries and service starts promised in the evening shift).",
                russianDescription:
                    "Вечерняя смена в Екатеринбурге опаздывает с доставкой примерно вдвое чаще утренней "
                    + "(доставки и начало работ, обещанные на вечернюю смену).",
                slot: .shift(locationID: yekaterinburg.location.id, shiftName: yekaterinburg.eveningShift),
                lateFactor: eveningShiftLateFactor),
            PlantedWeakness(
                id: "last-hour-late",
                englishDescription:
                    "At every location, deliveries promised for the last hour before closing are late more often.",
                russianDescription:
                    "Во всех точках доставки, обещанные на последний час перед закрытием, чаще опаздывают.",
                slot: .beforeClosing(minutes: 60), lateFactor: lastHourLateFactor),
            PlantedWeakness(
                id: "inventory-day-late",
                englishDescription: "On inventory days deliveries and service starts are late more often.",
                russianDescription: "В дни инвентаризации доставки и начало работ чаще опаздывают.",
                slot: .specialDay(.inventory), lateFactor: inventoryLateFactor),
            PlantedWeakness(
                id: "discount-hunters",
                englishDescription:
                    "About 12 % of customers buy mostly on discount: they come in sale weeks and rarely pay "
                    + "full price (sale weeks: 9–21 January, 1–8 March, 1–14 July, 10–16 September, Black Friday "
                    + "week). Their loyalty is spurious.",
                russianDescription:
                    "Около 12 % клиентов покупают в основном со скидкой: приходят в недели распродаж и редко платят "
                    + "полную цену (распродажи: 9–21 января, 1–8 марта, 1–14 июля, 10–16 сентября, неделя "
                    + "«чёрной пятницы»). Их лояльность ложная.",
                slot: .customerGroup("discount-hunters"), lateFactor: nil),
        ]
        return DemoGroundTruth(
            baselineLateRate: 0.06, weaknesses: weaknesses, discountHunterShare: 0.12,
            purchaseModel: .init(r: 0.9, alpha: 20, a: 0.5, b: 5),
            spendModel: .init(p: 6.25, q: 3.74, gamma: 15.44, rubMinorUnitsPerUnit: 10_000, eurMinorUnitsPerUnit: 120),
            failedPromiseEffect: .init(purchaseFactor: 0.7, dropoutFactor: 2),
            lateReplyEffect: .init(purchaseFactor: 0.8, dropoutFactor: 1.6))
    }
}
