import EarnedDomain
import EarnedServices
import EarnedStore
import Vapor

extension SurveyLink {
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
