/// One page of a list, with the cursor that fetches the next one (nil on the last page).
public struct ResultPage<Item: Sendable>: Sendable {
    public var items: [Item]
    public var nextCursor: String?
    /// How many match in all, over every page, where the list counts them.
    public var total: Int?

    public init(items: [Item], nextCursor: String?, total: Int? = nil) {
        self.items = items
        self.nextCursor = nextCursor
        self.total = total
    }
}
