import EarnedDomain
import EarnedStore
import Fluent
import Vapor

/// `earned export customers|orders`: CSV (UTF-8, comma) to a file or standard output.
struct ExportCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Argument(name: "kind", help: "customers or orders") var kind: String
        @Option(name: "output", short: "o", help: "file to write (default: standard output)") var output: String?
    }

    var help: String { "Exports customers or orders as CSV, in a form `earned import` reads back." }

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        try await prepareDatabase(app)
        let owner = try await CommandActor.resolve(app, email: nil)
        let path = signature.output
        var handle: FileHandle? = nil
        if let path {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
            handle = FileHandle(forWritingAtPath: path)
        }
        let sink = handle ?? FileHandle.standardOutput
        var count = 0
        switch signature.kind {
        case "customers":
            try CSVExport.write(CSVExport.customerHeader, to: sink)
            var cursor: String? = nil
            repeat {
                let page = try await CustomerRepository(db: app.db).list(
                    CustomerQuery(cursor: cursor, limit: 500), actor: owner)
                try CSVExport.write(page.items.map(CSVExport.customerRow), to: sink)
                count += page.items.count
                cursor = page.nextCursor
            } while cursor != nil
        case "orders":
            let customers = try await CustomerRepository(db: app.db).externalIDs()
            try CSVExport.write(CSVExport.orderHeader, to: sink)
            var cursor: String? = nil
            repeat {
                let page = try await OrderRepository(db: app.db).list(
                    OrderQuery(cursor: cursor, limit: 500), actor: owner)
                try CSVExport.write(
                    page.items.map {
                        CSVExport.orderRow($0, customerKey: customers[$0.customerID] ?? $0.customerID.description)
                    }, to: sink)
                count += page.items.count
                cursor = page.nextCursor
            } while cursor != nil
        default:
            throw Abort(.badRequest, reason: "kind must be customers or orders")
        }
        try handle?.close()
        if path != nil { context.console.info("\(count) \(signature.kind) written to \(path!)") }
    }
}

/// CSV rows for export, quoted where needed.
enum CSVExport {
    static let customerHeader = [["external_id", "name", "kind", "phone", "email", "birthday", "language", "tags"]]
    static let orderHeader = [
        [
            "external_id", "customer_id", "ordered_at", "amount", "discount", "currency", "quantity", "items",
            "channel",
            "promised_at", "delivered_at",
        ]
    ]

    static func customerRow(_ c: Customer) -> [String] {
        [
            c.externalID ?? c.id.description, c.name, c.kind.rawValue, c.phones.joined(separator: ";"),
            c.emails.joined(separator: ";"), c.birthday?.description ?? "", c.language, c.tags.joined(separator: ";"),
        ]
    }

    static func orderRow(_ o: Order, customerKey: String) -> [String] {
        let iso = Date.ISO8601FormatStyle()
        return [
            o.externalID ?? o.id.description, customerKey, o.placedAt.formatted(iso), o.amount.plainDecimal,
            Money(minorUnits: o.discountMinorUnits, currency: o.amount.currency).plainDecimal, o.amount.currency,
            "\(o.quantity)", o.itemsSummary ?? "", o.channel.rawValue, o.promisedAt.map { $0.formatted(iso) } ?? "",
            o.deliveredAt.map { $0.formatted(iso) } ?? "",
        ]
    }

    static func field(_ text: String) -> String {
        field(text, separator: ",")
    }

    /// A field quoted when it holds the separator, a comma, a quote or a line break.
    static func field(_ text: String, separator: Character) -> String {
        guard text.contains(where: { $0 == separator || $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
        else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func write(_ rows: [[String]], to handle: FileHandle) throws {
        var text = ""
        for row in rows { text += row.map(field).joined(separator: ",") + "\n" }
        try handle.write(contentsOf: Data(text.utf8))
    }
}
