import EarnedDomain
import EarnedServices
import EarnedStore
import Fluent
import Vapor

/// What the whole application shares: its settings and its clock (fixed in tests).
struct AppContext: Sendable {
    var config: Config
    var clock: @Sendable () -> Date
    /// Score snapshots already decoded, reused while the stored one is unchanged.
    var snapshots = SnapshotCache()
}

extension Application {
    private struct ContextKey: StorageKey {
        typealias Value = AppContext
    }

    var earned: AppContext {
        get { storage[ContextKey.self] ?? AppContext(config: Config(), clock: { Date() }) }
        set { storage[ContextKey.self] = newValue }
    }
}

/// Who is asking: set by the session or token middleware.
struct CurrentUser: Sendable {
    var staff: Staff
    /// Present for a browser session (forms carry it); nil for an API token.
    var csrfToken: String?
}

extension Request {
    private struct UserKey: StorageKey {
        typealias Value = CurrentUser
    }
    private struct LangKey: StorageKey {
        typealias Value = Lang
    }
    private struct TransactionKey: StorageKey {
        typealias Value = any Database
    }

    /// The writing request's transaction, set by `WriteTransactionMiddleware`.
    var transaction: (any Database)? {
        get { storage[TransactionKey.self] }
        set { storage[TransactionKey.self] = newValue }
    }

    /// The database a request reads and writes: its transaction when it writes, else the pool.
    /// Everything a request does goes through this, never `db` directly, so a writing request's
    /// work commits or rolls back as one.
    var database: any Database { transaction ?? db }

    var currentUser: CurrentUser? {
        get { storage[UserKey.self] }
        set { storage[UserKey.self] = newValue }
    }

    /// The signed-in staff member, or an `unauthenticated` error.
    func actor() throws -> Staff {
        guard let user = currentUser else { throw DomainError.unauthenticated("sign in first") }
        return user.staff
    }

    var lang: Lang {
        get {
            if let lang = storage[LangKey.self] { return lang }
            let fallback = Lang(rawValue: application.earned.config.defaultLanguage) ?? .ru
            if let cookie = cookies["earned_lang"]?.string, let lang = Lang(rawValue: cookie) { return lang }
            return Lang.from(acceptLanguage: headers.first(name: .acceptLanguage), fallback: fallback)
        }
        set { storage[LangKey.self] = newValue }
    }

    var strings: Strings { Strings(lang: lang) }
    var now: Date { application.earned.clock() }
    var config: Config { application.earned.config }

    var customers: CustomerRepository { CustomerRepository(db: database) }
    var orders: OrderRepository { OrderRepository(db: database, defaultCurrency: config.defaultCurrency) }
    var locations: LocationRepository { LocationRepository(db: database) }
    var staffAccounts: StaffRepository { StaffRepository(db: database) }
    var security: SecurityStore { SecurityStore(db: database) }
    var tasks: TaskRepository { TaskRepository(db: database) }
    var promises: PromiseRepository { PromiseRepository(db: database) }
    var cases: CaseRepository { CaseRepository(db: database) }
    var contacts: ContactRepository { ContactRepository(db: database) }
    var incidents: IncidentRepository { IncidentRepository(db: database) }
    var settings: SettingsStore { SettingsStore(db: database) }
    var referrals: ReferralRepository { ReferralRepository(db: database) }
    var audit: AuditLog { AuditLog(db: database) }
    var accounts: AccountStore { AccountStore(db: database) }
    /// Where a service action runs: this request's transaction, clock and currency.
    var serviceContext: ServiceContext {
        ServiceContext(
            db: database, now: now, currency: config.defaultCurrency, linkBase: config.publicBase,
            staffLanguage: config.defaultLanguage)
    }

    /// The `:id` of the path as a typed id; `notFound` (naming `what`) when it is not one.
    func entityID<T>(_ what: String) throws -> Identifier<T> {
        guard let raw = parameters.get("id"), let id = Identifier<T>(string: raw) else {
            throw DomainError.notFound(what)
        }
        return id
    }

    /// The `:id` of the path as a plain UUID; `notFound` (naming `what`) when it is not one.
    func uuidParameter(_ what: String) throws -> UUID {
        guard let raw = parameters.get("id"), let id = UUID(uuidString: raw) else {
            throw DomainError.notFound(what)
        }
        return id
    }

    /// A query parameter as an ISO 8601 date-time (a bare date is midnight UTC); nil when absent,
    /// `invalid` naming the parameter when it does not read.
    func queryDate(_ name: String) throws -> Date? {
        guard let raw = query[String.self, at: name], !raw.isEmpty else { return nil }
        guard let date = ISO8601Text.parse(raw) else {
            throw DomainError.invalid([FieldError(field: name, code: .invalidFormat, detail: "an ISO 8601 date-time")])
        }
        return date
    }

    /// True for the JSON API, whose errors are problem+json.
    var isAPI: Bool { url.path.hasPrefix("/api/") }
}
