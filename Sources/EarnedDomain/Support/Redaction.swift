import Foundation

/// What erasing a customer leaves of the service work about them: the facts the figures need
/// (kinds, times, owners, outcomes), none of the words — what was promised, complained of,
/// written or said may identify the person.
public enum Redaction {
    /// Shown where erased words were.
    public static let erasedText = "—"
}

extension Promise {
    public func redacted() -> Promise {
        var p = self
        p.text = Redaction.erasedText
        p.brokenReason = nil
        p.renegotiations = p.renegotiations.map { r in
            var r = r
            r.note = nil
            return r
        }
        return p
    }
}

extension ServiceCase {
    public func redacted() -> ServiceCase {
        var c = self
        c.title = Redaction.erasedText
        c.detail = ""
        c.actions = c.actions.map { a in
            var a = a
            a.note = nil
            return a
        }
        c.events = c.events.map { e in
            var e = e
            switch e.kind {
            case .note: e.kind = .note(text: Redaction.erasedText)
            case .reopened: e.kind = .reopened(reason: Redaction.erasedText)
            case .transferred(let from, let to, _):
                e.kind = .transferred(fromOwner: from, toOwner: to, reason: Redaction.erasedText)
            case .action(var action):
                action.note = nil
                e.kind = .action(action)
            default: break
            }
            return e
        }
        return c
    }
}

extension InboundContact {
    public func redacted() -> InboundContact {
        var c = self
        c.subject = Redaction.erasedText
        c.body = nil
        c.fromAddress = nil
        return c
    }
}

extension ServiceTask {
    public func redacted() -> ServiceTask {
        var t = self
        t.text = t.kind == .followUp || t.kind == .handover ? t.text : nil
        t.outcome = t.outcome == nil ? nil : Redaction.erasedText
        return t
    }
}
