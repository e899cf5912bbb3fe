import EarnedDomain
import Foundation
import Plot

/// What the case pages share: who holds a case, how an event and a target read, a list of facts.
enum CaseViews {
    static func holder(_ h: ServiceCase.Holder, people: [StaffID: String], s: Strings) -> String {
        let text = [h.department, h.staffID.flatMap { people[$0] }].compactMap { $0 }.joined(separator: " · ")
        return text.isEmpty ? s.none : text
    }

    static func eventText(_ e: CaseEvent, people: [StaffID: String], s: Strings) -> String {
        switch e.kind {
        case .opened: return s.newCase
        case .handedOff(let department, let staff):
            return s.handOff + ": "
                + [department, staff.flatMap { people[$0] }].compactMap { $0 }.joined(separator: " · ")
        case .transferred(_, let to, let reason): return s.transfer + ": " + (people[to] ?? s.none) + " — " + reason
        case .action(let action): return s.addAction + ": " + s.actionName(action.kind)
        case .waitingStarted, .waitingEnded: return s.caseStatus(.waitingOnCustomer)
        case .responded: return s.respond
        case .resolved: return s.resolve
        case .confirmed: return s.confirm
        case .reopened(let reason): return s.reopen + ": " + reason
        case .note(let text): return text
        }
    }

    /// A reply or resolution target: its state and when it falls due, in the location's time.
    static func target(_ t: TargetStatus, s: Strings, zone: TimeZone) -> HTMLNode {
        let tone = [.breached, .missed].contains(t.state) ? "bad" : t.state == .dueSoon ? "warn" : "good"
        return H.group([
            H.badge(t.isPaused ? s.paused : s.targetState(t.state), tone: t.isPaused ? "neutral" : tone),
            H.text(t.dueAt.map { " " + Format.dateTime($0, s.lang, zone: zone) } ?? ""),
        ])
    }

    static func facts(_ facts: [(String, HTMLNode)]) -> HTMLNode {
        H.el("dl", [("class", "facts")], facts.flatMap { [H.el("dt", [], [H.text($0.0)]), H.el("dd", [], [$0.1])] })
    }
}
