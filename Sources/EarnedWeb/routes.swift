import Vapor

/// Every route, by who may reach it. Addresses come from `SiteURL`; each controller registers
/// its own handlers (`boot(routes:)`) on the pages' builder, choosing `signedIn` or `user` below
/// for the ones that need a person.
func routes(_ app: Application, metrics: EarnedMetrics) throws {
    try app.register(collection: SystemController(metrics: metrics, config: app.earned.config))
    try app.register(collection: UnsubscribeController())
    try app.register(collection: TelegramHookController())

    let pages = app.grouped(SessionMiddleware()).grouped(CSRFMiddleware())
    let controllers: [any RouteCollection] = [
        SignInController(), SurveyPublicController(), CaseConfirmationController(), SecondFactorController(),
        PasswordResetController(),
        AccountController(), SecuritySettingsController(), MailSettingsController(), TelegramController(),
        ServiceController(),
        DashboardsController(),
        ForecastController(), SettingsController(), IncidentsController(), SurveysController(), ContactsController(),
        CustomersController(), DuplicatesController(), OrdersController(), ImportController(), ExportController(),
        LocationsController(),
        StaffController(), TokensController(), AuditController(), TasksController(), AbsencesController(),
    ]
    for controller in controllers { try pages.register(collection: controller) }

    try app.grouped(APITokenMiddleware()).grouped(TwoFactorRequirementMiddleware()).register(collection: APIRoutes())
}

extension RoutesBuilder {
    /// Signed in, but maybe still owing the second factor the owner requires: only signing out
    /// and setting it up.
    var signedIn: any RoutesBuilder { grouped(RequireUserMiddleware()) }

    /// Signed in, with the second factor if the owner requires one: everything else.
    var user: any RoutesBuilder { signedIn.grouped(TwoFactorRequirementMiddleware()) }
}
