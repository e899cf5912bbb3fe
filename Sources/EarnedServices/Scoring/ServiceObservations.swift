import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation

/// One service record seen by the consistency analysis: what it measures, when and where it
/// happened, who served, its slot in the location's working week, and its value (1/0 for
/// a proportion).
package struct ServiceRecord: Sendable {
    package enum Measure: String, Codable, Sendable, CaseIterable {
        /// Deliveries and service starts by the promised time (by the promised time's slot).
        case deliveryOnTime = "delivery_on_time"
        /// Promises kept by their original due time or moved in time (by the original due time).
        case promiseOnTime = "promise_on_time"
        /// First replies within their target (by the contact's arrival).
        case firstReplyInTarget = "first_reply_in_target"
        /// Satisfaction 1–5 of survey answers (by the moment the customer was served).
        case csat
        /// Survey invitations answered (by the moment the customer was served).
        case surveyResponse = "survey_response"
        /// Customers who said the reply was fast enough (by the contact's arrival).
        case fastEnough = "fast_enough"

        package var serviceMeasure: ServiceMeasure {
            self == .csat ? .csat : .proportion(higherIsBetter: true)
        }
    }

    /// The ways slots are cut; each one's slots partition the records.
    package enum Dimension: String, Codable, Sendable, CaseIterable {
        /// Location × shift ("loc=…;shift=…"); records outside every shift are left out.
        case shift
        case location
        case person
        /// Local weekday × hour ("wd=1;h=9").
        case weekdayHour = "weekday_hour"
        /// First hour, middle, last hour of the working day, or closed.
        case dayPart = "day_part"
        /// The kind of special day, or an ordinary day.
        case specialDay = "special_day"
    }

    package var measure: Measure
    package var id: UUID
    package var at: Date
    package var locationID: LocationID?
    package var staffID: StaffID?
    package var slot: ServiceSlot?
    package var value: Double

    package init(
        measure: Measure, id: UUID, at: Date, locationID: LocationID?, staffID: StaffID?, slot: ServiceSlot?,
        value: Double
    ) {
        self.measure = measure
        self.id = id
        self.at = at
        self.locationID = locationID
        self.staffID = staffID
        self.slot = slot
        self.value = value
    }

    /// The slot key of a shift at a location.
    package static func shiftKey(_ location: LocationID, _ shift: String) -> String { "loc=\(location);shift=\(shift)" }
    /// The slot key of an hour of a weekday (ISO, 1 = Monday).
    package static func weekdayHourKey(_ weekday: Int, _ hour: Int) -> String { "wd=\(weekday);h=\(hour)" }

    /// The named parts of a slot key as `key(_:)` writes it: "loc=…;shift=…" gives
    /// ["loc": …, "shift": …].
    package static func parts(of key: String) -> [String: String] {
        var parts: [String: String] = [:]
        for pair in key.split(separator: ";") {
            let kv = pair.split(separator: "=", maxSplits: 1).map(String.init)
            if kv.count == 2 { parts[kv[0]] = kv[1] }
        }
        return parts
    }

    /// The record's slot in a dimension; nil when it has none there.
    package func key(_ dimension: Dimension) -> String? {
        switch dimension {
        case .shift:
            guard let locationID, let shift = slot?.shiftName else { return nil }
            return Self.shiftKey(locationID, shift)
        case .location: return locationID.map { "loc=\($0)" }
        case .person: return staffID.map { "staff=\($0)" }
        case .weekdayHour: return slot.map { Self.weekdayHourKey($0.weekday, $0.hour) }
        case .dayPart: return slot.map { "part=\($0.dayPart.rawValue)" }
        case .specialDay: return slot.map { "day=\($0.specialDay?.rawValue ?? "ordinary")" }
        }
    }
}

/// The consistency analysis as stored: each measure across each dimension, the slots flagged
/// as worse after Benjamini–Hochberg over every test at once, and the weekly control charts.
package struct ConsistencyReport: Codable, Sendable {
    package static let key = "consistency"

    package struct Flag: Codable, Sendable, Equatable {
        package var measure: ServiceRecord.Measure
        package var dimension: ServiceRecord.Dimension
        package var slot: String
        package var count: Int
        package var slotMean: Double
        package var restMean: Double
        /// Slot minus rest, with its 95 % interval.
        package var gap: IntervalEstimate
        package var pValue: Double
        /// The Benjamini–Hochberg adjusted p-value over every test of the run.
        package var qValue: Double
    }

    package struct MeasureResult: Codable, Sendable {
        package var measure: ServiceRecord.Measure
        package var count: Int
        package var analyses: [ServiceRecord.Dimension: ConsistencyAnalysis]
        package var charts: WeeklyCharts?
    }

    package var from: Date
    package var to: Date
    package var falseDiscoveryRate: Double
    package var testCount: Int
    package var measures: [MeasureResult]
    package var flags: [Flag]
}

/// The service records of a score run, read once, and what is computed from them.
package struct ServiceObservations {
    package var records: [ServiceRecord] = []
    package var promises: [Promise]
    package var contacts: [InboundContact]
    package var cases: [ServiceCase]
    package var answers: [ScoreFacts.AnswerFact]
    package var replyStatus: [ContactID: ReplyClock.Result] = [:]
    package let now: Date

    package static let falseDiscoveryRate = 0.05
    package static let minimumSlotCount = 30

    package init(facts: ScoreFacts, setting: Tick.Setting, now: Date) {
        self.now = now
        promises = facts.promises
        contacts = facts.contacts
        cases = facts.cases
        answers = facts.answers
        let slotters = Dictionary(
            setting.locations.map { ($0.id, ServiceSlotter(location: $0)) }, uniquingKeysWith: { a, _ in a })
        let locations = Dictionary(setting.locations.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        func slot(_ at: Date, _ location: LocationID?) -> ServiceSlot? {
            location.flatMap { slotters[$0] }?.slot(of: at)
        }
        let since = now.addingTimeInterval(-Score.lookBack).timeIntervalSince1970
        // A returned order's delivery counts; a cancelled one is not among the facts.
        for order in facts.orders + facts.returnedOrders where !order.promisedAt.isNaN && !order.deliveredAt.isNaN {
            guard order.promisedAt >= since, order.deliveredAt <= now.timeIntervalSince1970 else { continue }
            let location = order.location >= 0 ? facts.locationIDs[Int(order.location)] : nil
            let seller = order.seller >= 0 ? facts.staffIDs[Int(order.seller)] : nil
            let promised = Date(timeIntervalSince1970: order.promisedAt)
            let delivered = Date(timeIntervalSince1970: order.deliveredAt)
            records.append(
                ServiceRecord(
                    measure: .deliveryOnTime, id: order.id, at: promised, locationID: location, staffID: seller,
                    slot: slot(promised, location), value: delivered <= promised ? 1 : 0))
        }
        for p in promises {
            let outcome = p.outcome(at: now)
            guard outcome.isDecided else { continue }
            records.append(
                ServiceRecord(
                    measure: .promiseOnTime, id: p.id.rawValue, at: p.originalDueAt, locationID: p.locationID,
                    staffID: p.ownerID, slot: slot(p.originalDueAt, p.locationID),
                    value: outcome == .keptOnTime || outcome == .renegotiated ? 1 : 0))
        }
        var contactByID: [UUID: InboundContact] = [:]
        for c in contacts {
            contactByID[c.id.rawValue] = c
            guard let location = locations[c.locationID] else { continue }
            let status = setting.rules.replyClock(for: location).status(of: c, now: now)
            replyStatus[c.id] = status
            let state = status.firstResponse.state
            guard state == .met || state == .missed || state == .breached else { continue }
            records.append(
                ServiceRecord(
                    measure: .firstReplyInTarget, id: c.id.rawValue, at: c.receivedAt, locationID: c.locationID,
                    staffID: c.ownerID, slot: slot(c.receivedAt, c.locationID), value: state == .met ? 1 : 0))
        }
        // Relationship surveys are attributed to the start of their period, not to a moment of
        // service: they stay out of the slots (the scorecard still counts their scores).
        let relationship = SurveyAttribution.Role.relationshipOwner.rawValue
        for a in facts.answers where a.role != relationship {
            let served = a.servedAt ?? a.answeredAt
            let id = a.id
            if let csat = a.csat {
                records.append(
                    ServiceRecord(
                        measure: .csat, id: id, at: served, locationID: a.locationID, staffID: a.staffID,
                        slot: slot(served, a.locationID), value: Double(csat)))
            }
            if let fast = a.fastEnough {
                let arrived = a.subjectKind == "contact" ? a.subjectID.flatMap { contactByID[$0]?.receivedAt } : nil
                let at = arrived ?? served
                records.append(
                    ServiceRecord(
                        measure: .fastEnough, id: id, at: at, locationID: a.locationID, staffID: a.staffID,
                        slot: slot(at, a.locationID), value: fast ? 1 : 0))
            }
        }
        for i in facts.invitations where i.role != relationship {
            records.append(
                ServiceRecord(
                    measure: .surveyResponse, id: i.id, at: i.servedAt,
                    locationID: i.locationID,
                    staffID: i.staffID, slot: slot(i.servedAt, i.locationID), value: i.answered ? 1 : 0))
        }
    }

    /// Every measure across every dimension over [from, to), flagged together.
    package func consistency(from: Date, to: Date, seed: UInt64) -> ConsistencyReport {
        Self.analyse(records.filter { $0.at >= from && $0.at < to }, from: from, to: to, seed: seed)
    }

    package static func analyse(_ records: [ServiceRecord], from: Date, to: Date, seed: UInt64) -> ConsistencyReport {
        var rng = SeededGenerator(seed: seed)
        var byMeasure: [ServiceRecord.Measure: [ServiceRecord]] = [:]
        for r in records { byMeasure[r.measure, default: []].append(r) }
        var results: [ConsistencyReport.MeasureResult] = []
        var tested: [(ServiceRecord.Measure, ServiceRecord.Dimension, ConsistencyAnalysis)] = []
        for measure in ServiceRecord.Measure.allCases {
            let list = byMeasure[measure] ?? []
            var analyses: [ServiceRecord.Dimension: ConsistencyAnalysis] = [:]
            for dimension in ServiceRecord.Dimension.allCases {
                var sums: [String: (n: Int, sum: Double, squares: Double)] = [:]
                for r in list {
                    guard let key = r.key(dimension) else { continue }
                    sums[key, default: (0, 0, 0)].n += 1
                    sums[key, default: (0, 0, 0)].sum += r.value
                    sums[key, default: (0, 0, 0)].squares += r.value * r.value
                }
                guard sums.count >= 2 else { continue }
                let samples = sums.keys.sorted().map { key in
                    SlotSample(key: key, count: sums[key]!.n, sum: sums[key]!.sum, sumOfSquares: sums[key]!.squares)
                }
                guard
                    let analysis = try? ConsistencyAnalysis(
                        dimension: dimension.rawValue, samples: samples, measure: measure.serviceMeasure,
                        minimumCount: minimumSlotCount, bootstrapDraws: 200, using: &rng)
                else { continue }
                analyses[dimension] = analysis
                tested.append((measure, dimension, analysis))
            }
            results.append(
                .init(
                    measure: measure, count: list.count, analyses: analyses,
                    charts: WeeklyCharts(records: list, measure: measure, to: to)))
        }
        let screen = try? ConsistencyScreen(analyses: tested.map(\.2), falseDiscoveryRate: falseDiscoveryRate)
        var flags: [ConsistencyReport.Flag] = []
        for entry in screen?.flagged ?? [] {
            let (measure, dimension, analysis) = tested[entry.analysisIndex]
            guard let slot = analysis.slots.first(where: { $0.key == entry.slotKey }), let mean = slot.mean else {
                continue
            }
            flags.append(
                .init(
                    measure: measure, dimension: dimension, slot: slot.key, count: slot.count,
                    slotMean: mean.estimate, restMean: mean.estimate - entry.gap.estimate, gap: entry.gap,
                    pValue: entry.pValue, qValue: entry.qValue))
        }
        flags.sort { abs($0.gap.estimate) > abs($1.gap.estimate) }
        return ConsistencyReport(
            from: from, to: to, falseDiscoveryRate: falseDiscoveryRate, testCount: screen?.entries.count ?? 0,
            measures: results, flags: flags)
    }
}
