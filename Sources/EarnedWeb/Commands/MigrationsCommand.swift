import Fluent
import Foundation
import Vapor

/// `earned migrate`: runs the migrations not yet run, without asking. Migrations only ever add
/// (an old one is never edited or undone), so there is nothing to confirm; Fluent's own command
/// asked, and stopped with a crash when nobody could answer (a script, a container). The `--yes`
/// of older instructions is still accepted.
struct MigrationsCommand: AsyncCommand {
    struct Signature: CommandSignature {}

    var help: String { "Runs the database migrations not yet run (SQLite or PostgreSQL)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await app.migrator.setupIfNeeded().get()
        let pending = try await app.migrator.previewPrepareBatch().get().map(\.0.name)
        try await prepareDatabase(app)
        if pending.isEmpty {
            context.console.print("No new migrations: the database is up to date.")
        } else {
            for name in pending { context.console.print("+ \(name)") }
            context.console.info("Ran \(pending.count) migration\(pending.count == 1 ? "" : "s").")
        }
    }
}

/// Asks on the terminal for what the command line left out, or, with no terminal to ask on (a
/// script, a container), stops with the option to give: the console would otherwise end the
/// program with a crash at the end of its input.
struct CommandPrompt: Sendable {
    var interactive: @Sendable () -> Bool = { isatty(STDIN_FILENO) == 1 }

    func value(
        _ given: String?, option: String, prompt: String, secure: Bool = false, console: any Console
    ) throws -> String {
        if let given { return given }
        guard interactive() else {
            throw CommandFailure(description: "give --\(option): there is no terminal to ask on")
        }
        return console.ask(prompt.consoleText(), isSecure: secure)
    }
}
