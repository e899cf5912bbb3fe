import Foundation

extension CSVFieldAliases {
    /// Header spellings for customer files from Russian and English spreadsheets and CRMs.
    public static let customers = CSVFieldAliases([
        ["external_id", "id", "код", "код клиента", "id клиента", "номер клиента", "customer id", "client id"],
        ["name", "имя", "фио", "ф.и.о.", "клиент", "покупатель", "наименование", "full name", "customer", "client"],
        ["phone", "телефон", "тел", "тел.", "мобильный", "мобильный телефон", "phone number", "mobile", "tel"],
        ["email", "e-mail", "почта", "электронная почта", "email address", "mail"],
        ["birthday", "дата рождения", "день рождения", "др", "birth date", "date of birth", "birthdate", "dob"],
    ])

    /// Header spellings for order files from POS systems, web shops and spreadsheets.
    public static let orders = CSVFieldAliases([
        ["external_id", "id", "номер заказа", "№ заказа", "номер чека", "чек", "order id", "order number", "receipt"],
        ["customer_id", "код клиента", "id клиента", "клиент", "покупатель", "customer", "customer id", "client id"],
        ["ordered_at", "дата", "дата заказа", "дата покупки", "дата чека", "date", "order date", "purchased at"],
        ["amount", "сумма", "итого", "сумма заказа", "стоимость", "total", "order total", "price"],
        ["quantity", "количество", "кол-во", "кол.", "qty", "number of items"],
    ])
}
