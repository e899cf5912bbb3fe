import EarnedDomain
import EarnedFormats
import EarnedServices
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
        @Option(name: "skip", help: "columns not to import though recognised: headers or numbers, comma separated")
        var skip: String?
        @Option(
            name: "seller",
            help:
                "what to do with seller names that match no staff member: 'Name=e-mail', 'Name=create' (a staff member without sign-in) or 'Name=none', separated by ';'"
        )
        var seller: String?
        @Option(
            name: "store",
            help: "store names that match no location: 'Name=Location name' or 'Name=none', separated by ';'")
        var store: String?
        @Flag(name: "dry-run", help: "Read and check the file and say what would happen; write nothing") var dryRun:
            Bool
        @Flag(name: "partial", help: "Import the good lines even when others have errors") var partial: Bool
        @Option(name: "as", help: "E-mail of the staff member the import acts for (default: the first owner)")
        var actor: String?
        @Option(
            name: "time-zone",
            help:
                "Zone of times without an offset on lines whose store is unknown (default: the actor's location, else the first location's)"
        )
        var zone: String?
    }

    var help: String {
        """
        Imports customers, orders or a transaction log. Every line is checked first; nothing is written when any line \
        is bad (unless --partial) or a seller or store is unknown (choose with --seller and --store). --dry-run shows \
        the columns, a sample and every problem without writing. Importing the same file again changes nothing. A \
        transaction log such as CDNOW_sample.txt (master id, sample id, YYYYMMDD, quantity, amount) maps \
        customer_id=1, ordered_at=3, quantity=4, amount=5.
        """
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let console = context.console
        guard let kind = ImportKind(rawValue: signature.kind) else {
            throw Abort(
                .badRequest,
                reason: "kind must be customers, orders, transactions contacts or survey-answers (past survey answers)")
        }
        try await prepareDatabase(app)
        let actor = try await CommandActor.resolve(app, email: signature.actor)
        let overrides = try CSVColumnOverride.parse(Self.list(signature.map, separator: ","))
        var options = Importer.Options(
            kind: kind, overrides: overrides, partial: signature.partial,
            timeZone: try await LocationRepository(db: app.db).businessZone(),
            currency: app.earned.config.defaultCurrency)
        if let name = signature.zone {
            guard let z = TimeZone(identifier: name) else {
                throw Abort(.badRequest, reason: "unknown time zone \(name)")
            }
            options.importerZone = z
        } else if let home = actor.homeLocationID, let location = try await LocationRepository(db: app.db).find(home) {
            options.importerZone = TimeZone(identifier: location.timeZone)
        }
        options.dryRun = signature.dryRun
        options.sellers = try await Self.sellers(Self.list(signature.seller, separator: ";"), app: app)
        options.stores = try await Self.stores(Self.list(signature.store, separator: ";"), app: app)
        let url = URL(fileURLWithPath: signature.file)
        options.skippedColumns = try Self.skipped(Self.list(signature.skip, separator: ","), url: url)
        let total = (try? FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
        let progress = ImportProgress(total: total, terminal: isatty(STDOUT_FILENO) == 1, console: console)
        let stream = try CSVRecordStream(contentsOf: url, chunkSize: 1 << 18) { progress.read($0) }
        let report = try await ShopImport.run(
            records: stream, options: options, actor: actor, now: Date(), on: app.db
        ) { rows in progress.update(rows: rows) }
        progress.finish(rows: report.rows)
        if !signature.dryRun { app.earnedMetrics.imported(report, kind: kind) }
        ImportCommandReport(report: report, console: console).print()
        if report.rolledBack { throw ExitCode(1) }
        if signature.dryRun && !report.isReady && !signature.partial { throw ExitCode(1) }
    }

    static func list(_ text: String?, separator: Character) -> [String] {
        (text ?? "").split(separator: separator).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// `Name=e-mail`, `Name=create`, `Name=none`.
    static func sellers(_ specs: [String], app: Application) async throws -> [String: SellerChoice] {
        var choices: [String: SellerChoice] = [:]
        let staff = StaffRepository(db: app.db)
        for spec in specs {
            guard let equals = spec.lastIndex(of: "=") else {
                throw Abort(
                    .badRequest, reason: "--seller: expected Name=e-mail, Name=create or Name=none, not '\(spec)'")
            }
            let name = String(spec[..<equals]).trimmingCharacters(in: .whitespaces)
            let value = String(spec[spec.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            switch value.lowercased() {
            case "create": choices[PersonNameMatch.key(name)] = .create
            case "none", "empty": choices[PersonNameMatch.key(name)] = .empty
            default:
                guard let found = try await staff.credentials(email: ContactNormalizer.email(value) ?? value)?.staff
                else {
                    throw Abort(.badRequest, reason: "--seller: no staff member with e-mail \(value)")
                }
                choices[PersonNameMatch.key(name)] = .staff(found.id)
            }
        }
        return choices
    }

    /// `Name=Location name`, `Name=none`.
    static func stores(_ specs: [String], app: Application) async throws -> [String: StoreChoice] {
        var choices: [String: StoreChoice] = [:]
        let locations = try await LocationRepository(db: app.db).all()
        for spec in specs {
            guard let equals = spec.lastIndex(of: "=") else {
                throw Abort(.badRequest, reason: "--store: expected Name=Location name or Name=none, not '\(spec)'")
            }
            let name = ContactNormalizer.searchFold(String(spec[..<equals]).trimmingCharacters(in: .whitespaces))
            let value = String(spec[spec.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            if ["none", "empty"].contains(value.lowercased()) {
                choices[name] = .empty
                continue
            }
            guard
                let location = locations.first(where: {
                    ContactNormalizer.searchFold($0.name) == ContactNormalizer.searchFold(value)
                })
            else {
                throw Abort(.badRequest, reason: "--store: no location named \(value)")
            }
            choices[name] = .location(location.id)
        }
        return choices
    }

    /// Column numbers (1-based) or headers → 0-based columns, read from the file's first line.
    static func skipped(_ specs: [String], url: URL) throws -> Set<Int> {
        guard !specs.isEmpty else { return [] }
        let header = try CSVRecordStream(contentsOf: url).next().map(CSVHeader.init)
        var columns = Set<Int>()
        for spec in specs {
            if let number = Int(spec), number >= 1 {
                columns.insert(number - 1)
            } else if let index = header?.index(of: spec) {
                columns.insert(index)
            } else {
                throw Abort(.badRequest, reason: "--skip: the file has no column '\(spec)'")
            }
        }
        return columns
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
