import EarnedDomain
import Testing

@testable import EarnedAnalytics

/// The hash table that compresses customer histories: ids in order of first appearance, the same
/// as a dictionary gives, while the table grows from a few slots to hundreds of thousands.
@Suite struct DenseIndexerTests {
    @Test func idsFollowFirstAppearanceAsTheTableGrows() {
        var random = SeededGenerator(seed: 11)
        var indexer = DenseIndexer(capacity: 1_000_000)
        var reference: [[UInt64]: Int32] = [:]
        var keys: [[UInt64]] = []
        for _ in 0..<200_000 {
            // Many repeats, as histories have: keys drawn from 60,000 possible ones.
            let n = random.next() % 60_000
            let key = [n % 7, n, n % 2 == 0 ? 0 : n &* 31]
            let id = indexer.id(key[0], key[1], key[2])
            if let seen = reference[key] {
                #expect(id == seen)
            } else {
                #expect(Int(id) == keys.count)
                reference[key] = id
                keys.append(key)
            }
        }
        #expect(indexer.count == keys.count)
        #expect(keys.count > 40_000)
        #expect(indexer.first == keys.map { $0[0] })
        #expect(indexer.second == keys.map { $0[1] })
        #expect(indexer.third == keys.map { $0[2] })
    }
}
