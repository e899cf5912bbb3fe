import Foundation
import Testing

@testable import EarnedDomain

@Suite("Ids")
struct IDGeneratorTests {
    @Test("new ids are version-7 UUIDs, unique, and increase in the order they were made")
    func timeOrdered() {
        let now = Date(timeIntervalSince1970: 1_795_000_000)
        let ids = (0..<10_000).map { _ in IDGenerator.next(now: now) }
        #expect(Set(ids).count == ids.count)
        let texts = ids.map(\.uuidString)
        #expect(texts == texts.sorted())
        for id in ids.prefix(100) {
            let bytes = withUnsafeBytes(of: id.uuid) { Array($0) }
            #expect(bytes[6] >> 4 == 7)
            #expect(bytes[8] >> 6 == 0b10)
        }
        // The first 48 bits are the time in milliseconds.
        let first = withUnsafeBytes(of: ids[0].uuid) { Array($0) }
        let millis = first.prefix(6).reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
        #expect(millis >= 1_795_000_000_000)
    }
}
