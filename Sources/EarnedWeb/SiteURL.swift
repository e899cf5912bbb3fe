import Foundation

/// Every page address in one place; views and redirects build links only from here.
enum SiteURL: Sendable {
    case home
    case signIn(next: String?)
    case signOut
    case language(String, next: String)
    case customers(search: String? = nil, location: UUID? = nil, cursor: String? = nil)
    case newCustomer
    case customer(UUID)
    case editCustomer(UUID)
    case customerNotes(UUID)
    case customerReferrals(UUID)
    case customerExport(UUID)
    case mergeCustomer(UUID)
    case eraseCustomer(UUID)
    case customerDuplicates(cursor: String? = nil)
    case mergeDuplicate
    case dismissDuplicate
    case orders(location: UUID? = nil, cursor: String? = nil)
    case newOrder(customer: UUID? = nil)
    case importData
    case importUpload(UUID)
    case importProgress(UUID)
    case importScript
    case locations
    case newLocation
    case editLocation(UUID)
    case staffList
    case newStaff
    case editStaff(UUID)
    case tokens
    case revokeToken(UUID)
    case audit
    case today(team: Bool)
    case completeTask(UUID)
    case promises(filter: String?)
    case onTime(by: String?)
    case newPromise(customer: UUID?)
    case promise(UUID)
    case promiseAction(UUID)
    case cases
    case newCase(customer: UUID?)
    case serviceCase(UUID)
    case caseAction(UUID)
    case serviceSettings
    case outreachSettings
    case webhooks
    case toggleWebhook(UUID)
    case incidents
    case newIncident
    case incident(UUID)
    case closeIncident(UUID)
    case contacts
    case newContact(customer: UUID? = nil)
    case contact(UUID)
    case contactAction(UUID)
    case surveys(by: String? = nil, days: Int? = nil)
    case surveyDefinitions
    case newSurvey
    case survey(UUID)
    case surveyInvitations(state: String? = nil)
    case surveyInvitation(UUID)
    case renewSurveyLink(UUID)
    case scorecard(scope: String? = nil, period: Int? = nil, rank: String? = nil, export: String? = nil)
    case scorecardRecords(
        step: String, scope: String, period: Int, result: String? = nil, page: Int? = nil, export: Bool = false)
    case consistency(measure: String? = nil, export: String? = nil)
    case loyalty(segment: String? = nil, page: Int? = nil, export: String? = nil)
    case forecast
    case forecastFrom(UUID)
    case forecastSave
    case forecastList
    case forecastSaved(UUID)
    case deleteForecast(UUID)
    case stylesheet
    case health
    case metrics
    case openAPI
    case account
    case accountPassword
    case twoFactorSetup
    case twoFactorDisable
    case recoveryCodes
    case signInCode(next: String?)
    case passwordReset(token: String)
    case staffResetLink(UUID)
    case staffTwoFactorReset(UUID)
    case securitySettings
    case auditSearch(
        person: UUID? = nil, kind: String? = nil, from: String? = nil, to: String? = nil, cursor: String? = nil,
        export: Bool = false)

    var path: String {
        switch self {
        case .home: return "/"
        case .signIn(let next): return "/sign-in" + Self.query(["next": next])
        case .signOut: return "/sign-out"
        case .language(let code, let next): return "/language/\(code)" + Self.query(["next": next])
        case .customers(let search, let location, let cursor):
            return "/customers"
                + Self.query(["q": search, "location": location?.uuidString.lowercased(), "cursor": cursor])
        case .newCustomer: return "/customers/new"
        case .customer(let id): return "/customers/\(id.uuidString.lowercased())"
        case .editCustomer(let id): return "/customers/\(id.uuidString.lowercased())/edit"
        case .customerNotes(let id): return "/customers/\(id.uuidString.lowercased())/notes"
        case .customerReferrals(let id): return "/customers/\(id.uuidString.lowercased())/referrals"
        case .mergeCustomer(let id): return "/customers/\(id.uuidString.lowercased())/merge"
        case .eraseCustomer(let id): return "/customers/\(id.uuidString.lowercased())/erase"
        case .customerExport(let id): return "/customers/\(id.uuidString.lowercased())/export"
        case .customerDuplicates(let cursor): return "/customers/duplicates" + Self.query(["cursor": cursor])
        case .mergeDuplicate: return "/customers/duplicates/merge"
        case .dismissDuplicate: return "/customers/duplicates/dismiss"
        case .orders(let location, let cursor):
            return "/orders" + Self.query(["location": location?.uuidString.lowercased(), "cursor": cursor])
        case .newOrder(let customer): return "/orders/new" + Self.query(["customer": customer?.uuidString.lowercased()])
        case .importData: return "/import"
        case .importUpload(let id): return "/import/uploads/\(id.uuidString.lowercased())"
        case .importProgress(let id): return "/import/uploads/\(id.uuidString.lowercased())/progress"
        case .importScript: return "/static/import-progress.js"
        case .locations: return "/locations"
        case .newLocation: return "/locations/new"
        case .editLocation(let id): return "/locations/\(id.uuidString.lowercased())"
        case .staffList: return "/staff"
        case .newStaff: return "/staff/new"
        case .editStaff(let id): return "/staff/\(id.uuidString.lowercased())"
        case .tokens: return "/tokens"
        case .revokeToken(let id): return "/tokens/\(id.uuidString.lowercased())/revoke"
        case .audit: return "/audit"
        case .today(let team): return "/today" + (team ? "?view=team" : "")
        case .completeTask(let id): return "/tasks/\(id.uuidString.lowercased())/complete"
        case .promises(let filter): return "/promises" + Self.query(["filter": filter])
        case .onTime(let by): return "/promises/on-time" + Self.query(["by": by])
        case .newPromise(let customer):
            return "/promises/new" + Self.query(["customer": customer?.uuidString.lowercased()])
        case .promise(let id): return "/promises/\(id.uuidString.lowercased())"
        case .promiseAction(let id): return "/promises/\(id.uuidString.lowercased())/action"
        case .cases: return "/cases"
        case .newCase(let customer): return "/cases/new" + Self.query(["customer": customer?.uuidString.lowercased()])
        case .serviceCase(let id): return "/cases/\(id.uuidString.lowercased())"
        case .caseAction(let id): return "/cases/\(id.uuidString.lowercased())/action"
        case .serviceSettings: return "/settings/service"
        case .outreachSettings: return "/settings/outreach"
        case .webhooks: return "/settings/webhooks"
        case .toggleWebhook(let id): return "/settings/webhooks/\(id.uuidString.lowercased())/active"
        case .incidents: return "/incidents"
        case .newIncident: return "/incidents/new"
        case .incident(let id): return "/incidents/\(id.uuidString.lowercased())"
        case .closeIncident(let id): return "/incidents/\(id.uuidString.lowercased())/close"
        case .contacts: return "/contacts"
        case .newContact(let customer):
            return "/contacts/new" + Self.query(["customer": customer?.uuidString.lowercased()])
        case .contact(let id): return "/contacts/\(id.uuidString.lowercased())"
        case .contactAction(let id): return "/contacts/\(id.uuidString.lowercased())/action"
        case .surveys(let by, let days):
            return "/surveys" + Self.query(["by": by, "days": days.map(String.init)])
        case .surveyDefinitions: return "/surveys/definitions"
        case .newSurvey: return "/surveys/definitions/new"
        case .survey(let id): return "/surveys/definitions/\(id.uuidString.lowercased())"
        case .surveyInvitations(let state): return "/surveys/invitations" + Self.query(["state": state])
        case .surveyInvitation(let id): return "/surveys/invitations/\(id.uuidString.lowercased())"
        case .renewSurveyLink(let id): return "/surveys/invitations/\(id.uuidString.lowercased())/link"
        case .scorecard(let scope, let period, let rank, let export):
            return "/scorecard"
                + Self.query(["scope": scope, "period": period.map(String.init), "rank": rank, "export": export])
        case .scorecardRecords(let step, let scope, let period, let result, let page, let export):
            return "/scorecard/records"
                + Self.query([
                    "step": step, "scope": scope, "period": String(period), "result": result,
                    "page": page.map(String.init), "export": export ? "csv" : nil,
                ])
        case .consistency(let measure, let export):
            return "/consistency" + Self.query(["measure": measure, "export": export])
        case .loyalty(let segment, let page, let export):
            return "/loyalty" + Self.query(["segment": segment, "page": page.map(String.init), "export": export])
        case .forecast: return "/forecast"
        case .forecastFrom(let id): return "/forecast" + Self.query(["from": id.uuidString.lowercased()])
        case .forecastSave: return "/forecast/save"
        case .forecastList: return "/forecast/saved"
        case .forecastSaved(let id): return "/forecast/saved/\(id.uuidString.lowercased())"
        case .deleteForecast(let id): return "/forecast/saved/\(id.uuidString.lowercased())/delete"
        case .stylesheet: return "/static/earned.css"
        case .health: return "/health"
        case .metrics: return "/metrics"
        case .openAPI: return "/api/openapi.json"
        case .account: return "/account"
        case .accountPassword: return "/account/password"
        case .twoFactorSetup: return "/account/two-factor"
        case .twoFactorDisable: return "/account/two-factor/disable"
        case .recoveryCodes: return "/account/two-factor/recovery-codes"
        case .signInCode(let next): return "/sign-in/code" + Self.query(["next": next])
        case .passwordReset(let token): return "/reset/\(token)"
        case .staffResetLink(let id): return "/staff/\(id.uuidString.lowercased())/reset-link"
        case .staffTwoFactorReset(let id): return "/staff/\(id.uuidString.lowercased())/two-factor/reset"
        case .securitySettings: return "/settings/security"
        case .auditSearch(let person, let kind, let from, let to, let cursor, let export):
            return "/audit"
                + Self.query([
                    "person": person?.uuidString.lowercased(), "kind": kind, "from": from, "to": to,
                    "cursor": cursor, "export": export ? "csv" : nil,
                ])
        }
    }

    static func query(_ items: KeyValuePairs<String, String?>) -> String {
        var allowed = CharacterSet.urlQueryAllowed
        allowed.remove(charactersIn: "&=+?#")
        let parts = items.compactMap { key, value -> String? in
            guard let value, !value.isEmpty else { return nil }
            return key + "=" + (value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")
        }
        return parts.isEmpty ? "" : "?" + parts.joined(separator: "&")
    }

    /// A local path safe to redirect to after sign-in (never another site).
    static func safeNext(_ next: String?) -> String {
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.contains("\\") else { return "/" }
        return next
    }
}
