import EarnedDemo
import EarnedDomain
import EarnedStore
import Fluent
import Logging
import Vapor

/// Starts `earned`: reads the configuration, builds the app, runs the chosen command.
/// `earned serve` on the embedded database migrates first, so a first run just works;
/// `earned serve --demo` also fills an empty database with the demo business.
public enum Entrypoint {
    public static func main() async {
        var arguments = CommandLine.arguments
        let demo = arguments.contains("--demo")
        arguments.removeAll { $0 == "--demo" }
        var env: Environment
        do {
            env = try environment(arguments)
            try LoggingSystem.bootstrap(from: &env)
        } catch {
            print("earned: \(error)")
            exit(2)
        }
        // Making the application reads `.env.<environment>` and `.env` into the process
        // environment (what is already set wins): the one reading of those files, which the
        // configuration below then sees.
        let app: Application
        do {
            app = try await Application.make(env)
        } catch {
            print("earned: \(error)")
            exit(1)
        }
        let config: Config
        do {
            config = try Config.fromEnvironment()
        } catch {
            print(String(describing: error))
            try? await app.asyncShutdown()
            exit(2)
        }
        var code: Int32 = 0
        do {
            try await configure(app, config: config)
            let command = env.arguments.dropFirst().first ?? "serve"
            if command == "serve" {
                if case .postgres = config.database {} else { try await prepareDatabase(app) }
                if let interval = config.schedulerInterval {
                    app.lifecycle.use(SchedulerLifecycle(interval: interval))
                }
                if demo {
                    if try await CustomerRepository(db: app.db).countAll() == 0 {
                        app.logger.info("Creating the demo business…")
                        let business = try await DemoSeeder.seed(app, seed: 2026, scale: 1, now: Date())
                        app.logger.info(
                            "Demo ready: \(business.customerCount) customers. Sign in as \(DemoBusiness.ownerEmail) / \(DemoBusiness.password)"
                        )
                    } else {
                        app.logger.info(
                            "The database already has data; serving it. Demo sign-in: \(DemoBusiness.ownerEmail) / \(DemoBusiness.password)"
                        )
                    }
                }
            }
            // What `app.execute()` does, without its report of the error as a warning: a
            // command's failure is said once, below (or by the command, with its exit code).
            try await app.startup()
            try await app.running?.onStop.get()
        } catch let exit as ExitCode {
            code = exit.code
        } catch let abort as any AbortError {
            app.logger.error("\(abort.reason)")
            code = 1
        } catch {
            app.logger.error("\(String(describing: error))")
            code = 1
        }
        try? await app.asyncShutdown()
        if code != 0 { exit(code) }
    }

    /// The environment `--env NAME` (or `-e NAME`, or `VAPOR_ENV`) names, with the option taken
    /// out of the arguments; production when none is named.
    static func environment(_ arguments: [String]) throws -> Environment {
        let named =
            arguments.contains { $0 == "--env" || $0 == "-e" }
            || ProcessInfo.processInfo.environment["VAPOR_ENV"].map { !$0.isEmpty } == true
        return named
            ? try Environment.detect(arguments: arguments) : Environment(name: "production", arguments: arguments)
    }
}
