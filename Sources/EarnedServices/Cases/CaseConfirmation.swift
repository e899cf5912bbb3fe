import EarnedDomain
import EarnedStore
import FluentKit
import Foundation

/// When a case is resolved, its customer is asked by the shop's own e-mail or bot whether the
/// problem is solved, with a one-use link: "solved" closes the case as confirmed by the customer
/// (which the scorecard's "help solve their problems" step counts), "not yet" reopens it with
/// their words. A customer Earned cannot reach directly is asked by a person, as before.
package enum CaseConfirmation {
    /// How long the link works.
    package static let lifetime: TimeInterval = 14 * 86_400

    /// Sends the question for a case just resolved, when its customer can be reached; whether
    /// it was queued.
    @discardableResult
    package static func offer(_ c: ServiceCase, in context: ServiceContext) async throws -> Bool {
        guard c.status == .resolved, let resolved = c.resolvedAt else { return false }
        let db = context.db
        guard let customer = try await CustomerRepository(db: db).byIDs([c.customerID])[c.customerID],
            customer.erasedAt == nil
        else { return false }
        let settings = SettingsStore(db: db)
        let routes = try await CustomerMail.DirectRoutes.load(
            for: [customer.id], mail: try await settings.mail(), telegram: try await settings.telegram(), on: db)
        guard
            let (channel, address) = CustomerMail.firstDirect(
                customer, preferring: customer.preferredChannel, location: c.locationID, routes: routes)
        else { return false }
        let token = Secrets.token()
        let link = context.linkBase + "/c/" + token
        let english = customer.language == "en"
        let name = GreetingContext(name: customer.name, kind: customer.kind).firstName
        let text =
            english
            ? "\(name), we have fixed the problem: «\(c.title)». Is it solved for you? One click tells us:\n\n\(link)"
            : "\(name), мы решили вашу проблему: «\(c.title)». Всё ли теперь в порядке? Ответьте в один клик:\n\n\(link)"
        try await db.transaction { db in
            try await CaseConfirmationStore(db: db).mint(
                hash: Secrets.sha256(token), case: c.id, customer: customer.id, expires: context.now + lifetime,
                now: context.now)
            _ = try await OutboxStore(db: db).enqueue([
                OutboundMessage(
                    id: IDGenerator.next(),
                    key: "case-confirmation:\(c.id):\(Int(resolved.timeIntervalSince1970))", kind: .caseConfirmation,
                    channel: channel, customerID: customer.id, staffID: c.ownerID, locationID: c.locationID,
                    subjectID: c.id.rawValue, address: address, name: customer.name,
                    subject: english ? "Is your problem solved?" : "Проблема решена?", text: text,
                    language: customer.language, nextAttemptAt: context.now, createdAt: context.now)
            ])
        }
        return true
    }

    package enum Answer: Sendable, Hashable {
        case solved
        case notYet(String?)
    }

    /// The customer's answer through their link; the case as it now stands, or nil when the
    /// link is not live (used, expired, unknown) or the case moved on since (it was reopened or
    /// closed by staff).
    package static func answer(_ token: String, _ answer: Answer, language: String, now: Date, on db: any Database)
        async throws -> ServiceCase?
    {
        let words: String
        switch answer {
        case .solved: words = "solved"
        case .notYet(let reason): words = "not solved" + (reason.map { ": " + $0 } ?? "")
        }
        do {
            return try await CaseConfirmationStore(db: db).answer(
                hash: Secrets.sha256(token), answer: String(words.prefix(500)), now: now
            ) { (c: inout ServiceCase) throws(DomainError) in
                switch answer {
                case .solved: try c.confirm(at: now, by: nil)
                case .notYet(let reason):
                    let said = reason.flatMap { $0.isEmpty ? nil : $0 }
                    let fallback =
                        language == "en"
                        ? "the customer says it is not solved" : "клиент говорит, что проблема не решена"
                    try c.reopen(reason: String((said ?? fallback).prefix(ServiceCase.reasonLimit)), at: now, by: nil)
                }
            }
        } catch DomainError.conflict {
            return nil
        }
    }
}
