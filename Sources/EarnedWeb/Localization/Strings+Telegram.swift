import EarnedDomain
import Foundation

/// The words of the Telegram settings page, the start links and the webhook.
extension Strings {
    var telegramTitle: String { "Telegram" }
    var telegramHint: String {
        t(
            "Бот вашей компании в Telegram: клиенты пишут ему, их сообщения становятся обращениями, а ответы, поздравления и ссылки на опросы уходят им в тот же чат. Создайте бота у @BotFather (команда /newbot) и вставьте сюда его токен.",
            "Your business's bot in Telegram: customers write to it, their messages become contacts, and replies, greetings and survey links go back to the same chat. Create a bot with @BotFather (the /newbot command) and paste its token here."
        )
    }
    var telegramToken: String { t("Токен бота", "The bot's token") }
    var telegramTokenKept: String {
        t(
            "Токен сохранён в зашифрованном виде и не показывается. Оставьте поле пустым, чтобы не менять его.",
            "The token is stored encrypted and never shown. Leave the field empty to keep it.")
    }
    var telegramMode: String { t("Как получать сообщения", "How messages arrive") }
    func telegramModeName(_ mode: TelegramSettings.Mode) -> String {
        switch mode {
        case .polling:
            t(
                "Earned сам спрашивает Telegram раз в минуту (подходит всегда)",
                "Earned asks Telegram once a minute (always works)")
        case .webhook:
            t(
                "Telegram сам присылает их на адрес сайта (нужен https)",
                "Telegram sends them to this site (needs https)")
        }
    }
    var telegramSave: String { t("Сохранить и проверить", "Save and check") }
    var telegramRemove: String { t("Отключить бота", "Disconnect the bot") }
    var telegramRemoved: String { t("Бот отключён.", "The bot is disconnected.") }
    var telegramNotSetUp: String { t("Бот ещё не подключён.", "No bot is connected yet.") }
    var telegramNoKey: String {
        t(
            "На этом сервере нет ключа для шифрования токена (EARNED_SECRET_KEY): токен сохранить нельзя.",
            "This server has no key to encrypt the token with (EARNED_SECRET_KEY): the token cannot be stored.")
    }
    func telegramConnected(_ username: String) -> String {
        t("Готово: подключён бот @\(username).", "Done: the bot @\(username) is connected.")
    }
    func telegramBot(_ username: String, name: String) -> String {
        t("Бот: \(name) (@\(username))", "Bot: \(name) (@\(username))")
    }
    var telegramLinkHint: String {
        t(
            "Дайте клиенту личную ссылку со страницы клиента (кнопка «Ссылка на Telegram»): нажав «Старт», он соглашается на сообщения в Telegram, и бот знает, кто это. Без личной ссылки сообщения приходят как обращения без клиента.",
            "Give a customer their own link from the customer's page (the \"Telegram link\" button): pressing Start gives consent to messages in Telegram and tells the bot who they are. Without a personal link, messages arrive as contacts without a customer."
        )
    }
    func telegramRead(_ when: String) -> String {
        t("Последний опрос Telegram: \(when).", "Last asked Telegram: \(when).")
    }
    var telegramLinkTitle: String { t("Ссылка на Telegram", "Telegram link") }
    var telegramLinkButton: String { t("Ссылка на Telegram", "Telegram link") }
    func telegramLinkFor(_ name: String) -> String {
        t(
            "Личная ссылка для клиента «\(name)». Отправьте её по SMS или распечатайте на чеке: открыв её и нажав «Старт», клиент соглашается на сообщения в Telegram. Ссылка работает один раз в течение 30 дней.",
            "A personal link for \(name). Send it by SMS or print it on the receipt: opening it and pressing Start gives consent to messages in Telegram. It works once, within 30 days."
        )
    }
    var telegramStaffLinkTitle: String { t("Уведомления в Telegram", "Notices in Telegram") }
    var telegramStaffLinkHint: String {
        t(
            "Откройте ссылку на своём телефоне и нажмите «Старт»: уведомления будут приходить и в Telegram. Ссылка работает один раз в течение суток.",
            "Open the link on your phone and press Start: your notices will come to Telegram too. The link works once, within a day."
        )
    }
    var telegramStaffConnect: String { t("Подключить Telegram", "Connect Telegram") }
    var telegramStaffConnected: String {
        t("Telegram подключён: уведомления приходят и туда.", "Telegram is connected: notices go there too.")
    }
    var telegramSurveyInvite: String {
        t("Есть вопрос? Напишите нам в Telegram", "A question? Write to us in Telegram")
    }
    func telegramCustomerConnected(_ label: String, since: String) -> String {
        t("Telegram: \(label), пишет боту с \(since).", "Telegram: \(label), started the bot on \(since).")
    }
    var telegramLinkButtonHint: String {
        t(
            "личная ссылка на бота: клиент открывает её и соглашается на сообщения в Telegram",
            "a personal link to the bot: the customer opens it and agrees to messages in Telegram")
    }
}

/// The words of a resolved case's "is it solved?" page.
extension Strings {
    var caseConfirmTitle: String { t("Проблема решена?", "Is your problem solved?") }
    var caseConfirmSolved: String { t("Да, всё в порядке", "Yes, it is solved") }
    var caseConfirmWhat: String { t("Что ещё не так? (необязательно)", "What is still wrong? (optional)") }
    var caseConfirmNotYet: String { t("Нет, ещё не решена", "No, not yet") }
    var caseConfirmThanks: String {
        t("Спасибо! Мы рады, что всё в порядке.", "Thank you! We are glad it is solved.")
    }
    var caseConfirmReopened: String {
        t(
            "Спасибо, что сказали. Мы снова занимаемся вашей проблемой и свяжемся с вами.",
            "Thank you for telling us. We are working on it again and will be in touch.")
    }
    var caseConfirmMovedOn: String {
        t(
            "Мы уже снова занимаемся этой проблемой; ответ по ссылке больше не нужен.",
            "We are already working on this again; the link needs no answer now.")
    }
    var caseConfirmInvalid: String {
        t(
            "Ссылка не работает: она устарела или неверна.",
            "This link does not work: it has expired or is wrong.")
    }
}
