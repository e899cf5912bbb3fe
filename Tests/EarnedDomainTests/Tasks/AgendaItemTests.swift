import Foundation
import Testing

@testable import EarnedDomain

@Suite("Today's order")
struct AgendaItemTests {
    let now = Date(timeIntervalSince1970: 1_795_000_000)

    func item(_ n: UInt8, due: TimeInterval?) -> AgendaItem {
        AgendaItem(
            source: .task, id: UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, n)),
            dueAt: due.map { now.addingTimeInterval($0) }, assigneeID: nil, customerID: nil)
    }

    @Test("overdue first, the longest overdue on top, then by time left, undated last")
    func order() {
        let items = [item(1, due: 3600), item(2, due: nil), item(3, due: -60), item(4, due: -86_400), item(5, due: 60)]
        let ordered = AgendaItem.ordered(items, now: now)
        #expect(ordered.map { $0.id.uuid.15 } == [4, 3, 5, 1, 2])
        #expect(ordered.prefix(2).allSatisfy { $0.isOverdue(at: now) })
        #expect(!ordered[2].isOverdue(at: now) && !ordered[4].isOverdue(at: now))
    }
}
