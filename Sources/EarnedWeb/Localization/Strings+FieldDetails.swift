import Foundation

/// The extra words of field errors (`FieldError.detail`, written in English by the domain) in
/// Russian, so a Russian form or import report does not switch language halfway through a
/// sentence. A detail not listed here (a value quoted from the input) is shown as written.
extension Strings {
    func fieldDetail(_ detail: String) -> String {
        guard lang == .ru else { return detail }
        if let russian = Self.russianDetails[detail] { return russian }
        // "1 to 12", "1 to 365 days", "minute 0 to 1439 of the day"
        if let match = detail.wholeMatch(of: /(minute )?(\d+) to (\d+)( days| of the day)?/) {
            let range = "от \(match.2) до \(match.3)"
            switch (match.1, match.4) {
            case (.some, _): return "минута дня " + range
            case (nil, .some(" days")): return range + " дней"
            default: return range
            }
        }
        if let match = detail.wholeMatch(of: /at most (\d+) holidays/) { return "не больше \(match.1) праздников" }
        return detail
    }

    static let russianDetails: [String: String] = [
        "0 or more": "0 или больше",
        "0 seconds or more": "0 секунд или больше",
        "YYYY-MM-DD or --MM-DD": "ГГГГ-ММ-ДД или --ММ-ДД",
        "YYYY-MM-DD": "ГГГГ-ММ-ДД",
        "a birthday cannot be in the future": "день рождения не может быть в будущем",
        "a code such as RUB": "код валюты, например RUB",
        "a customer id": "код клиента",
        "a customer cannot refer themselves": "клиент не может рекомендовать сам себя",
        "a day that exists in every year": "день, который есть в каждом году",
        "a department or a person": "отдел или человек",
        "a phone number such as +7 916 123-45-67": "номер телефона, например +7 916 123-45-67",
        "an IANA time zone such as Europe/Moscow": "часовой пояс IANA, например Europe/Moscow",
        "an http or https address": "адрес http или https",
        "another birthday": "другой день рождения",
        "another holiday": "другой праздник",
        "ask for a referral only when the customer is satisfied":
            "просить рекомендацию можно, только если клиент доволен",
        "at most 30 tags": "не больше 30 меток",
        "at most 6 follow-ups": "не больше 6 касаний после покупки",
        "at most 72 bytes; a Cyrillic letter takes 2": "не больше 72 байт; русская буква занимает 2",
        "at most one day in the past": "не раньше чем на день в прошлом",
        "at most two years ahead": "не дальше чем на два года вперёд",
        "at most two years before the incident was found": "не раньше чем за два года до обнаружения инцидента",
        "before the contact was received": "раньше, чем обращение поступило",
        "before the contact was resolved": "раньше, чем обращение решено",
        "before the last wait ended": "раньше, чем закончилось последнее ожидание",
        "before the wait started": "раньше, чем началось ожидание",
        "belongs to another customer": "относится к другому клиенту",
        "comma or excel": "comma (запятые) или excel (точка с запятой)",
        "cannot be after the incident was found": "не может быть позже, чем инцидент обнаружен",
        "cannot be after the resolution": "не может быть позже решения",
        "cannot be before scope.from": "не может быть раньше начала периода",
        "cannot be before the case's latest event": "не может быть раньше последнего события по обращению",
        "cannot be before the contact was received": "не может быть раньше, чем обращение поступило",
        "cannot be before the current wait on the customer began":
            "не может быть раньше, чем началось текущее ожидание клиента",
        "cannot be before the incident was found": "не может быть раньше, чем инцидент обнаружен",
        "cannot be before the order was placed": "не может быть раньше заказа",
        "cannot be before the previous renegotiation": "не может быть раньше предыдущего переноса",
        "cannot be before the promise was made": "не может быть раньше, чем дано обещание",
        "cannot be in the future": "не может быть в будущем",
        "cannot be shorter than the first-response target": "не может быть короче срока первого ответа",
        "done, skipped": "выполнено, пропущено",
        "is already the case's owner": "уже отвечает за это обращение",
        "lower-case Latin letters, digits and hyphens": "строчные латинские буквы, цифры и дефисы",
        "more than 0 seconds": "больше 0 секунд",
        "more than 0": "больше 0",
        "more than 0, at most 1": "больше 0 и не больше 1",
        "must differ from the current due time": "должен отличаться от текущего срока",
        "name@example.com": "name@example.com",
        "offsets must be in ascending order": "сдвиги должны идти по возрастанию",
        "only a customer who was reached can raise a problem":
            "о проблеме может сказать только клиент, до которого дозвонились",
        "only a customer who was reached can say": "ответить может только клиент, до которого дозвонились",
        "ownership changes only by a transfer with a reason": "ответственный меняется только передачей с причиной",
        "periods overlap": "периоды пересекаются",
        "renegotiate to move the due time": "чтобы сдвинуть срок, договоритесь о переносе",
        "start and end are minutes 0–1440 and differ": "начало и конец — минуты дня от 0 до 1440, и они разные",
        "text without control characters such as NUL": "текст без управляющих символов (например, NUL)",
        "the case is already with this department and person": "обращение уже у этого отдела и человека",
        "the holder changes only by a handoff": "держатель меняется только передачей",
        "the new due time must be after the renegotiation": "новый срок должен быть позже переноса",
        "the opening time cannot change": "время открытия изменить нельзя",
        "the same customer as first_id": "та же карточка, что и первая",
    ]
}
