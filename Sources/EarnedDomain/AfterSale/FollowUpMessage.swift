import Foundation

/// The words of a follow-up sent as a message (SMS, messenger, e-mail) rather than a call: a
/// question, not an offer — how is the purchase, and a way to say something is wrong.
public enum FollowUpMessage {
    public static func text(for customer: Customer, days: Int) -> String {
        let name = GreetingContext(name: customer.name, kind: customer.kind).firstName
        if customer.language == "ru" {
            return
                "\(name), добрый день! Прошло \(days) \(RussianPlural.form(days, one: "день", few: "дня", many: "дней")) после покупки — "
                + "всё ли в порядке? Если что-то не так, просто ответьте на это сообщение: мы разберёмся."
        }
        return "Hello \(name)! It has been \(days) \(days == 1 ? "day" : "days") since your purchase — is everything "
            + "all right? If anything is wrong, just reply to this message and we will sort it out."
    }
}
