import Vapor

func registerCommands(_ app: Application) {
    app.asyncCommands.use(MigrationsCommand(), as: "migrate")
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(ExportCommand(), as: "export")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
    app.asyncCommands.use(TickCommand(), as: "tick")
    app.asyncCommands.use(ScoreCommand(), as: "score")
    app.asyncCommands.use(FitCommand(), as: "fit")
    app.asyncCommands.use(ForecastCommand(), as: "forecast")
    var user = AsyncCommandGroupBuilder(help: "Manage staff accounts")
    user.add(UserAddCommand(), as: "add")
    user.add(UserResetCommand(), as: "reset")
    app.asyncCommands.use(user, as: "user")
}

struct AsyncCommandGroupBuilder: AsyncCommandGroup {
    var commands: [String: any AnyAsyncCommand] = [:]
    var help: String

    init(help: String) { self.help = help }

    mutating func add(_ command: any AnyAsyncCommand, as name: String) { commands[name] = command }
}

/// A command stopping with a message for the terminal (and exit code 1).
struct CommandFailure: Error, CustomStringConvertible {
    var description: String

    /// Runs a command's work; a failure is said on the terminal and ends it with exit code 1.
    static func reported(on console: any Console, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let failure as CommandFailure {
            console.error(failure.description)
            throw ExitCode(1)
        }
    }
}

/// Ends a command with this exit code; what went wrong was already said.
struct ExitCode: Error, CustomStringConvertible {
    var code: Int32
    init(_ code: Int32) { self.code = code }
    var description: String { "exit \(code)" }
}
