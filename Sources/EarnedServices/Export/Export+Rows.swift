import EarnedDomain
import EarnedFormats
import Foundation

/// Each kind's header and rows. Times are ISO 8601 in UTC; people are named by e-mail,
/// locations by name, customers by their code (external id, else their id in Earned).
extension Export {
    /// The header of each kind. Customers, orders, contacts and survey answers begin with the
    /// fields their imports read, under those names; the columns after them are for reading and
    /// are not imported (an order's state, ended_at and end_reason; a contact's status and owner;
    /// a survey answer's served_channel, role and shift).
    package static func header(_ kind: ExportKind) -> [String] {
        switch kind {
        case .customers:
            [
                "external_id", "name", "kind", "phone", "email", "birthday", "city", "address", "location", "owner",
                "language", "tags", "consent_phone", "consent_sms", "consent_email", "consent_messenger",
                "consent_post",
            ]
        case .orders:
            [
                "external_id", "customer_id", "ordered_at", "amount", "discount", "currency", "quantity", "items",
                "location", "seller", "channel", "promised_at", "delivered_at", "state", "ended_at", "end_reason",
            ]
        case .promises:
            [
                "id", "customer_id", "customer_name", "location", "owner", "kind", "text", "outcome", "created_at",
                "due_at", "due_in_force_at", "kept_at", "broken_at", "broken_reason", "link_kind", "link_id",
            ]
        case .cases:
            [
                "id", "customer_id", "customer_name", "location", "owner", "holder", "department", "source",
                "priority", "status", "title", "detail", "opened_at", "first_response_at", "resolved_at",
                "confirmed_at", "reopen_count",
            ]
        case .contacts:
            [
                "external_id", "customer_id", "location", "channel", "priority", "received_at", "subject", "body",
                "from", "first_response_at", "resolved_at", "status", "owner",
            ]
        case .surveyAnswers:
            [
                "external_id", "customer_id", "answered_at", "csat", "nps", "ces", "share_of_wallet", "fast_enough",
                "comment", "location", "staff", "channel", "served_channel", "role", "shift",
            ]
        }
    }

    /// What each column holds, for defusing: numbers and phones keep a leading sign, all else is
    /// text.
    static func kinds(_ kind: ExportKind) -> [CSVColumnKind] {
        let numeric: Set<String> = ["amount", "discount", "quantity", "csat", "nps", "ces", "reopen_count"]
        return header(kind).map { $0 == "phone" ? .phone : numeric.contains($0) ? .number : .text }
    }

    static func time(_ date: Date?) -> String {
        date.map { $0.formatted(Date.ISO8601FormatStyle()) } ?? ""
    }

    static func yesNo(_ value: Bool?) -> String { value.map { $0 ? "yes" : "no" } ?? "" }

    static func customerRow(_ c: Customer, _ names: Names) -> [String] {
        [
            c.externalID ?? c.id.description, c.name, c.kind.rawValue, c.phones.joined(separator: ";"),
            c.emails.joined(separator: ";"), c.birthday?.description ?? "", c.city ?? "", c.address ?? "",
            names.location(c.homeLocationID), names.staff(c.ownerID), c.language, c.tags.joined(separator: ";"),
        ] + ContactChannel.consentable.map { yesNo(c.consent(for: $0)?.given) }
    }

    static func orderRow(_ o: Order, customer: String, _ names: Names) -> [String] {
        [
            o.externalID ?? o.id.description, customer, time(o.placedAt), o.amount.plainDecimal,
            Money(minorUnits: o.discountMinorUnits, currency: o.amount.currency).plainDecimal, o.amount.currency,
            "\(o.quantity)", o.itemsSummary ?? "", names.location(o.locationID), names.staff(o.sellerID),
            o.channel.rawValue, time(o.promisedAt), time(o.deliveredAt), o.state.rawValue, time(o.endedAt),
            o.endReason ?? "",
        ]
    }

    static func promiseRow(_ p: Promise, customer: String, name: String, _ names: Names, now: Date) -> [String] {
        [
            p.id.description, customer, name, names.location(p.locationID), names.staff(p.ownerID), p.kind.rawValue,
            p.text, p.outcome(at: now).rawValue, time(p.createdAt), time(p.dueAt), time(p.dueInForce),
            time(p.keptAt), time(p.brokenAt), p.brokenReason ?? "", p.link?.kind.rawValue ?? "",
            p.link.map { $0.id.uuidString.lowercased() } ?? "",
        ]
    }

    static func caseRow(_ c: ServiceCase, customer: String, name: String, _ names: Names) -> [String] {
        [
            c.id.description, customer, name, names.location(c.locationID), names.staff(c.ownerID),
            names.staff(c.holder.staffID), c.holder.department ?? "", c.source.rawValue, c.priority.rawValue,
            c.status.rawValue, c.title, c.detail, time(c.openedAt), time(c.firstResponseAt), time(c.resolvedAt),
            time(c.confirmedAt), "\(c.reopenCount)",
        ]
    }

    static func contactRow(_ c: InboundContact, customer: String, _ names: Names) -> [String] {
        [
            c.externalID ?? c.id.description, customer, names.location(c.locationID), c.channel.rawValue,
            c.priority.rawValue, time(c.receivedAt), c.subject, c.body ?? "", c.fromAddress ?? "",
            time(c.firstResponseAt), time(c.resolvedAt), c.status.rawValue, names.staff(c.ownerID),
        ]
    }

    static func surveyAnswerRow(_ a: SurveyResponse, customer: String, _ names: Names) -> [String] {
        let v = a.values
        return [
            a.externalID ?? a.id.description, customer, time(a.answeredAt), v.csat.map(String.init) ?? "",
            v.nps.map(String.init) ?? "", v.ces.map(String.init) ?? "", v.shareOfWallet?.rawValue ?? "",
            yesNo(v.fastEnough), v.comment ?? "", names.location(a.attribution?.locationID),
            names.staff(a.attribution?.staffID), answerChannel(a.attribution?.channel)?.rawValue ?? "",
            a.attribution?.channel?.key ?? "", a.attribution?.role.rawValue ?? "", a.attribution?.shiftName ?? "",
        ]
    }

    /// The channel an answer's customer was served through, in the words the survey import reads
    /// (`SurveyImportParser.channel`); nil where it has none (a web order, a review).
    static func answerChannel(_ channel: SurveyAttribution.Channel?) -> ContactChannel? {
        switch channel {
        case .contact(.call), .sales(.phone): .phone
        case .contact(.email): .email
        case .contact(.chat): .chat
        case .contact(.messenger): .messenger
        case .contact(.visit), .sales(.store), .sales(.field): .visit
        case .contact(.review), .sales(.web), .sales(.other), nil: nil
        }
    }
}
