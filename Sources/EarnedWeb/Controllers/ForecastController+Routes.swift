import Vapor

extension ForecastController: RouteCollection {
    func boot(routes pages: any RoutesBuilder) throws {
        let user = pages.user
        user.get(SiteURL.forecast.pathComponents, use: page)
        user.post(SiteURL.forecast.pathComponents, use: run).ownTransactions()
        user.post(SiteURL.forecastSave.pathComponents, use: save)
        user.get(SiteURL.forecastList.pathComponents, use: list)
        user.get(SiteURL.forecastSaved(.key).pathComponents, use: show)
        user.post(SiteURL.deleteForecast(.key).pathComponents, use: delete)
    }
}
