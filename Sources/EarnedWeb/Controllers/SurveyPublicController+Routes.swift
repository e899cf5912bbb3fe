import Vapor

extension SurveyPublicController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        pages.get(SiteURL.surveyAnswer(token: .key).pathComponents, use: show)
        pages.post(SiteURL.surveyAnswer(token: .key).pathComponents, use: submit)
    }
}
