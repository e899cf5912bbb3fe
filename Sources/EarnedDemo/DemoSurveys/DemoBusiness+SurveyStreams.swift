import EarnedDomain
import Foundation

extension DemoBusiness {
    /// The independent random streams of the survey history, apart from the service history's
    /// (`ServiceStream`), so that adding surveys changes nothing generated before them.
    enum SurveyStream: UInt64 {
        /// The surveys' ids, one stream per survey.
        case definitions = 0x5E42_0001
        /// Each customer's way of answering surveys, one stream per customer position.
        case customers = 0x5E42_0002
        /// Each invitation's id, token and answer, one stream per invitation key.
        case invitations = 0x5E42_0003
    }

    func surveyRandom(_ stream: SurveyStream, index: UInt64) -> SeededGenerator {
        SeededGenerator(seed: SeededGenerator.mix(seed, stream.rawValue), stream: index)
    }

    /// A stream number for a text (an invitation's key): FNV-1a (64 bit) of its UTF-8 bytes,
    /// stable across processes (unlike `Hasher`).
    static func streamNumber(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}
