import Foundation

extension FollowUpOutcome {
    /// The words a summary is written with, so a page can write it in its reader's language.
    public struct SummaryWords: Sendable, Hashable {
        public var reached: String
        public var satisfied: String
        public var referralAsked: String
        public var problemFound: String

        public init(reached: String, satisfied: String, referralAsked: String, problemFound: String) {
            self.reached = reached
            self.satisfied = satisfied
            self.referralAsked = referralAsked
            self.problemFound = problemFound
        }

        /// The API's words (it has no reader's language).
        public static let english = SummaryWords(
            reached: "Reached the customer", satisfied: "Customer satisfied", referralAsked: "Asked for a referral",
            problemFound: "Problem found (opens a case)")
    }

    /// The one-line summary a closed follow-up task keeps: reached or not ("✗ " marks a no),
    /// satisfied when asked, a referral asked, the problem found, then the note, in that order.
    public func summary(_ words: SummaryWords) -> String {
        var parts = [reached ? words.reached : "✗ " + words.reached]
        if let satisfied { parts.append((satisfied ? "" : "✗ ") + words.satisfied) }
        if referralAsked { parts.append(words.referralAsked) }
        if let problem { parts.append(words.problemFound + ": " + problem) }
        if let note { parts.append(note) }
        return parts.joined(separator: "; ")
    }
}
