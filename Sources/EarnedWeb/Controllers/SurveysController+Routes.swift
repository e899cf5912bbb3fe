import Vapor

extension SurveysController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        let user = pages.user
        user.get(SiteURL.surveys().pathComponents, use: results)
        user.get(SiteURL.surveyDefinitions.pathComponents, use: definitions)
        user.get(SiteURL.newSurvey.pathComponents, use: new)
        user.post(SiteURL.surveyDefinitions.pathComponents, use: save)
        user.get(SiteURL.survey(.key).pathComponents, use: edit)
        user.post(SiteURL.survey(.key).pathComponents, use: save)
        user.get(SiteURL.surveyInvitations().pathComponents, use: invitations)
        user.get(SiteURL.surveyInvitation(.key).pathComponents, use: invitation)
        user.post(SiteURL.renewSurveyLink(.key).pathComponents, use: renewLink)
    }
}
