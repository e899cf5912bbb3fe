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
        /// Work of the whole business rather than of locations: a customer or an order of no
        /// location, an incident of the whole business, the business and team scopes of the
        /// scorecard.
        case workBusinessWide
        /// The team's work beside one's own: the team view of the service desk and of Today,
        /// everyone's promises in the on-time report, the people of one's locations on the
        /// scorecard.
        case seeTeamWork
        /// Changing a task or a promise that belongs to someone else.
        case changeOthersWork
    }

    public static func may(_ staff: Staff, _ action: Action) -> Bool {
        guard staff.isActive else { return false }
        switch action {
        case .manageLocations, .manageStaff, .viewAuditLog, .manageIntegrations, .manageSurveys,
            .viewBusinessAnalytics, .forecastPrograms, .workBusinessWide:
            return staff.role == .owner
        case .mergeCustomers, .eraseCustomers, .deleteOrders, .importData, .exportData, .recordIncidents, .viewSurveys,
            .seeTeamWork, .changeOthersWork:
            return staff.role >= .manager
        }
    }

    /// Who may change a piece of the daily work (close, snooze or hand on a task, keep or hand on a
    /// promise, end an order, assign a contact, hand on a case): whoever holds it — one of
    /// `holders`, where a record has more than one (a case's owner and holder) — or a manager.
    public static func mayChange(_ staff: Staff, workHeldBy holders: StaffID?...) -> Bool {
        guard staff.isActive else { return false }
        return holders.contains(staff.id) || may(staff, .changeOthersWork)
    }

    /// Who may see a record of the daily work — an order, a promise, a case, an inbound contact,
    /// a task, a survey invitation: the person it belongs to (its owner, assignee or seller) and
    /// whoever sees its location. Lists, detail pages, the API and exports all ask this.
    public static func maySee(_ staff: Staff, recordAt location: LocationID?, belongingTo people: StaffID?...)
        -> Bool
    {
        guard staff.isActive else { return false }
        return people.contains(staff.id) || staff.canSee(location: location)
    }

    /// Who may see a customer: whoever sees their home location, and whoever serves them, that
    /// is, may see one of the records about them (`maySee(_:recordAt:belongingTo:)`). So every
    /// row of a list that names a customer opens that customer's page for the same person.
    public static func maySee(_ staff: Staff, customerHomedAt home: LocationID?, servesThem: Bool) -> Bool {
        guard staff.isActive else { return false }
        return staff.canSee(location: home) || servesThem
    }

    /// Who may see a colleague's account: oneself, and whoever sees the colleague's home location
    /// (an owner sees everyone).
    public static func maySee(_ staff: Staff, colleague: Staff) -> Bool {
        guard staff.isActive else { return false }
        return colleague.id == staff.id || staff.canSee(location: colleague.homeLocationID)
    }

    /// Who may see an incident: whoever reported it, whoever sees its location, and everyone for
    /// an incident of the whole business (no location).
    public static func maySee(_ staff: Staff, incidentAt location: LocationID?, reportedBy reporter: StaffID?) -> Bool {
        guard staff.isActive else { return false }
        return reporter == staff.id || location.map { staff.canSee(location: $0) } ?? true
    }

    /// Who may be made responsible for work placed at a location (own a customer, a promise, a
    /// case): an active colleague who sees that location; an owner sees every location.
    public static func mayBeResponsible(_ colleague: Staff, at location: LocationID?) -> Bool {
        colleague.isActive && (colleague.role == .owner || colleague.canSee(location: location))
    }

    /// Who answers for a location, among `staff`: its active managers, else the active owners.
    public static func answerFor(_ location: LocationID?, among staff: [Staff]) -> [Staff] {
        let active = staff.filter(\.isActive)
        let managers = active.filter { $0.role == .manager && $0.canSee(location: location) }
        return managers.isEmpty ? active.filter { $0.role == .owner } : managers
    }

    /// Throws `forbidden` unless `staff` may do `action`.
    public static func require(_ staff: Staff, _ action: Action) throws(DomainError) {
        if !may(staff, action) { throw DomainError.forbidden("your role may not do this") }
    }
}
