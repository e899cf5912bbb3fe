import Vapor

extension SettingsController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        let user = pages.user
        user.get(SiteURL.serviceSettings.pathComponents, use: service)
        user.post(SiteURL.serviceSettings.pathComponents, use: saveService)
        user.get(SiteURL.outreachSettings.pathComponents, use: outreach)
        user.post(SiteURL.outreachSettings.pathComponents, use: saveOutreach)
        user.get(SiteURL.webhooks.pathComponents, use: webhooks)
        user.post(SiteURL.webhooks.pathComponents, use: createWebhook)
        user.post(SiteURL.toggleWebhook(.key).pathComponents, use: toggleWebhook)
        user.get(SiteURL.editWebhook(.key).pathComponents, use: editWebhook)
        user.post(SiteURL.editWebhook(.key).pathComponents, use: updateWebhook)
        user.post(SiteURL.deleteWebhook(.key).pathComponents, use: deleteWebhook)
        user.post(SiteURL.testWebhook(.key).pathComponents, use: testWebhook)
        user.post(SiteURL.resendDelivery(.key).pathComponents, use: resendDelivery)
    }
}
