import EarnedDomain
import Foundation

/// The words of suggested duplicates: second cards of one person, proposed for merging.
extension Strings {
    var duplicatesTitle: String { t("Возможные дубли", "Possible duplicates") }
    func duplicatePairs(_ n: Int) -> String { count(n, ru: "пара", "пары", "пар", en: "pair", "pairs") }
    var duplicatesLink: String { t("Возможные дубли", "Possible duplicates") }
    var duplicatesHint: String {
        t(
            "Две карточки предлагаются, когда у них общий телефон или почта, один и тот же код карты или одинаковое имя вместе с днём рождения или городом. Объединение переносит заказы и историю к оставшейся карточке.",
            "Two cards are proposed when they share a phone or an e-mail, the same card number, or the same name with a birthday or a city. Merging moves the orders and history to the card that stays."
        )
    }
    var noDuplicates: String {
        t(
            "Возможных дублей нет. Они появятся здесь, когда у двух карточек совпадёт телефон, почта, код карты или имя с днём рождения или городом — например, после импорта.",
            "No possible duplicates. They appear here when two cards share a phone, an e-mail, a card number, or a name with a birthday or a city — after an import, for example."
        )
    }
    func duplicateReason(_ reason: DuplicateRule.Reason) -> String {
        switch reason {
        case .phone: t("один телефон", "same phone")
        case .email: t("одна почта", "same e-mail")
        case .externalID: t("один код карты", "same card number")
        case .nameAndBirthday: t("имя и день рождения", "name and birthday")
        case .nameAndCity: t("имя и город", "name and city")
        }
    }
    var cardOrders: String { t("Заказов", "Orders") }
    var cardCreated: String { t("Карточка создана", "Card created") }
    func keepCard(_ name: String) -> String { t("Объединить, оставить «\(name)»", "Merge, keep “\(name)”") }
    var notSamePerson: String { t("Это разные люди", "Not the same person") }
    var customerDuplicatesHint: String {
        t("Похожие карточки — проверьте и объедините:", "Similar cards — check them and merge:")
    }
    var allDuplicates: String { t("Все возможные дубли →", "All possible duplicates →") }
}
