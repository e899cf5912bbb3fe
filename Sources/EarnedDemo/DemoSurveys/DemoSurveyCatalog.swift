import EarnedDomain

/// The words customers leave in the demo's surveys, in Russian and English: praise, mild
/// wishes, and complaints that match what went wrong.
enum DemoSurveyCatalog {
    typealias Phrases = DemoServiceCatalog.Phrases

    static let praise = Phrases(
        ru: [
            "Всё отлично, спасибо!", "Очень вкусный кофе и приветливые бариста", "Быстро и вежливо, так держать",
            "Помогли подобрать зерно под мою кофемашину", "Буду рекомендовать вас друзьям",
            "Спасибо, что всё объяснили по настройке помола",
        ],
        en: [
            "All good, thank you!", "Great coffee and friendly baristas", "Quick and polite, keep it up",
            "Helped me pick beans for my machine", "Will recommend you to my friends",
            "Thanks for explaining the grind settings",
        ])
    static let wishes = Phrases(
        ru: [
            "В целом нормально", "Хотелось бы больше выбора зерна", "Было бы удобно оплачивать онлайн",
            "Цены немного кусаются", "Хорошо бы присылать напоминание о доставке",
        ],
        en: [
            "Fine overall", "I would like a wider choice of beans", "Paying online would be handy",
            "A bit pricey", "A reminder before the delivery would help",
        ])
    static let complaints = Phrases(
        ru: ["Персонал был неприветлив", "Качество не соответствует цене", "Ожидал большего"],
        en: ["The staff were unfriendly", "Not worth the price", "I expected more"])
    static let lateComplaints = Phrases(
        ru: [
            "Курьер опоздал и не предупредил", "Доставку перенесли без звонка",
            "Пришлось ждать мастера дольше обещанного",
        ],
        en: [
            "The courier was late and did not call", "The delivery was moved without a call",
            "The technician came later than promised",
        ])
    static let slowComplaints = Phrases(
        ru: ["Долго ждал ответа", "Пришлось писать несколько раз", "Ответили только на следующий день"],
        en: ["I waited a long time for a reply", "I had to write several times", "The reply only came the next day"])
    static let caseComplaints = Phrases(
        ru: ["Проблему решали слишком долго", "Пришлось всё объяснять заново", "Проблема вернулась"],
        en: ["It took far too long to fix", "I had to explain everything again", "The problem came back"])
}
