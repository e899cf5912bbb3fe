extension GreetingTemplate {
    /// The built-in templates, one per kind of occasion and language: warm, short, and without
    /// offers or discounts — loyalty is earned with service, not bought. Put an owner's own
    /// templates after these: the planner takes the last template for an occasion and language.
    public static let defaults: [GreetingTemplate] = [
        GreetingTemplate(
            occasion: .birthday, language: "ru",
            text: "{first_name}, с днём рождения! Желаем здоровья, радости и тёплых встреч. Спасибо, что вы с нами."),
        GreetingTemplate(
            occasion: .birthday, language: "en",
            text: "Happy birthday, {first_name}! Wishing you health, joy and a wonderful year ahead. "
                + "Thank you for being with us."),
        GreetingTemplate(
            occasion: .anniversary, language: "ru",
            text: "{first_name}, поздравляем вас с памятной датой — {label}! Желаем счастья, тепла и много радостных "
                + "дней. Спасибо, что вы с нами."),
        GreetingTemplate(
            occasion: .anniversary, language: "en",
            text: "{first_name}, congratulations on a day to remember — {label}! Wishing you happiness and many "
                + "more happy years. Thank you for being with us."),
        GreetingTemplate(
            occasion: .otherDate, language: "ru",
            text: "{first_name}, сегодня у вас праздник — {label}! Поздравляем от всей души и желаем радости и удачи."),
        GreetingTemplate(
            occasion: .otherDate, language: "en",
            text: "{first_name}, today is your day — {label}! Warm congratulations and best wishes from all of us."),
        GreetingTemplate(
            occasion: .purchaseAnniversary, language: "ru",
            text: "{first_name}, вы с нами уже {years}! Спасибо за доверие — мы очень его ценим и всегда рады вам."),
        GreetingTemplate(
            occasion: .purchaseAnniversary, language: "en",
            text: "{first_name}, you have been with us for {years} now! Thank you for your trust — "
                + "it means a lot to us, and we are always glad to see you."),
        GreetingTemplate(
            occasion: .holiday, language: "ru",
            text: "{first_name}, поздравляем вас с праздником — {holiday}! Желаем тепла и хорошего настроения."),
        GreetingTemplate(
            occasion: .holiday, language: "en",
            text: "{first_name}, happy {holiday}! Warm wishes from all of us — have a lovely day."),
    ]
}
