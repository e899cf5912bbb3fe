import EarnedDomain
import EarnedServices
import EarnedStore
import Fluent
import Vapor

/// `earned user add`: creates a staff account from the command line (the first owner).
struct UserAddCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "the person's e-mail (their sign-in)") var email: String?
        @Option(name: "name", help: "the person's name") var name: String?
        @Option(name: "role", help: "owner, manager or staff (default owner)") var role: String?
        @Option(name: "location", help: "home location name (required for manager and staff)") var location: String?
        @Option(name: "password", help: "the password (at least 10 characters); asked for when left out") var password:
            String?
    }

    var prompt = CommandPrompt()

    var help: String { "Creates a staff account; the first one is the owner." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await prepareDatabase(app)
        let console = context.console
        let email = try prompt.value(signature.email, option: "email", prompt: "E-mail:", console: console)
        let name = try prompt.value(signature.name, option: "name", prompt: "Name:", console: console)
        guard let role = Role(rawValue: signature.role ?? "owner") else {
            throw Abort(.badRequest, reason: "role must be owner, manager or staff")
        }
        var location: LocationID? = nil
        if let wanted = signature.location {
            let all = try await LocationRepository(db: app.db).all()
            guard
                let found = all.first(where: {
                    ContactNormalizer.searchFold($0.name) == ContactNormalizer.searchFold(wanted)
                })
            else {
                throw Abort(.badRequest, reason: "no location named \(wanted)")
            }
            location = found.id
        }
        let password = try prompt.value(
            signature.password, option: "password", prompt: "Password (at least 10 characters):", secure: true,
            console: console)
        if let problem = PasswordRules.problems(password).first {
            throw Abort(.badRequest, reason: "the password \(problem.reason)")
        }
        let hash = try await app.password.async(on: app.threadPool, hopTo: app.eventLoopGroup.next()).hash(password)
        do {
            let staff = try await StaffRepository(db: app.db).create(
                StaffDraft(name: name, email: email, role: role, homeLocationID: location), passwordHash: hash,
                actor: nil,
                now: Date())
            console.info("Created \(staff.role.rawValue) \(staff.email).")
        } catch DomainError.invalid(let errors) {
            for error in errors { console.error("\(error.field): \(error.reason)") }
            throw ExitCode(1)
        }
    }
}

/// `earned user reset`: a one-time password reset link for someone who cannot sign in — the
/// owner too, whom no one else can reset — and with `--two-factor` their second factor turned
/// off (a lost phone and lost recovery codes). Whoever runs it has the server already.
struct UserResetCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "email", help: "the person's e-mail (their sign-in)") var email: String?
        @Flag(name: "two-factor", help: "also turn off their two-factor sign-in") var twoFactor: Bool
    }

    var help: String {
        "Prints a one-time password reset link (valid 24 hours); --two-factor also turns off the person's second factor."
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await CommandFailure.reported(on: context.console) {
            let app = context.application
            guard let email = signature.email, !email.isEmpty else {
                throw CommandFailure(description: "give the person's e-mail: earned user reset --email E")
            }
            try await prepareDatabase(app)
            guard let found = try await StaffRepository(db: app.db).credentials(email: email), found.staff.isActive
            else { throw CommandFailure(description: "no active account has the e-mail \(email)") }
            let store = AccountStore(db: app.db)
            let now = app.earned.clock()
            if signature.twoFactor { try await store.disable(found.staff.id, actor: nil, now: now) }
            let token = Secrets.token()
            _ = try await store.createReset(
                for: found.staff.id, tokenHash: Secrets.sha256(token), actor: nil, now: now,
                lifetime: PasswordReset.lifetime)
            let link = app.earned.config.publicBase + SiteURL.passwordReset(token: token).path
            context.console.info(
                (signature.twoFactor ? "Two-factor sign-in of \(found.staff.email) is off. " : "")
                    + "Open this link within 24 hours to set a new password (it works once):")
            context.console.output(link.consoleText())
        }
    }
}

/// `earned backup`: an online copy of the SQLite file (PostgreSQL: use pg_dump).
struct BackupCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Option(name: "output", short: "o", help: "where to write the copy (default earned-backup-<date>.sqlite)")
        var output: String?
    }

    var help: String { "Copies the embedded database while Earned keeps running (SQLite VACUUM INTO)." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard case .sqlite = app.earned.config.database else {
            context.console.warning(
                "Earned is on PostgreSQL: back it up with pg_dump, e.g. pg_dump \"$EARNED_DATABASE_URL\" > earned.sql")
            return
        }
        let stamp = Date().formatted(.iso8601.year().month().day()).replacingOccurrences(of: "-", with: "")
        let output = signature.output ?? "earned-backup-\(stamp).sqlite"
        guard !FileManager.default.fileExists(atPath: output) else {
            throw Abort(.badRequest, reason: "\(output) already exists; choose another --output")
        }
        try await SQLiteBackup.copy(app.db, to: output)
        context.console.info("Backup written to \(output)")
    }
}
