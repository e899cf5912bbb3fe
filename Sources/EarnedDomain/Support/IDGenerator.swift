import Foundation
import Synchronization

/// Makes new ids: UUID version 7 (RFC 9562), a millisecond timestamp followed by random bits.
/// Ids made one after another sort in time order, so database indexes grow at their end instead
/// of being rewritten all over; and no system call is needed per id (the random bits come from
/// a generator seeded once from the system's). Ids are not secrets: access is checked on every
/// request, and tokens that must be unguessable are made elsewhere from the system generator.
public enum IDGenerator {
    struct State {
        var lastMillis: UInt64 = 0
        var counter: UInt16 = 0
        var random: SeededGenerator

        init() {
            var system = SystemRandomNumberGenerator()
            random = SeededGenerator(seed: system.next())
        }

        mutating func next() -> UInt64 { random.next() }
    }

    static let state = Mutex(State())

    /// A new version-7 UUID; later calls in the same process give larger ids.
    public static func next(now: Date = Date()) -> UUID {
        let (millis, counter, random) = state.withLock { state -> (UInt64, UInt16, UInt64) in
            var millis = UInt64(max(0, now.timeIntervalSince1970 * 1000))
            if millis <= state.lastMillis {
                millis = state.lastMillis
                state.counter &+= 1
                if state.counter > 0x0FFF {
                    millis += 1
                    state.counter = UInt16(truncatingIfNeeded: state.next() & 0x01FF)
                }
            } else {
                state.counter = UInt16(truncatingIfNeeded: state.next() & 0x01FF)
            }
            state.lastMillis = millis
            return (millis, state.counter, state.next())
        }
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<6 { bytes[i] = UInt8(truncatingIfNeeded: millis >> (40 - 8 * UInt64(i))) }
        bytes[6] = 0x70 | UInt8(truncatingIfNeeded: counter >> 8)
        bytes[7] = UInt8(truncatingIfNeeded: counter)
        for i in 0..<8 { bytes[8 + i] = UInt8(truncatingIfNeeded: random >> (56 - 8 * UInt64(i))) }
        bytes[8] = 0x80 | (bytes[8] & 0x3F)
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
