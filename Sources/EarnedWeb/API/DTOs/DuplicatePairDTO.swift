import EarnedStore

/// Two customer cards proposed as one person, with the reasons and each card's orders.
struct DuplicatePairDTO: APIObject {
    var first: CustomerDTO
    var second: CustomerDTO
    var reasons: [String]
    var first_order_count: Int
    var second_order_count: Int

    init(_ pair: DuplicatePair) {
        first = CustomerDTO(pair.first)
        second = CustomerDTO(pair.second)
        reasons = pair.reasons.map(\.rawValue)
        first_order_count = pair.firstOrders
        second_order_count = pair.secondOrders
    }
}
