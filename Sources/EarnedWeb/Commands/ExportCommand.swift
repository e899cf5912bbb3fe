import EarnedDomain
import EarnedServices
import EarnedStore
import Fluent
import Vapor

/// `earned export KIND`: the export page's file, to a file or standard output, through the same
/// rule (`Export`) for the same person.
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "kind", help: "customers, orders, promises, cases, contacts or survey-answers") var kind: String
        @Option(name: "dialect", help: "comma (RFC 4180, the default) or excel (';' with a byte-order mark)")
        var dialect: String?
        @Option(name: "from", help: "first day, YYYY-MM-DD, of the kind's main time (ordered, due, opened…)")
        var from: String?
        @Option(name: "to", help: "last day, YYYY-MM-DD, included") var to: String?
        @Option(name: "location", help: "only this location: its name or id") var location: String?
        @Option(name: "output", short: "o", help: "file to write (default: standard output)") var output: String?
        @Option(name: "as", help: "E-mail of the staff member the export acts for (default: the first owner)")
        var actor: String?
    }

    var help: String {
        """
        Exports one kind of record as CSV: customers, orders, contacts and survey answers in a form `earned import` \
        reads back (importing the file changes nothing), promises and cases for reading. Days are read in the \
        actor's home location's time zone.
        """
    }

    func run(using context: CommandContext, signature: Signature) async throws {
        try await CommandFailure.reported(on: context.console) {
            let app = context.application
            try await prepareDatabase(app)
            let actor = try await CommandActor.resolve(app, email: signature.actor)
            let all = try await LocationRepository(db: app.db).all()
            let (visible, zone) = ViewerContext.places(of: actor, among: all)
            let named = signature.location.flatMap { name in
                all.first { $0.name.lowercased() == name.lowercased() }?.id.description
            }
            let params = ExportParams(
                kind: signature.kind, dialect: signature.dialect, from: signature.from, to: signature.to,
                location: named ?? signature.location)
            let (query, errors) = params.read(
                zone: zone, actor: actor, locations: visible, defaultDialect: .comma,
                names: [
                    "kind": "KIND", "dialect": "--dialect", "from": "--from", "to": "--to", "location": "--location",
                ])
            guard let query else {
                throw CommandFailure(
                    description: errors.map { "\($0.field): \($0.reason)" }.joined(separator: "\n"))
            }
            var handle: FileHandle?
            if let path = signature.output {
                guard FileManager.default.createFile(atPath: path, contents: nil),
                    let file = FileHandle(forWritingAtPath: path)
                else { throw CommandFailure(description: "cannot write \(path)") }
                handle = file
            }
            let sink = handle ?? FileHandle.standardOutput
            let count = try await Export.write(query, actor: actor, now: app.earned.clock(), on: app.db) { text in
                try sink.write(contentsOf: Data(text.utf8))
            }
            try handle?.close()
            if let path = signature.output {
                context.console.info("\(count) \(query.kind.rawValue) written to \(path)")
            }
        }
    }
}
