import EarnedDomain

/// Name pools and transliteration for the demo generator: Russian, English and German people,
/// Russian and Western company names.
enum DemoNames {
    enum Origin: Sendable {
        case russian
        case english
        case german
    }

    static let russianMale = [
        "Александр", "Алексей", "Андрей", "Антон", "Артём", "Борис", "Вадим", "Василий", "Виктор", "Владимир",
        "Глеб", "Григорий", "Даниил", "Денис", "Дмитрий", "Евгений", "Егор", "Иван", "Игорь", "Илья", "Кирилл",
        "Константин", "Максим", "Михаил", "Никита", "Николай", "Олег", "Павел", "Роман", "Сергей", "Степан",
        "Тимофей", "Фёдор", "Юрий", "Ярослав",
    ]
    static let russianFemale = [
        "Александра", "Алина", "Алёна", "Анастасия", "Анна", "Валентина", "Валерия", "Вера", "Виктория",
        "Галина", "Дарья", "Евгения", "Екатерина", "Елена", "Елизавета", "Ирина", "Карина", "Ксения", "Любовь",
        "Людмила", "Маргарита", "Марина", "Мария", "Надежда", "Наталья", "Ольга", "Полина", "Светлана",
        "Софья", "Татьяна", "Ульяна", "Юлия",
    ]
    /// Fathers' names with the son's and the daughter's patronymic.
    static let russianPatronymics: [(male: String, female: String)] = [
        ("Александрович", "Александровна"), ("Алексеевич", "Алексеевна"), ("Андреевич", "Андреевна"),
        ("Викторович", "Викторовна"), ("Владимирович", "Владимировна"), ("Дмитриевич", "Дмитриевна"),
        ("Евгеньевич", "Евгеньевна"), ("Иванович", "Ивановна"), ("Игоревич", "Игоревна"),
        ("Михайлович", "Михайловна"), ("Николаевич", "Николаевна"), ("Олегович", "Олеговна"),
        ("Павлович", "Павловна"), ("Сергеевич", "Сергеевна"), ("Юрьевич", "Юрьевна"),
    ]
    /// Surnames in the masculine form; `russianSurname(_:female:)` gives the feminine.
    static let russianSurnames = [
        "Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров", "Соколов", "Михайлов", "Новиков",
        "Фёдоров", "Морозов", "Волков", "Алексеев", "Лебедев", "Семёнов", "Егоров", "Павлов", "Козлов",
        "Степанов", "Николаев", "Орлов", "Андреев", "Макаров", "Никитин", "Захаров", "Зайцев", "Соловьёв",
        "Борисов", "Яковлев", "Григорьев", "Романов", "Воробьёв", "Сергеев", "Кузьмин", "Фролов", "Александров",
        "Дмитриев", "Королёв", "Гусев", "Киселёв", "Ильин", "Максимов", "Поляков", "Сорокин", "Виноградов",
        "Ковалёв", "Белов", "Медведев", "Антонов", "Тарасов", "Жуков", "Баранов", "Филиппов", "Комаров",
        "Давыдов", "Беляев", "Герасимов", "Богданов", "Осипов", "Сидоров", "Матвеев", "Титов", "Марков",
        "Миронов", "Крылов", "Куликов", "Карпов", "Власов", "Мельников", "Денисов", "Гаврилов", "Тихонов",
        "Казаков", "Афанасьев", "Данилов", "Савельев", "Тимофеев", "Фомин", "Чернов", "Абрамов", "Мартынов",
        "Ефимов", "Федотов", "Щербаков", "Назаров", "Калинин", "Исаев", "Чернышёв", "Быков", "Маслов",
        "Родионов", "Коновалов", "Лазарев", "Воронин", "Климов", "Филатов", "Пономарёв", "Голубев",
        "Кудрявцев", "Прохоров", "Наумов", "Потапов", "Журавлёв", "Овчинников", "Трофимов", "Леонов",
        "Соболев", "Ермаков", "Колесников", "Гончаров", "Емельянов", "Никифоров", "Грачёв", "Котов",
        "Гришин", "Ефремов", "Архипов", "Громов", "Кириллов", "Малышев", "Панов", "Моисеев", "Румянцев",
        "Акимов", "Кондратьев", "Бирюков", "Горбунов", "Анисимов", "Еремин", "Тихомиров", "Галкин", "Лукьянов",
        "Михеев", "Скворцов", "Юдин", "Белоусов", "Нестеров", "Симонов", "Прокофьев", "Харитонов", "Князев",
        "Цветков", "Левин", "Митрофанов", "Воронцов", "Заречный", "Островский", "Шевчук", "Бондаренко",
        "Ткаченко", "Кравец", "Мельник", "Лысенко", "Высоцкий", "Вишневский",
    ]

    static let englishMale = [
        "James", "John", "Robert", "Michael", "William", "David", "Richard", "Joseph", "Thomas", "Charles",
        "Daniel", "Matthew", "Anthony", "Mark", "Steven", "Andrew", "Paul", "Joshua", "Kevin", "Brian",
        "George", "Edward", "Oliver", "Harry", "Jack", "Samuel", "Benjamin", "Henry", "Leo", "Noah",
    ]
    static let englishFemale = [
        "Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen",
        "Emily", "Emma", "Olivia", "Sophie", "Charlotte", "Amelia", "Grace", "Hannah", "Lucy", "Chloe",
        "Alice", "Rachel", "Laura", "Rebecca", "Katherine", "Megan", "Isla", "Ella", "Ruby", "Zoe",
    ]
    static let englishSurnames = [
        "Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis", "Wilson", "Anderson", "Taylor",
        "Thomas", "Moore", "Martin", "Jackson", "Thompson", "White", "Harris", "Clark", "Lewis", "Robinson",
        "Walker", "Young", "Allen", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill",
        "Campbell", "Mitchell", "Roberts", "Carter", "Phillips", "Evans", "Turner", "Parker", "Collins",
        "Edwards", "Stewart", "Morris", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed",
        "Bailey", "Bell", "Kelly", "Howard", "Ward", "Cox", "Richardson", "Wood", "Watson", "Brooks", "Bennett",
        "Gray", "Hughes", "Price", "Sanders", "Myers", "Long", "Ross", "Foster", "Clarke", "Fletcher",
    ]

    static let germanMale = [
        "Lukas", "Jonas", "Leon", "Felix", "Paul", "Maximilian", "Elias", "Ben", "Finn", "Julian", "Tobias",
        "Florian", "Sebastian", "Jan", "Moritz", "Niklas", "Philipp", "Stefan", "Markus", "Matthias",
    ]
    static let germanFemale = [
        "Anna", "Lena", "Leonie", "Lea", "Laura", "Marie", "Julia", "Sophie", "Katharina", "Johanna",
        "Hannah", "Clara", "Lisa", "Sarah", "Miriam", "Franziska", "Sabine", "Stefanie", "Jana", "Greta",
    ]
    static let germanSurnames = [
        "Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Schulz", "Hoffmann",
        "Schäfer", "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann",
        "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Schmitz", "Krause", "Meier",
        "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer", "Huber",
    ]

    static let russianCompanyBases = [
        "Ромашка", "Вектор", "Альянс", "Меридиан", "Зерно", "Кофейный дом", "Бодрое утро", "Лира", "Северная звезда",
        "Уральские зёрна", "Ясный день", "Парус", "Гранит", "Колибри", "Старый город", "Арабика", "Пятый элемент",
        "Добрый вкус", "Малахит", "Исеть", "Тверской двор", "Кедр", "Горизонт", "Полдень", "Перспектива",
        "Бариста Про", "Уют", "Самовар", "Созвездие", "Феникс",
    ]
    static let russianCompanySuffixes = [
        "", "", "", " Плюс", " Сервис", " Групп", " Трейд", "-М", " Урал", " и партнёры",
    ]
    static let russianCompanyForms = ["ООО", "ООО", "ООО", "АО", "ИП"]

    static let westernCompanyBases = [
        "Kiezkaffee", "Bean There", "Morning Roast", "Spreeblick", "Kastanie", "Golden Crema", "Urban Grind",
        "Prenzlberg Bakery", "Mauerpark Deli", "Tempelhof Office", "Rosenthal Studio", "Berlin Brew",
        "Nordlicht", "Blue Cup", "Eastside Catering", "Hafen Bistro", "Lindenblatt", "Copper Kettle",
        "Brunnen Coworking", "Pankow Books",
    ]
    static let westernCompanyForms = ["GmbH", "GmbH", "UG", "GbR", "Ltd", "e.K."]

    /// The feminine form of a Russian surname given in the masculine.
    static func russianSurname(_ surname: String, female: Bool) -> String {
        guard female else { return surname }
        for (male, fem) in [("ский", "ская"), ("цкий", "цкая"), ("ой", "ая")] where surname.hasSuffix(male) {
            return String(surname.dropLast(male.count)) + fem
        }
        for ending in ["ов", "ев", "ёв", "ин", "ын"] where surname.hasSuffix(ending) {
            return surname + "а"
        }
        return surname
    }

    private static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
        "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
        "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
        "э": "e", "ю": "yu", "я": "ya", "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "é": "e",
    ]

    /// Lower-case Latin letters and digits for an e-mail address or a handle: Cyrillic
    /// transliterated (close to the passport rules), German umlauts spelled out, anything else
    /// dropped; runs of other characters become `separator`.
    static func latin(_ text: String, separator: String = "") -> String {
        var result = ""
        var pendingSeparator = false
        for character in text.lowercased() {
            if let mapped = cyrillic[character] {
                if pendingSeparator, !result.isEmpty { result += separator }
                pendingSeparator = false
                result += mapped
            } else if character.isASCII, character.isLetter || character.isNumber {
                if pendingSeparator, !result.isEmpty { result += separator }
                pendingSeparator = false
                result.append(character)
            } else {
                pendingSeparator = true
            }
        }
        return result
    }
}
