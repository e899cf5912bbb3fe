import EarnedDomain
import EarnedStore
import Fluent
import Vapor

/// `earned import customers|orders|transactions|contacts|survey-answers FILE`.
struct ImportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(
            name: "kind",
            help:
                "customers, orders, transactions (a log: customer id, date, quantity, amount) contacts or survey-answers (past survey answers)"
        )
        var kind: String
        @Argument(name: "file", help: "the CSV file (UTF-8 or Windows-1251; comma, semicolon, tab or space separated)")
        var file: String
        @Option(name: "map", help: "field=Header or field=column number, comma separated (e.g. phone=Телефон,amount=5)")
        var map: String?
        @Flag(name: "partial", help: "Import the good lines even when others have errors") var partial: Bool
        @Option(name: "as", help: "E-mail of the staff member the import acts for (default: the first owner)")
        var actor: String?
        @Option(name: "time-zone", help: "Zone of times without an offset (default: the actor's location)") var zone:
            String?
    }

    var help: String {
        """
        Imports customers, orders or a transaction log. Every line is checked first; nothing is written when any line \
        is bad (unless --partial). Importing the same file again changes nothing. A transaction log such as \
        CDNOW_sample.txt (master id, sample id, YYYYMMDD, quantity, amount) maps customer_id=1, ordered_at=3, \
        quantity=4, amount=5.
        """
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        guard let kind = ImportKind(rawValue: signature.kind) else {
            throw Abort(
                .badRequest,
                reason: "kind must be customers, orders, transactions contacts or survey-answers (past survey answers)")
        }
        try await prepareDatabase(app)
        let actor = try await CommandActor.resolve(app, email: signature.actor)
        let overrides = try CSVColumnOverride.parse(
            (signature.map ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            })
        var zone = TimeZone.gmt
        if let name = signature.zone {
            guard let z = TimeZone(identifier: name) else {
                throw Abort(.badRequest, reason: "unknown time zone \(name)")
            }
            zone = z
        } else if let home = actor.homeLocationID, let location = try await LocationRepository(db: app.db).find(home) {
            zone = TimeZone(identifier: location.timeZone) ?? .gmt
        }
        let stream = try CSVRecordStream(contentsOf: URL(fileURLWithPath: signature.file))
        let options = Importer.Options(
            kind: kind, overrides: overrides, partial: signature.partial, timeZone: zone,
            currency: app.earned.config.defaultCurrency)
        let console = context.console
        let started = Date()
        let report = try await Importer(db: app.db).run(records: stream, options: options, actor: actor, now: Date()) {
            lines in
            console.output("\rread \(lines) lines".consoleText(), newLine: false)
        }
        console.output("")
        app.earnedMetrics.imported(report, kind: kind)
        let seconds = Date().timeIntervalSince(started)
        for problem in report.problems.prefix(200) { console.error(problem.description) }
        if report.problems.count > 200 { console.error("… and \(report.problems.count - 200) more problems") }
        if report.rolledBack {
            let lines = Set(report.problems.map(\.line)).count
            console.error("Nothing was imported: \(lines) \(lines == 1 ? "line has" : "lines have") problems.")
            throw ExitCode(1)
        }
        console.info(
            "\(report.rows) lines in \(String(format: "%.1f", seconds)) s (\(report.encoding), \(report.separator)): "
                + "\(report.created) added, \(report.updated) updated, \(report.unchanged) unchanged, \(report.skipped) skipped."
        )
    }
}

/// The staff member a command acts for.
enum CommandActor {
    static func resolve(_ app: Application, email: String?) async throws -> Staff {
        let repo = StaffRepository(db: app.db)
        if let email {
            guard let found = try await repo.credentials(email: email)?.staff else {
                throw Abort(.badRequest, reason: "no staff member with e-mail \(email)")
            }
            return found
        }
        guard let owner = try await repo.firstOwner() else {
            throw Abort(.badRequest, reason: "there is no owner yet: create one with `earned user add --role owner`")
        }
        return owner
    }
}
