/// Who may do what. Pages and the API ask here, so a rule lives in one place.
public enum Policy {
    public enum Action: Sendable {
        case manageLocations
        case manageStaff
        case viewAuditLog
        case mergeCustomers
        case eraseCustomers
        case deleteOrders
        case importData
        case exportData
        /// Webhook subscriptions: where events and customers' messages are sent.
        case manageIntegrations
        /// Call-first incidents: recording one sends outreach tasks to many people.
        case recordIncidents
        /// Survey definitions: what is asked, of whom, how often.
        case manageSurveys
        /// Survey results and invitations of the locations one sees.
        case viewSurveys
        /// Business-wide analyses that mix every location: consistency across the week, loyalty
        /// segments and the referral circle.
        case viewBusinessAnalytics
        /// Forecasting a loyalty program on the whole business's history, and the saved forecasts.
        case forecastPrograms
    }

    public static func may(_ staff: Staff, _ action: Action) -> Bool {
        guard staff.isActive else { return false }
        switch action {
        case .manageLocations, .manageStaff, .viewAuditLog, .manageIntegrations, .manageSurveys,
            .viewBusinessAnalytics, .forecastPrograms:
            return staff.role == .owner
        case .mergeCustomers, .eraseCustomers, .deleteOrders, .importData, .exportData, .recordIncidents, .viewSurveys:
            return staff.role >= .manager
        }
    }

    /// Throws `forbidden` unless `staff` may do `action`.
    public static func require(_ staff: Staff, _ action: Action) throws(DomainError) {
        if !may(staff, action) { throw DomainError.forbidden("your role may not do this") }
    }
}
