import EarnedDomain

/// What the demo business sells — a chain of specialty-coffee shops with a repair desk and its
/// own couriers — in Russian for the Russian locations and English for Berlin, by price band.
enum DemoCatalog {
    /// Price bands in model units of list price (see `DemoGroundTruth.SpendModel`).
    static func band(listPrice units: Double) -> Int {
        switch units {
        case ..<20: 0
        case 20..<60: 1
        case 60..<150: 2
        default: 3
        }
    }

    /// The chance that an order of a band is delivered by courier rather than taken away.
    static let deliveryShare: [Double] = [0.08, 0.16, 0.45, 0.75]
    /// The chance that an order is for the repair desk (a service start is promised).
    static let serviceShare = 0.11

    static let russianGoods: [[String]] = [
        [
            "Кофе в зёрнах, Эфиопия Иргачефф, 250 г", "Кофе в зёрнах, Бразилия Сантос, 250 г",
            "Кофе в зёрнах, Колумбия Супремо, 1 кг", "Эспрессо-смесь «Утро», 1 кг", "Чай улун, 100 г",
            "Фильтры для пуровера, 100 шт.", "Сироп ванильный, 1 л", "Капсулы, 50 шт.",
        ],
        [
            "Ручная кофемолка", "Френч-пресс 1 л", "Пуровер V60 с фильтрами", "Гейзерная кофеварка",
            "Подарочный набор «Три континента»", "Турка медная", "Весы для заваривания",
        ],
        [
            "Электрическая кофемолка", "Капельная кофеварка", "Рожковая кофеварка для дома",
            "Чайник с носиком «гусиная шея»", "Набор бариста",
        ],
        [
            "Кофемашина автоматическая", "Кофемашина рожковая, 1 группа", "Профессиональная кофемолка",
            "Кофемашина рожковая, 2 группы",
        ],
    ]
    static let englishGoods: [[String]] = [
        [
            "Coffee beans, Ethiopia Yirgacheffe, 250 g", "Coffee beans, Brazil Santos, 250 g",
            "Coffee beans, Colombia Supremo, 1 kg", "Espresso blend \"Morning\", 1 kg", "Oolong tea, 100 g",
            "Pour-over filters, 100 pcs", "Vanilla syrup, 1 l", "Capsules, 50 pcs",
        ],
        [
            "Hand grinder", "French press 1 l", "V60 pour-over set", "Moka pot", "Gift set \"Three continents\"",
            "Brewing scale",
        ],
        ["Electric grinder", "Drip coffee maker", "Home espresso machine", "Gooseneck kettle", "Barista kit"],
        [
            "Bean-to-cup coffee machine", "Espresso machine, 1 group", "Professional grinder",
            "Espresso machine, 2 groups",
        ],
    ]
    static let russianServices = [
        "Чистка и декальцинация кофемашины", "Диагностика кофемашины", "Ремонт кофемолки", "Замена жерновов",
        "Профилактика рожковой кофемашины", "Замена уплотнителей группы",
    ]
    static let englishServices = [
        "Cleaning and descaling", "Coffee machine diagnostics", "Grinder repair", "Burr replacement",
        "Espresso machine maintenance", "Group gasket replacement",
    ]

    static let russianTags = [
        "VIP", "эспрессо", "фильтр-кофе", "кофемашина на гарантии", "бариста", "зерно по подписке", "чай",
        "подарки", "дегустации",
    ]
    static let englishTags = [
        "VIP", "espresso", "filter coffee", "machine under warranty", "barista", "bean subscription", "tea", "gifts",
        "tastings",
    ]
    static let russianCompanyTags = ["опт", "корпоративный клиент", "офис", "HoReCa"]
    static let englishCompanyTags = ["wholesale", "corporate", "office", "HoReCa"]

    static let russianNotes = [
        "Предпочитает звонок после 18:00.", "Просил не беспокоить по выходным.",
        "Интересуется новинками из Эфиопии и Кении.", "Кофемашина на гарантии, сервис только по записи.",
        "Берёт зерно для офиса, счёт на юрлицо.", "Была жалоба на доставку — заменили товар, клиент доволен.",
        "Любит светлую обжарку, предлагать фильтр-кофе.", "Пришёл по рекомендации друга.",
    ]
    static let englishNotes = [
        "Prefers a call after 6 pm.", "Asked not to be contacted at weekends.",
        "Interested in new Ethiopian and Kenyan lots.", "Machine under warranty; service by appointment only.",
        "Buys beans for the office; invoice to the company.",
        "Complained about a late delivery; we replaced the item and they were happy.",
        "Likes light roasts; offer filter coffee.", "Came on a friend's recommendation.",
    ]

    static let consentSources = [
        "бумажная анкета", "галочка на сайте", "сказал по телефону", "анкета карты лояльности", "в магазине",
    ]
    static let withdrawalSources = ["ссылка «отписаться»", "попросил по телефону", "попросил в магазине"]

    static let russianMailDomains = ["mail.ru", "yandex.ru", "gmail.com", "bk.ru", "list.ru", "inbox.ru", "rambler.ru"]
    static let germanMailDomains = ["gmail.com", "gmx.de", "web.de", "posteo.de", "outlook.com", "t-online.de"]
}
