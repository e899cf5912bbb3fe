import EarnedDomain

/// The words of the demo's service history — what staff promised, what customers asked or
/// complained about, what was done — in Russian for the Russian shops and English for Berlin.
enum DemoServiceCatalog {
    /// One list of phrasings per language.
    struct Phrases: Sendable {
        var ru: [String]
        var en: [String]

        func list(_ language: String) -> [String] { language == "ru" ? ru : en }
    }

    /// One phrase per language.
    struct Phrase: Sendable {
        var ru: String
        var en: String

        func text(_ language: String) -> String { language == "ru" ? ru : en }
    }

    // MARK: After-sale

    static let goodsProblems = Phrases(
        ru: [
            "Кофемолка мелет неравномерно", "В комплекте не хватает детали", "Упаковка повреждена при доставке",
            "Кофемашина подтекает", "Не получается настроить помол", "Зерно не той обжарки, что заказывали",
        ],
        en: [
            "The grinder grinds unevenly", "A part is missing from the box", "The box was damaged in delivery",
            "The machine is leaking", "Cannot get the grind setting right", "The beans are not the roast ordered",
        ])
    static let serviceProblems = Phrases(
        ru: [
            "После чистки кофемашина снова подтекает", "Не включается после ремонта", "Шумит помпа после обслуживания",
        ],
        en: [
            "Leaking again after the descaling", "Does not switch on after the repair",
            "The pump is noisy after service",
        ])
    static let followUpNotes = Phrases(
        ru: ["Просил перезвонить вечером", "Доволен, собирается взять зерно", "Подсказали настройки помола"],
        en: ["Asked to be called in the evening", "Happy; will come back for beans", "Explained the grind settings"])

    static let reached = Phrase(ru: "Дозвонились / встретились", en: "Reached the customer")
    static let satisfied = Phrase(ru: "Клиент доволен", en: "Customer satisfied")
    static let referralAsked = Phrase(ru: "Попросили рекомендовать нас", en: "Asked for a referral")
    static let problemFound = Phrase(ru: "Проблема (откроет обращение)", en: "Problem found (opens a case)")
    static let missed = Phrase(ru: "Пропущено: не связались вовремя", en: "Missed: not contacted in time")
    static let overBudget = Phrase(
        ru: "Не беспокоили: исчерпан лимит касаний", en: "Not contacted: the contact-fatigue budget was used up")
    /// The scheduler's own words for a step without a consented channel.
    static let noConsent = "no consent to contact"
    static let sent = Phrase(ru: "Отправлено", en: "Sent")
    static let toldFirst = Phrase(ru: "Предупредили клиента", en: "Customer told")
    static let theyCameFirst = Phrase(ru: "Клиент обратился к нам первым", en: "The customer contacted us first")

    // MARK: Promises

    static let callbacks = Phrases(
        ru: [
            "Перезвоню с ответом по наличию", "Перезвоню, когда придёт новый лот зерна",
            "Перезвоню с результатом диагностики", "Уточню у поставщика и перезвоню",
        ],
        en: [
            "Will call back about availability", "Will call when the new lot arrives",
            "Will call back with the diagnosis", "Will check with the supplier and call back",
        ])
    static let meetings = Phrases(
        ru: [
            "Встреча в магазине: подбор кофемашины", "Дегустация нового лота для офиса", "Обучение бариста на месте",
            "Показ рожковой кофемашины",
        ],
        en: [
            "Meeting in the shop: choosing a machine", "Tasting of the new lot for the office",
            "On-site barista training",
            "Espresso machine demo",
        ])
    static let quotes = Phrases(
        ru: [
            "Коммерческое предложение на зерно для офиса", "Счёт на кофемашину для юрлица",
            "Расчёт стоимости обслуживания кофемашин", "КП на поставку капсул",
        ],
        en: [
            "Quote for office coffee beans", "Invoice for a machine for the company", "Quote for machine maintenance",
            "Quote for capsule supply",
        ])
    static let otherPromises = Phrases(
        ru: [
            "Отложить пачку нового лота", "Прислать инструкцию по декальцинации", "Подобрать фильтры под кофеварку",
            "Забронировать место на дегустации",
        ],
        en: [
            "Keep a bag of the new lot aside", "Send the descaling instructions", "Find filters for the coffee maker",
            "Book a seat at the tasting",
        ])
    static let casePromise = Phrase(ru: "По обращению: ", en: "For the case: ")
    static let brokenReasons = Phrases(
        ru: ["Забыл перезвонить", "Сотрудник заболел", "Поставщик не привёз", "Не успели до закрытия"],
        en: ["Forgot to call back", "Fell ill", "The supplier did not deliver", "Ran out of time before closing"])
    static let renegotiationNotes = Phrases(
        ru: ["Задержка у поставщика", "Курьер задерживается", "Нужна дополнительная деталь"],
        en: ["The supplier is late", "The courier is running late", "An extra part is needed"])

    // MARK: Contacts

    static let orderQuestions = Phrases(
        ru: [
            "Как настроить помол?", "Вопрос по гарантии", "Можно ли поменять время доставки?", "Нужен счёт на юрлицо",
            "Как ухаживать за кофемашиной?", "Уточнить состав набора",
        ],
        en: [
            "How to set the grind?", "A warranty question", "Can the delivery time be changed?",
            "Need an invoice for the company", "How to look after the machine?", "What is in the set?",
        ])
    static let whereIsMyOrder = Phrases(
        ru: ["Где мой заказ?", "Курьер опаздывает", "Доставка не пришла вовремя"],
        en: ["Where is my order?", "The courier is late", "The delivery did not come on time"])
    static let generalQuestions = Phrases(
        ru: [
            "Есть ли в наличии зерно из Кении?", "Хочу записаться на дегустацию", "Работаете ли вы в праздники?",
            "Можно ли оформить зерно по подписке?", "Подскажите кофемашину для офиса",
            "Сколько стоит чистка кофемашины?",
        ],
        en: [
            "Do you have Kenyan beans?", "I would like to book a tasting", "Are you open on holidays?",
            "Can I subscribe to beans?", "Which machine for an office?", "How much is a descaling?",
        ])
    static let complaints = Phrases(
        ru: [
            "Кофемолка сломалась через неделю", "Привезли не тот товар", "Грубо ответили по телефону",
            "Недовес зерна в пачке", "Кофемашина после ремонта снова течёт", "Списали деньги дважды",
        ],
        en: [
            "The grinder broke after a week", "Delivered the wrong item", "Rude answer on the phone",
            "The bag was underweight", "The machine leaks again after the repair", "Charged twice",
        ])
    static let goodReviews = Phrases(
        ru: [
            "Отзыв: отличный сервис, помогли с выбором", "Отзыв: быстро починили кофемашину",
            "Отзыв: вкусное зерно и приветливые бариста",
        ],
        en: [
            "Review: great service, helped me choose", "Review: fixed my machine quickly",
            "Review: lovely beans and friendly baristas",
        ])
    static let badReviews = Phrases(
        ru: ["Отзыв: долго ждал доставку", "Отзыв: никто не перезвонил", "Отзыв: продали не ту кофемолку"],
        en: ["Review: waited ages for the delivery", "Review: nobody called back", "Review: sold me the wrong grinder"])
    static let strangerCalls = Phrases(
        ru: [
            "Звонок: есть ли вакансии бариста?", "Звонок: предложение о сотрудничестве", "Звонок: как к вам проехать?",
            "Звонок: принимаете ли вы кофемашины в ремонт?",
        ],
        en: [
            "Call: any barista vacancies?", "Call: a partnership offer", "Call: how do I find you?",
            "Call: do you repair machines?",
        ])

    // MARK: Cases

    static let transferReasons = Phrases(
        ru: ["Сотрудник ушёл в отпуск", "Клиент попросил руководителя", "Сотрудник перешёл в другую смену"],
        en: ["Went on holiday", "The customer asked for the manager", "Moved to the other shift"])
    static let reopenReasons = Phrases(
        ru: ["Проблема вернулась через неделю", "Клиент говорит, что не исправлено", "Снова то же самое"],
        en: ["It came back a week later", "The customer says it is not fixed", "The same again"])
    static let actionNotes: [CorrectiveAction.Kind: Phrase] = [
        .replace: Phrase(ru: "Заменили товар", en: "Replaced the item"),
        .repair: Phrase(ru: "Отремонтировали за наш счёт", en: "Repaired at our cost"),
        .refund: Phrase(ru: "Вернули часть суммы", en: "Refunded part of the price"),
        .explain: Phrase(ru: "Объяснили и показали настройку", en: "Explained and showed the setting"),
        .apologise: Phrase(ru: "Извинились лично", en: "Apologised in person"),
        .other: Phrase(ru: "Подарили пачку зерна", en: "Gave a bag of beans"),
    ]
}
