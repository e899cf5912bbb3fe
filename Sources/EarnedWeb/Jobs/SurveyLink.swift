import EarnedDomain
import EarnedStore
import Vapor

/// A survey's public link and the message that carries it.
enum SurveyLink {
    /// The public page of a token: `/s/<token>`.
    static func path(_ token: SurveyToken) -> String { "/s/\(token.text)" }

    static func url(base: String, token: SurveyToken) -> String { base + path(token) }

    /// A short message with the link, in the customer's language.
    static func message(link: String, customer: Customer, language: String) -> String {
        let first = customer.name.split(separator: " ").first.map(String.init) ?? ""
        if language == "en" {
            return "\(first.isEmpty ? "Hello" : "Hello, \(first)")! How did we do? Two minutes of your time: \(link)"
        }
        return
            "\(first.isEmpty ? "Здравствуйте" : "Здравствуйте, \(first)")! Как мы справились? Ответ займёт пару минут: \(link)"
    }

    /// A new link for an open invitation, to send by hand: the words and where to send them.
    struct Renewed {
        var invitation: SurveyInvitation
        var url: String
        var message: String
        var address: String
    }

    static func renew(_ id: SurveyInvitationID, req: Request, actor: Staff) async throws -> Renewed {
        var generator = SystemRandomNumberGenerator()
        let token = SurveyToken.generate(using: &generator)
        let invitation = try await SurveyRepository(db: req.database).renewLink(
            id, tokenHash: Secrets.sha256(token.text), actor: actor, now: req.now)
        let customer = try await req.customers.get(invitation.customerID, actor: actor)
        let url = url(base: req.config.publicBase, token: token)
        return Renewed(
            invitation: invitation, url: url,
            message: message(link: url, customer: customer, language: invitation.language),
            address: Tick.address(customer, invitation.channel))
    }
}
