/// One page of a list, with the cursor that fetches the next one (nil on the last page).
public struct ResultPage<Item: Sendable>: Sendable {
    public var items: [Item]
    public var nextCursor: String?
    /// How many match in all, over every page, where the list counts them.
    public var total: Int?
    /// The list stopped counting at `total`: more than that match ("more than 10,000 found").
    public var totalIsLowerBound: Bool

    public init(items: [Item], nextCursor: String?, total: Int? = nil, totalIsLowerBound: Bool = false) {
        self.items = items
        self.nextCursor = nextCursor
        self.total = total
        self.totalIsLowerBound = totalIsLowerBound
    }
}
