import EarnedAnalytics
import EarnedDomain
import EarnedStore
import FluentKit
import Foundation

/// Each incident's affected customers and whether the business told them first.
package struct IncidentFacts: Sendable {
    package struct Affected: Sendable {
        package var incidentID: IncidentID
        package var customerID: CustomerID
        package var locationID: LocationID?
        package var foundAt: Date
        package var outcome: ToldFirst
    }

    package var affected: [Affected]

    package static func load(_ db: any Database) async throws -> IncidentFacts {
        guard let owner = try await StaffRepository(db: db).firstOwner() else { return IncidentFacts(affected: []) }
        let reports = try await IncidentRepository(db: db).list(actor: owner, limit: 10_000)
        return IncidentFacts(
            affected: reports.flatMap { report in
                report.affected.map {
                    Affected(
                        incidentID: report.incident.id, customerID: $0.customerID,
                        locationID: report.incident.locationID, foundAt: report.incident.foundAt, outcome: $0.outcome)
                }
            })
    }
}

extension ServiceObservations {
    /// How long a resolved case waits for the customer's confirmation before it counts as not
    /// confirmed.
    package static let confirmationWait: TimeInterval = 14 * 86_400

    /// The records behind each scorecard step (see `ScorecardStep` for what each counts).
    package func scorecard(incidents: IncidentFacts) -> [ScorecardObservation] {
        var out: [ScorecardObservation] = []
        for a in answers {
            guard let csat = a.csat else { continue }
            out.append(
                .init(
                    step: .qualityService, recordID: a.id, at: a.servedAt ?? a.answeredAt,
                    locationID: a.locationID, staffID: a.staffID, success: Satisfaction(csat: csat) == .satisfied,
                    value: Double(csat),
                    recordKind: "answer"))
        }
        for p in promises {
            let outcome = p.outcome(at: now)
            guard outcome.isDecided else { continue }
            out.append(
                .init(
                    step: .keepPromises, recordID: p.id.rawValue, at: p.originalDueAt, locationID: p.locationID,
                    staffID: p.ownerID, success: outcome != .broken, recordKind: "promise"))
        }
        // On time: the consistency records of promises and deliveries, already placed in their
        // slots.
        for r in records where r.measure == .promiseOnTime || r.measure == .deliveryOnTime {
            let kind = r.measure == .promiseOnTime ? "promise" : "order"
            out.append(
                .init(
                    step: .neverLate, recordID: r.id, at: r.at, locationID: r.locationID, staffID: r.staffID,
                    success: r.value == 1, recordKind: kind))
            out.append(
                .init(
                    step: .buildTrust, recordID: r.id, at: r.at, locationID: r.locationID, staffID: r.staffID,
                    success: r.value == 1, slot: r.key(.shift), recordKind: kind))
        }
        for c in cases {
            let transferred = c.events.contains { if case .transferred = $0.kind { true } else { false } }
            if c.status == .closed, let closed = c.confirmedAt ?? c.resolvedAt {
                out.append(
                    .init(
                        step: .takeResponsibility, recordID: c.id.rawValue, at: closed, locationID: c.locationID,
                        staffID: c.ownerID, success: !transferred, recordKind: "case"))
            }
            if let resolved = c.resolvedAt {
                let confirmed = c.confirmedAt != nil
                if confirmed || c.reopenCount > 0 || now.timeIntervalSince(resolved) > Self.confirmationWait {
                    out.append(
                        .init(
                            step: .solveProblems, recordID: c.id.rawValue, at: resolved, locationID: c.locationID,
                            staffID: c.ownerID, success: confirmed, value: resolved.timeIntervalSince(c.openedAt),
                            recordKind: "case"))
                }
            }
            if c.source == .complaint || c.source == .problem, !c.actions.isEmpty {
                out.append(
                    .init(
                        step: .trustThem, recordID: c.id.rawValue, at: c.openedAt, locationID: c.locationID,
                        staffID: c.ownerID, success: c.acceptedOnCustomersWord, recordKind: "case"))
            }
        }
        for c in contacts {
            guard let status = replyStatus[c.id]?.firstResponse else { continue }
            switch status.state {
            case .met, .missed, .breached:
                out.append(
                    .init(
                        step: .beReachable, recordID: c.id.rawValue, at: c.receivedAt, locationID: c.locationID,
                        staffID: c.ownerID, success: c.firstResponseAt != nil, recordKind: "contact"))
            case .onTrack, .dueSoon: break
            }
            if let first = c.firstResponseAt {
                out.append(
                    .init(
                        step: .answerFast, recordID: c.id.rawValue, at: c.receivedAt, locationID: c.locationID,
                        staffID: c.ownerID, success: status.state == .met, value: first.timeIntervalSince(c.receivedAt),
                        recordKind: "contact")
                )
            }
        }
        for a in incidents.affected where a.outcome != .pending {
            out.append(
                .init(
                    step: .callFirst, recordID: a.customerID.rawValue, at: a.foundAt, locationID: a.locationID,
                    staffID: nil, success: a.outcome == .toldFirst, recordKind: "customer"))
        }
        return out
    }
}
