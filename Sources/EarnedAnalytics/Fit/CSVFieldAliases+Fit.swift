import EarnedDomain
import EarnedFormats
import Foundation

extension CSVFieldAliases {
    /// Header spellings of a customer summary file (one row per customer): `lifetimes`'
    /// `frequency`, `recency`, `T`, `monetary_value` and the x, t_x, T of Fader, Hardie & Lee
    /// (2005). Matched after `CSVHeader.normalize(_:)`, so case, `_` and `-` do not matter.
    public static let fitSummary = CSVFieldAliases([
        ["frequency", "x", "freq", "repeat purchases", "repeat transactions"],
        ["recency", "t_x", "tx", "recency t_x"],
        ["T", "age", "tenure", "customer age"],
        ["spend", "monetary_value", "monetary", "average spend", "avg spend", "mean spend", "m", "z", "zbar"],
        ["customer_id", "id", "customer", "customer id", "client", "client id", "user id", "master id"],
    ])

    /// Header spellings of a transaction log (one row per purchase): who, when and, optionally, how
    /// much (`lifetimes`' own CDNOW_master.txt names it `dollar_value`).
    public static let fitTransactions = CSVFieldAliases([
        [
            "customer_id", "id", "customer", "customer id", "client", "client id", "user", "user id", "master id",
            "код клиента", "клиент", "покупатель",
        ],
        [
            "date", "day", "order date", "purchase date", "transaction date", "ordered at", "purchased at",
            "timestamp", "datetime", "дата", "дата покупки", "дата заказа", "дата чека",
        ],
        [
            "amount", "sales", "spend", "value", "revenue", "total", "price", "dollars", "dollar value",
            "monetary value", "order total", "order value", "purchase amount", "transaction value",
            "сумма", "итого", "стоимость",
        ],
    ])
}
