import Foundation

/// Survey results grouped one way: by location, shift, person, channel or survey. Each group
/// has its response rate and its NPS, CSAT and CES summaries; a group with no answers of a
/// kind has none (the page says "not enough data", never a zero).
public struct SurveyResults: Hashable, Sendable {
    /// Fewer answers than this give no figure: the page and the API say "not enough data" instead
    /// of a share or a score that a handful of answers would swing.
    public static let minimumAnswers = 10

    public enum Dimension: String, Sendable, CaseIterable {
        case location
        /// A location's shift: the key is "<location id>|<shift name>".
        case shift
        case staff
        case channel
        case survey
    }

    public struct Group: Hashable, Sendable {
        /// What the group is: a location id, "<location id>|<shift>", a staff id, a channel, a
        /// survey id; "" for answers with none.
        public var key: String
        public var responseRate: ResponseRate
        public var nps: NetPromoterScore?
        public var csat: SatisfactionSummary?
        public var ces: EffortSummary?
        /// How many said it was fast enough, of how many were asked.
        public var fastEnough: Int
        public var fastEnoughAsked: Int
        public var answers: Int
    }

    public var dimension: Dimension
    public var total: Group
    public var groups: [Group]

    public init(
        by dimension: Dimension, answers: [SurveyTally], invitations: [InvitationTally],
        thresholds: LowScoreThresholds = .standard
    ) {
        self.dimension = dimension
        func key(
            _ definition: SurveyDefinitionID?, _ location: LocationID?, _ shift: String?, _ staff: StaffID?,
            _ channel: String?
        ) -> String {
            switch dimension {
            case .location: location?.description ?? ""
            case .shift: location.map { "\($0)|\(shift ?? "")" } ?? ""
            case .staff: staff?.description ?? ""
            case .channel: channel ?? ""
            case .survey: definition?.description ?? ""
            }
        }
        var answerGroups: [String: [SurveyTally]] = [:]
        for tally in answers {
            answerGroups[
                key(tally.definitionID, tally.locationID, tally.shiftName, tally.staffID, tally.channel), default: []
            ]
            .append(tally)
        }
        var invitationGroups: [String: [InvitationTally]] = [:]
        for tally in invitations {
            invitationGroups[
                key(tally.definitionID, tally.locationID, tally.shiftName, tally.staffID, tally.channel), default: []
            ]
            .append(tally)
        }
        let keys = Set(answerGroups.keys).union(invitationGroups.keys)
        groups = keys.map { key in
            Self.group(key, answerGroups[key] ?? [], invitationGroups[key] ?? [], thresholds: thresholds)
        }
        .sorted { ($0.answers, $0.responseRate.sent, $1.key) > ($1.answers, $1.responseRate.sent, $0.key) }
        total = Self.group("", answers, invitations, thresholds: thresholds)
    }

    static func group(
        _ key: String, _ answers: [SurveyTally], _ invitations: [InvitationTally], thresholds: LowScoreThresholds
    ) -> Group {
        var csat: [Int] = []
        var nps: [Int] = []
        var ces: [Int] = []
        var fast = 0
        var fastAsked = 0
        var count = 0
        for tally in answers {
            count += tally.count
            if let score = tally.csat { csat += Array(repeating: score, count: tally.count) }
            if let score = tally.nps { nps += Array(repeating: score, count: tally.count) }
            if let score = tally.ces { ces += Array(repeating: score, count: tally.count) }
            if let yes = tally.fastEnough {
                fastAsked += tally.count
                if yes { fast += tally.count }
            }
        }
        return Group(
            key: key,
            responseRate: ResponseRate(
                answered: invitations.reduce(0) { $0 + $1.answered }, sent: invitations.reduce(0) { $0 + $1.sent }),
            nps: NetPromoterScore(answers: nps), csat: SatisfactionSummary(answers: csat),
            ces: EffortSummary(answers: ces, highEffortFrom: thresholds.cesAtLeast), fastEnough: fast,
            fastEnoughAsked: fastAsked, answers: count)
    }
}
