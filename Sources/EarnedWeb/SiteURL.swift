import Foundation
import Vapor

/// Every address on the site, spelled once: controllers register their routes from
/// `pathComponents` and views, redirects and the API's `Location` headers build links from
/// `path`. A case whose address holds an id takes a `Parameter`: `.key` where a route is
/// registered, `.value(id)` (or the plain id, through the overloads below) in a link.
enum SiteURL: Sendable {
    case home
    case signIn(next: String?)
    case signOut
    case language(Parameter<String>, next: String? = nil)
    case customers(search: String? = nil, location: UUID? = nil, cursor: String? = nil)
    case newCustomer
    case customer(Parameter<UUID>)
    case editCustomer(Parameter<UUID>)
    case customerNotes(Parameter<UUID>)
    case customerReferrals(Parameter<UUID>)
    case customerExport(Parameter<UUID>)
    /// A one-use link that starts the business's Telegram bot as this customer.
    case customerTelegramLink(Parameter<UUID>)
    case mergeCustomer(Parameter<UUID>)
    case eraseCustomer(Parameter<UUID>)
    case customerDuplicates(cursor: String? = nil)
    case mergeDuplicate
    case dismissDuplicate
    case orders(location: UUID? = nil, cursor: String? = nil)
    case newOrder(customer: UUID? = nil)
    case order(Parameter<UUID>)
    case editOrder(Parameter<UUID>)
    case orderAction(Parameter<UUID>)
    case importData
    /// The export page; with a kind, the file itself.
    case exportData(ExportParams = ExportParams())
    case importUpload(Parameter<UUID>)
    case importProgress(Parameter<UUID>)
    case importScript
    case forecastScript
    case locations
    case newLocation
    case editLocation(Parameter<UUID>)
    case staffList
    case newStaff
    case editStaff(Parameter<UUID>)
    case tokens
    case revokeToken(Parameter<UUID>)
    case audit
    case today(team: Bool, page: Int? = nil)
    /// The team's agenda narrowed to a person's work or a kind, at a page.
    case teamAgenda(person: String? = nil, kind: String? = nil, page: Int? = nil)
    case completeTask(Parameter<UUID>)
    case newTask(customer: UUID? = nil)
    case tasks
    case task(Parameter<UUID>)
    case taskAction(Parameter<UUID>)
    case absences
    case endAbsence(Parameter<UUID>)
    case promises(filter: String?)
    /// The promises list with its filters (the route is `promises`').
    case promiseList(ListParams)
    case caseList(ListParams)
    case orderList(ListParams)
    case taskList(ListParams)
    case surveyInvitationList(ListParams)
    case contactList(ListParams)
    case onTime(by: String?)
    case newPromise(customer: UUID?)
    case promise(Parameter<UUID>)
    case promiseAction(Parameter<UUID>)
    case cases
    case newCase(customer: UUID?)
    case serviceCase(Parameter<UUID>)
    case caseAction(Parameter<UUID>)
    case serviceSettings
    case outreachSettings
    case webhooks
    case toggleWebhook(Parameter<UUID>)
    case editWebhook(Parameter<UUID>)
    case deleteWebhook(Parameter<UUID>)
    case testWebhook(Parameter<UUID>)
    case resendDelivery(Parameter<UUID>)
    case incidents
    case newIncident
    case incident(Parameter<UUID>)
    case closeIncident(Parameter<UUID>)
    case contacts
    case newContact(customer: UUID? = nil)
    case contact(Parameter<UUID>)
    case contactAction(Parameter<UUID>)
    /// A reply by e-mail written on the contact's page.
    case contactReply(Parameter<UUID>)
    /// A file that came with a contact's mail.
    case contactFile(Parameter<UUID>, file: Parameter<String>)
    case surveys(by: String? = nil, days: Int? = nil)
    case surveyDefinitions
    case newSurvey
    case survey(Parameter<UUID>)
    case surveyInvitations(state: String? = nil)
    case surveyInvitation(Parameter<UUID>)
    case renewSurveyLink(Parameter<UUID>)
    /// The public page a survey invitation links to (`SurveyLink.path` in the services spells
    /// the same address for the scheduler's messages; a test holds the two together).
    case surveyAnswer(token: Parameter<String>)
    case scorecard(scope: String? = nil, period: Int? = nil, rank: String? = nil, export: String? = nil)
    case scorecardRecords(
        step: String, scope: String, period: Int, result: String? = nil, page: Int? = nil, export: Bool = false)
    case consistency(measure: String? = nil, export: String? = nil)
    case loyalty(segment: String? = nil, page: Int? = nil, export: String? = nil)
    case forecast
    case forecastFrom(UUID)
    case forecastSave
    case forecastList
    case forecastSaved(Parameter<UUID>)
    case deleteForecast(Parameter<UUID>)
    case stylesheet
    case health
    case metrics
    case openAPI
    case api(API)
    case account
    case accountPassword
    case twoFactorSetup
    case twoFactorDisable
    case recoveryCodes
    case signInCode(next: String?)
    case passwordReset(token: Parameter<String>)
    /// "Forgot your password?": a reset link by e-mail to a person's own address.
    case forgotPassword
    /// A resolved case's "is it solved?" link, sent to its customer.
    case caseConfirmation(token: Parameter<String>)
    case staffResetLink(Parameter<UUID>)
    case staffTwoFactorReset(Parameter<UUID>)
    case securitySettings
    /// The business's e-mail (or one location's, with `location`): the outgoing server, a test
    /// message, the delivery log.
    case mailSettings(location: UUID? = nil)
    /// The unsubscribe link of a message to a customer.
    case unsubscribe(token: Parameter<String>)
    case mailTest
    /// The business's Telegram bot.
    case telegramSettings
    /// Where Telegram sends the bot's updates in webhook mode.
    case telegramHook
    /// A link that brings the person's notices to their Telegram.
    case accountTelegram
    /// The person's own choices about notices by e-mail.
    case accountNotifications
    case auditSearch(
        person: UUID? = nil, kind: String? = nil, from: String? = nil, to: String? = nil, cursor: String? = nil,
        export: Bool = false)

    /// The one spelling of each address: its segments in order, and the query a link carries.
    private var address: (segments: [Segment], query: KeyValuePairs<String, String?>) {
        switch self {
        case .home: return ([], [:])
        case .signIn(let next): return (["sign-in"], ["next": next])
        case .signOut: return (["sign-out"], [:])
        case .language(let code, let next): return (["language", .named("code", code)], ["next": next])
        case .customers(let search, let location, let cursor):
            return (["customers"], ["q": search, "location": location?.uuidString.lowercased(), "cursor": cursor])
        case .newCustomer: return (["customers", "new"], [:])
        case .customer(let id): return (["customers", .id(id)], [:])
        case .editCustomer(let id): return (["customers", .id(id), "edit"], [:])
        case .customerNotes(let id): return (["customers", .id(id), "notes"], [:])
        case .customerReferrals(let id): return (["customers", .id(id), "referrals"], [:])
        case .mergeCustomer(let id): return (["customers", .id(id), "merge"], [:])
        case .eraseCustomer(let id): return (["customers", .id(id), "erase"], [:])
        case .customerExport(let id): return (["customers", .id(id), "export"], [:])
        case .customerTelegramLink(let id): return (["customers", .id(id), "telegram-link"], [:])
        case .customerDuplicates(let cursor): return (["customers", "duplicates"], ["cursor": cursor])
        case .mergeDuplicate: return (["customers", "duplicates", "merge"], [:])
        case .dismissDuplicate: return (["customers", "duplicates", "dismiss"], [:])
        case .orders(let location, let cursor):
            return (["orders"], ["location": location?.uuidString.lowercased(), "cursor": cursor])
        case .newOrder(let customer): return (["orders", "new"], ["customer": customer?.uuidString.lowercased()])
        case .order(let id): return (["orders", .id(id)], [:])
        case .editOrder(let id): return (["orders", .id(id), "edit"], [:])
        case .orderAction(let id): return (["orders", .id(id), "action"], [:])
        case .importData: return (["import"], [:])
        case .exportData(let params): return (["export"], params.query)
        case .importUpload(let id): return (["import", "uploads", .id(id)], [:])
        case .importProgress(let id): return (["import", "uploads", .id(id), "progress"], [:])
        case .importScript: return (["static", "import-progress.js"], [:])
        case .forecastScript: return (["static", "forecast-form.js"], [:])
        case .locations: return (["locations"], [:])
        case .newLocation: return (["locations", "new"], [:])
        case .editLocation(let id): return (["locations", .id(id)], [:])
        case .staffList: return (["staff"], [:])
        case .newStaff: return (["staff", "new"], [:])
        case .editStaff(let id): return (["staff", .id(id)], [:])
        case .tokens: return (["tokens"], [:])
        case .revokeToken(let id): return (["tokens", .id(id), "revoke"], [:])
        case .audit: return (["audit"], [:])
        case .today(let team, let page):
            return (["today"], ["view": team ? "team" : nil, "page": page.map(String.init)])
        case .teamAgenda(let person, let kind, let page):
            return (["today"], ["view": "team", "person": person, "kind": kind, "page": page.map(String.init)])
        case .completeTask(let id): return (["tasks", .id(id), "complete"], [:])
        case .newTask(let customer): return (["tasks", "new"], ["customer": customer?.uuidString.lowercased()])
        case .tasks: return (["tasks"], [:])
        case .task(let id): return (["tasks", .id(id)], [:])
        case .taskAction(let id): return (["tasks", .id(id), "action"], [:])
        case .absences: return (["absences"], [:])
        case .endAbsence(let id): return (["absences", .id(id), "end"], [:])
        case .promises(let filter): return (["promises"], ["status": filter])
        case .promiseList(let params): return (["promises"], params.query)
        case .caseList(let params): return (["cases"], params.query)
        case .orderList(let params): return (["orders"], params.query)
        case .taskList(let params): return (["tasks"], params.query)
        case .surveyInvitationList(let params): return (["surveys", "invitations"], params.query)
        case .contactList(let params): return (["contacts"], params.query)
        case .onTime(let by): return (["promises", "on-time"], ["by": by])
        case .newPromise(let customer): return (["promises", "new"], ["customer": customer?.uuidString.lowercased()])
        case .promise(let id): return (["promises", .id(id)], [:])
        case .promiseAction(let id): return (["promises", .id(id), "action"], [:])
        case .cases: return (["cases"], [:])
        case .newCase(let customer): return (["cases", "new"], ["customer": customer?.uuidString.lowercased()])
        case .serviceCase(let id): return (["cases", .id(id)], [:])
        case .caseAction(let id): return (["cases", .id(id), "action"], [:])
        case .serviceSettings: return (["settings", "service"], [:])
        case .outreachSettings: return (["settings", "outreach"], [:])
        case .webhooks: return (["settings", "webhooks"], [:])
        case .toggleWebhook(let id): return (["settings", "webhooks", .id(id), "active"], [:])
        case .editWebhook(let id): return (["settings", "webhooks", .id(id)], [:])
        case .deleteWebhook(let id): return (["settings", "webhooks", .id(id), "delete"], [:])
        case .testWebhook(let id): return (["settings", "webhooks", .id(id), "test"], [:])
        case .resendDelivery(let id): return (["settings", "webhooks", "deliveries", .id(id), "resend"], [:])
        case .incidents: return (["incidents"], [:])
        case .newIncident: return (["incidents", "new"], [:])
        case .incident(let id): return (["incidents", .id(id)], [:])
        case .closeIncident(let id): return (["incidents", .id(id), "close"], [:])
        case .contacts: return (["contacts"], [:])
        case .newContact(let customer): return (["contacts", "new"], ["customer": customer?.uuidString.lowercased()])
        case .contact(let id): return (["contacts", .id(id)], [:])
        case .contactAction(let id): return (["contacts", .id(id), "action"], [:])
        case .contactReply(let id): return (["contacts", .id(id), "reply"], [:])
        case .contactFile(let id, let file): return (["contacts", .id(id), "files", .named("file", file)], [:])
        case .surveys(let by, let days): return (["surveys"], ["by": by, "days": days.map(String.init)])
        case .surveyDefinitions: return (["surveys", "definitions"], [:])
        case .newSurvey: return (["surveys", "definitions", "new"], [:])
        case .survey(let id): return (["surveys", "definitions", .id(id)], [:])
        case .surveyInvitations(let state): return (["surveys", "invitations"], ["state": state])
        case .surveyInvitation(let id): return (["surveys", "invitations", .id(id)], [:])
        case .renewSurveyLink(let id): return (["surveys", "invitations", .id(id), "link"], [:])
        case .surveyAnswer(let token): return (["s", .named("token", token)], [:])
        case .scorecard(let scope, let period, let rank, let export):
            return (["scorecard"], ["scope": scope, "period": period.map(String.init), "rank": rank, "export": export])
        case .scorecardRecords(let step, let scope, let period, let result, let page, let export):
            return (
                ["scorecard", "records"],
                [
                    "step": step, "scope": scope, "period": String(period), "result": result,
                    "page": page.map(String.init), "export": export ? "csv" : nil,
                ]
            )
        case .consistency(let measure, let export): return (["consistency"], ["measure": measure, "export": export])
        case .loyalty(let segment, let page, let export):
            return (["loyalty"], ["segment": segment, "page": page.map(String.init), "export": export])
        case .forecast: return (["forecast"], [:])
        case .forecastFrom(let id): return (["forecast"], ["from": id.uuidString.lowercased()])
        case .forecastSave: return (["forecast", "save"], [:])
        case .forecastList: return (["forecast", "saved"], [:])
        case .forecastSaved(let id): return (["forecast", "saved", .id(id)], [:])
        case .deleteForecast(let id): return (["forecast", "saved", .id(id), "delete"], [:])
        case .stylesheet: return (["static", "earned.css"], [:])
        case .health: return (["health"], [:])
        case .metrics: return (["metrics"], [:])
        case .openAPI: return (["api", "openapi.json"], [:])
        case .api(let endpoint): return (Self.apiRoot + endpoint.segments, [:])
        case .account: return (["account"], [:])
        case .accountPassword: return (["account", "password"], [:])
        case .twoFactorSetup: return (["account", "two-factor"], [:])
        case .twoFactorDisable: return (["account", "two-factor", "disable"], [:])
        case .recoveryCodes: return (["account", "two-factor", "recovery-codes"], [:])
        case .signInCode(let next): return (["sign-in", "code"], ["next": next])
        case .passwordReset(let token): return (["reset", .named("token", token)], [:])
        case .forgotPassword: return (["sign-in", "forgot"], [:])
        case .caseConfirmation(let token): return (["c", .named("token", token)], [:])
        case .staffResetLink(let id): return (["staff", .id(id), "reset-link"], [:])
        case .staffTwoFactorReset(let id): return (["staff", .id(id), "two-factor", "reset"], [:])
        case .securitySettings: return (["settings", "security"], [:])
        case .mailSettings(let location):
            return (["settings", "mail"], ["location": location?.uuidString.lowercased()])
        case .mailTest: return (["settings", "mail", "test"], [:])
        case .accountNotifications: return (["account", "notifications"], [:])
        case .telegramSettings: return (["settings", "telegram"], [:])
        case .telegramHook: return (["hooks", "telegram"], [:])
        case .accountTelegram: return (["account", "telegram"], [:])
        case .unsubscribe(let token): return (["u", .named("token", token)], [:])
        case .auditSearch(let person, let kind, let from, let to, let cursor, let export):
            return (
                ["audit"],
                [
                    "person": person?.uuidString.lowercased(), "kind": kind, "from": from, "to": to,
                    "cursor": cursor, "export": export ? "csv" : nil,
                ]
            )
        }
    }

    /// Where the JSON API's endpoints begin.
    private static let apiRoot: [Segment] = ["api", "v1"]

    /// True for a request path inside the JSON API (`/api/v1/…`).
    static func isInAPI(_ path: String) -> Bool {
        path.hasPrefix("/" + apiRoot.map(\.text).joined(separator: "/") + "/")
    }

    /// The link: parameters filled in (a `.key` reads as its route, `/customers/:id`) and the
    /// query appended.
    var path: String {
        let (segments, query) = address
        return "/" + segments.map(\.text).joined(separator: "/") + Self.query(query)
    }

    /// The route this address belongs to, for registering a handler; a link's values and query
    /// do not change it.
    var pathComponents: [PathComponent] { address.segments.map(\.component) }

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

/// A parameter in an address: its name in a route (`.key`), or its value in a link.
enum Parameter<T: Sendable>: Sendable {
    case key
    case value(T)

    var value: T? {
        guard case .value(let value) = self else { return nil }
        return value
    }
}

extension SiteURL {
    /// One piece of an address: fixed text, or a named parameter and, in a link, its value.
    enum Segment: ExpressibleByStringLiteral, Sendable {
        case fixed(String)
        case parameter(String, value: String?)

        init(stringLiteral text: String) { self = .fixed(text) }

        /// An entity's id, written as the UUID in lower case; every id route names it `id`.
        static func id(_ id: Parameter<UUID>) -> Segment { .parameter("id", value: id.value?.uuidString.lowercased()) }

        /// A parameter of free text, such as a language code or a token.
        static func named(_ name: String, _ text: Parameter<String>) -> Segment { .parameter(name, value: text.value) }

        var text: String {
            switch self {
            case .fixed(let text): return text
            case .parameter(let name, let value): return value ?? ":" + name
            }
        }

        var component: PathComponent {
            switch self {
            case .fixed(let text): return .constant(text)
            case .parameter(let name, _): return .parameter(name)
            }
        }
    }
}

/// Links to one record, written with its id as the pages have always written them.
extension SiteURL {
    static func language(_ code: String, next: String) -> SiteURL { .language(.value(code), next: next) }
    static func customer(_ id: UUID) -> SiteURL { .customer(.value(id)) }
    static func editCustomer(_ id: UUID) -> SiteURL { .editCustomer(.value(id)) }
    static func customerNotes(_ id: UUID) -> SiteURL { .customerNotes(.value(id)) }
    static func customerReferrals(_ id: UUID) -> SiteURL { .customerReferrals(.value(id)) }
    static func customerExport(_ id: UUID) -> SiteURL { .customerExport(.value(id)) }
    static func mergeCustomer(_ id: UUID) -> SiteURL { .mergeCustomer(.value(id)) }
    static func eraseCustomer(_ id: UUID) -> SiteURL { .eraseCustomer(.value(id)) }
    static func importUpload(_ id: UUID) -> SiteURL { .importUpload(.value(id)) }
    static func importProgress(_ id: UUID) -> SiteURL { .importProgress(.value(id)) }
    static func editLocation(_ id: UUID) -> SiteURL { .editLocation(.value(id)) }
    static func editStaff(_ id: UUID) -> SiteURL { .editStaff(.value(id)) }
    static func revokeToken(_ id: UUID) -> SiteURL { .revokeToken(.value(id)) }
    static func completeTask(_ id: UUID) -> SiteURL { .completeTask(.value(id)) }
    static func promise(_ id: UUID) -> SiteURL { .promise(.value(id)) }
    static func order(_ id: UUID) -> SiteURL { .order(.value(id)) }
    static func editOrder(_ id: UUID) -> SiteURL { .editOrder(.value(id)) }
    static func orderAction(_ id: UUID) -> SiteURL { .orderAction(.value(id)) }
    static func task(_ id: UUID) -> SiteURL { .task(.value(id)) }
    static func taskAction(_ id: UUID) -> SiteURL { .taskAction(.value(id)) }
    static func endAbsence(_ id: UUID) -> SiteURL { .endAbsence(.value(id)) }
    static func promiseAction(_ id: UUID) -> SiteURL { .promiseAction(.value(id)) }
    static func serviceCase(_ id: UUID) -> SiteURL { .serviceCase(.value(id)) }
    static func caseAction(_ id: UUID) -> SiteURL { .caseAction(.value(id)) }
    static func toggleWebhook(_ id: UUID) -> SiteURL { .toggleWebhook(.value(id)) }
    static func editWebhook(_ id: UUID) -> SiteURL { .editWebhook(.value(id)) }
    static func deleteWebhook(_ id: UUID) -> SiteURL { .deleteWebhook(.value(id)) }
    static func testWebhook(_ id: UUID) -> SiteURL { .testWebhook(.value(id)) }
    static func resendDelivery(_ id: UUID) -> SiteURL { .resendDelivery(.value(id)) }
    static func incident(_ id: UUID) -> SiteURL { .incident(.value(id)) }
    static func closeIncident(_ id: UUID) -> SiteURL { .closeIncident(.value(id)) }
    static func contact(_ id: UUID) -> SiteURL { .contact(.value(id)) }
    static func contactAction(_ id: UUID) -> SiteURL { .contactAction(.value(id)) }
    static func survey(_ id: UUID) -> SiteURL { .survey(.value(id)) }
    static func surveyInvitation(_ id: UUID) -> SiteURL { .surveyInvitation(.value(id)) }
    static func renewSurveyLink(_ id: UUID) -> SiteURL { .renewSurveyLink(.value(id)) }
    static func forecastSaved(_ id: UUID) -> SiteURL { .forecastSaved(.value(id)) }
    static func deleteForecast(_ id: UUID) -> SiteURL { .deleteForecast(.value(id)) }
    static func passwordReset(token: String) -> SiteURL { .passwordReset(token: .value(token)) }
    static func staffResetLink(_ id: UUID) -> SiteURL { .staffResetLink(.value(id)) }
    static func staffTwoFactorReset(_ id: UUID) -> SiteURL { .staffTwoFactorReset(.value(id)) }
}

extension SiteURL {
    /// The JSON API's endpoints, under `/api/v1` (`SiteURL.api(_:)` adds the prefix, once). Kept
    /// apart from the pages' cases because the API names its resources by what they are, while
    /// pages name screens and form posts, and the two differ (`PATCH /customers/:id` against
    /// `POST /customers/:id` from a form).
    enum API: Sendable {
        case me
        case customers
        case customer(Parameter<UUID>)
        case customerMerge(Parameter<UUID>)
        case customerErase(Parameter<UUID>)
        case customerExport(Parameter<UUID>)
        case customerNotes(Parameter<UUID>)
        case customerReferrals(Parameter<UUID>)
        case duplicates
        case duplicateDismissals
        case orders
        case order(Parameter<UUID>)
        case orderActions(Parameter<UUID>)
        case locations
        case location(Parameter<UUID>)
        case staffList
        case staff(Parameter<UUID>)
        case promises
        case onTime
        case promise(Parameter<UUID>)
        case promiseActions(Parameter<UUID>)
        case cases
        case serviceCase(Parameter<UUID>)
        case caseActions(Parameter<UUID>)
        case contacts
        case contact(Parameter<UUID>)
        case contactActions(Parameter<UUID>)
        /// A contact's conversation by e-mail.
        case contactMessages(Parameter<UUID>)
        /// A reply by e-mail.
        case contactReplies(Parameter<UUID>)
        case tasks
        case completeTask(Parameter<UUID>)
        case taskActions(Parameter<UUID>)
        case absences
        case endAbsence(Parameter<UUID>)
        case incidents
        case incident(Parameter<UUID>)
        case closeIncident(Parameter<UUID>)
        case webhooks
        case webhook(Parameter<UUID>)
        case webhookDeliveries(Parameter<UUID>)
        case webhookTest(Parameter<UUID>)
        case deliveryResend(Parameter<UUID>)
        case serviceSettings
        case outreachSettings
        case mailSettings
        case mailTest
        /// The business's Telegram bot.
        case telegramSettings
        /// A one-use link that starts the bot as a customer.
        case customerTelegramLink(Parameter<UUID>)
        /// The caller's own choices about notices by e-mail.
        case notifications
        /// The e-mail Earned sent itself: the outbox and its delivery log.
        case messages
        case surveys
        case surveyResults
        case survey(Parameter<UUID>)
        case surveyInvitations
        case surveyInvitationLink(Parameter<UUID>)
        case surveyAnswers
        /// One kind of record as a CSV file.
        case exports(Parameter<String>)
        case forecastBaseline
        case forecastRun
        case forecasts
        case forecast(Parameter<UUID>)
        case scorecard
        case scorecardRecords
        case loyalty
        case consistency
        case customerScore(Parameter<UUID>)

        /// The one spelling of each endpoint, after `/api/v1`.
        var segments: [Segment] {
            switch self {
            case .me: return ["me"]
            case .customers: return ["customers"]
            case .customer(let id): return ["customers", .id(id)]
            case .customerMerge(let id): return ["customers", .id(id), "merge"]
            case .customerErase(let id): return ["customers", .id(id), "erase"]
            case .customerExport(let id): return ["customers", .id(id), "export"]
            case .customerNotes(let id): return ["customers", .id(id), "notes"]
            case .customerReferrals(let id): return ["customers", .id(id), "referrals"]
            case .duplicates: return ["customers", "duplicates"]
            case .duplicateDismissals: return ["customers", "duplicates", "dismissals"]
            case .orders: return ["orders"]
            case .order(let id): return ["orders", .id(id)]
            case .orderActions(let id): return ["orders", .id(id), "actions"]
            case .locations: return ["locations"]
            case .location(let id): return ["locations", .id(id)]
            case .staffList: return ["staff"]
            case .staff(let id): return ["staff", .id(id)]
            case .promises: return ["promises"]
            case .onTime: return ["promises", "on-time"]
            case .promise(let id): return ["promises", .id(id)]
            case .promiseActions(let id): return ["promises", .id(id), "actions"]
            case .cases: return ["cases"]
            case .serviceCase(let id): return ["cases", .id(id)]
            case .caseActions(let id): return ["cases", .id(id), "actions"]
            case .contacts: return ["contacts"]
            case .contact(let id): return ["contacts", .id(id)]
            case .contactActions(let id): return ["contacts", .id(id), "actions"]
            case .contactMessages(let id): return ["contacts", .id(id), "messages"]
            case .contactReplies(let id): return ["contacts", .id(id), "replies"]
            case .tasks: return ["tasks"]
            case .completeTask(let id): return ["tasks", .id(id), "complete"]
            case .taskActions(let id): return ["tasks", .id(id), "actions"]
            case .absences: return ["absences"]
            case .endAbsence(let id): return ["absences", .id(id), "end"]
            case .incidents: return ["incidents"]
            case .incident(let id): return ["incidents", .id(id)]
            case .closeIncident(let id): return ["incidents", .id(id), "close"]
            case .webhooks: return ["webhooks"]
            case .webhook(let id): return ["webhooks", .id(id)]
            case .webhookDeliveries(let id): return ["webhooks", .id(id), "deliveries"]
            case .webhookTest(let id): return ["webhooks", .id(id), "test"]
            case .deliveryResend(let id): return ["webhook-deliveries", .id(id), "resend"]
            case .serviceSettings: return ["settings", "service"]
            case .outreachSettings: return ["settings", "outreach"]
            case .mailSettings: return ["settings", "mail"]
            case .mailTest: return ["settings", "mail", "test"]
            case .telegramSettings: return ["settings", "telegram"]
            case .customerTelegramLink(let id): return ["customers", .id(id), "telegram-link"]
            case .notifications: return ["me", "notifications"]
            case .messages: return ["messages"]
            case .surveys: return ["surveys"]
            case .surveyResults: return ["surveys", "results"]
            case .survey(let id): return ["surveys", .id(id)]
            case .surveyInvitations: return ["survey-invitations"]
            case .surveyInvitationLink(let id): return ["survey-invitations", .id(id), "link"]
            case .surveyAnswers: return ["survey-answers"]
            case .exports(let kind): return ["exports", .named("kind", kind)]
            case .forecastBaseline: return ["forecasts", "baseline"]
            case .forecastRun: return ["forecasts", "run"]
            case .forecasts: return ["forecasts"]
            case .forecast(let id): return ["forecasts", .id(id)]
            case .scorecard: return ["analytics", "scorecard"]
            case .scorecardRecords: return ["analytics", "scorecard", "records"]
            case .loyalty: return ["analytics", "loyalty"]
            case .consistency: return ["analytics", "consistency"]
            case .customerScore(let id): return ["customers", .id(id), "score"]
            }
        }

        /// The route, for registering a handler.
        var pathComponents: [PathComponent] { SiteURL.api(self).pathComponents }

        /// The link, as a `Location` header gives it.
        var path: String { SiteURL.api(self).path }
    }
}

/// The endpoints a `Location` header points at, written with the new record's id.
extension SiteURL.API {
    static func customer(_ id: UUID) -> Self { .customer(.value(id)) }
    static func order(_ id: UUID) -> Self { .order(.value(id)) }
    static func location(_ id: UUID) -> Self { .location(.value(id)) }
    static func staff(_ id: UUID) -> Self { .staff(.value(id)) }
    static func promise(_ id: UUID) -> Self { .promise(.value(id)) }
    static func serviceCase(_ id: UUID) -> Self { .serviceCase(.value(id)) }
    static func contact(_ id: UUID) -> Self { .contact(.value(id)) }
    static func incident(_ id: UUID) -> Self { .incident(.value(id)) }
    static func webhook(_ id: UUID) -> Self { .webhook(.value(id)) }
    static func survey(_ id: UUID) -> Self { .survey(.value(id)) }
    static func forecast(_ id: UUID) -> Self { .forecast(.value(id)) }
}
