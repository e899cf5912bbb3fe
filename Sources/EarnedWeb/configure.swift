import EarnedDomain
import EarnedServices
import EarnedStore
import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Vapor

/// Builds the application from its configuration; production, the commands and the tests all
/// come through here.
public func configure(_ app: Application, config: Config, clock: @escaping @Sendable () -> Date = { Date() })
    async throws
{
    app.earned = AppContext(config: config, clock: clock)
    app.secretBox = try SecretBox.resolve(config)
    switch config.database {
    case .sqlite(let path):
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .debug), as: .sqlite)
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory, sqlLogLevel: .debug), as: .sqlite)
    case .postgres(let url):
        var configuration = try SQLPostgresConfiguration(url: url)
        if !url.contains("sslmode") && !url.contains("tlsmode") { configuration.coreConfiguration.tls = .disable }
        app.databases.use(
            .postgres(configuration: configuration, maxConnectionsPerEventLoop: 4, sqlLogLevel: .debug), as: .psql)
    }
    app.migrations.add(EarnedMigrations.all)
    ContentConfiguration.global.use(encoder: APIDates.encoder, for: .json)
    ContentConfiguration.global.use(decoder: APIDates.decoder, for: .json)
    app.passwords.use(.bcrypt(cost: config.bcryptCost))
    app.http.server.configuration.hostname = config.hostname
    app.http.server.configuration.port = config.port

    let metrics = EarnedMetrics()
    app.earnedMetrics = metrics
    app.middleware = Middlewares()
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(EarnedErrorMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    // Counted before a writing request's transaction opens, so a refused request still counts.
    app.middleware.use(APIRateLimitMiddleware())
    app.middleware.use(TextInputMiddleware())
    app.middleware.use(WriteTransactionMiddleware(gate: WriteGate()))
    app.routes.defaultMaxBodySize = "64mb"

    try routes(app, metrics: metrics)
    registerCommands(app)
}

/// Runs the migrations; on SQLite switches the file to write-ahead logging and gives every
/// connection its busy timeout.
public func prepareDatabase(_ app: Application) async throws {
    try await tuneConnections(app)
    try await app.autoMigrate()
    if case .sqlite = app.earned.config.database { try await SQLiteTuning.useWriteAheadLog(app.db) }
    try await QueryPlannerStatistics.refreshOnOpen(app.db)
}

/// The SQLite driver keeps one connection per event loop, and pragmas belong to a connection:
/// each loop's connection gets them (see `SQLiteTuning`).
func tuneConnections(_ app: Application) async throws {
    for loop in app.eventLoopGroup.makeIterator() {
        guard let db = app.databases.database(logger: app.logger, on: loop) else { continue }
        try await SQLiteTuning.tune(db)
    }
}
