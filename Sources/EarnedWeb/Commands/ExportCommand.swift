import EarnedDomain
import EarnedFormats
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
        guard ["customers", "orders"].contains(signature.kind) else {
            throw Abort(.badRequest, reason: "kind must be customers or orders")
        }
        let count = try await CSVExport.export(signature.kind, db: app.db, actor: owner) { text in
            try sink.write(contentsOf: Data(text.utf8))
        }
        try handle?.close()
        if path != nil { context.console.info("\(count) \(signature.kind) written to \(path!)") }
    }
}

/// CSV rows for export: every field `earned import` reads, under the header names it reads
/// (so an export imports back and changes nothing), and no cell a spreadsheet would run as a
/// formula.
enum CSVExport {
    /// Names of locations and the e-mails of staff, by id.
    struct Names {
        var locations: [LocationID: String]
        var staff: [StaffID: String]
    }

    static let customerHeader = [
        "external_id", "name", "kind", "phone", "email", "birthday", "city", "address", "location", "owner", "language",
        "tags", "consent_phone", "consent_sms", "consent_email", "consent_messenger", "consent_post",
    ]
    static let customerKinds: [CSVColumnKind] = [
        .text, .text, .text, .phone, .text, .number, .text, .text, .text, .text, .text, .text, .text, .text, .text,
        .text, .text,
    ]
    static let orderHeader = [
        "external_id", "customer_id", "ordered_at", "amount", "discount", "currency", "quantity", "items", "location",
        "seller", "channel", "promised_at", "delivered_at",
    ]
    static let orderKinds: [CSVColumnKind] = [
        .text, .text, .number, .number, .number, .text, .number, .text, .text, .text, .text, .number, .number,
    ]

    /// Writes every customer or every order `actor` may see, a page at a time, each once;
    /// returns how many.
    static func export(
        _ kind: String, db: any Database, actor: Staff, write: (String) throws -> Void
    ) async throws -> Int {
        var count = 0
        let locations = Dictionary(
            try await LocationRepository(db: db).all().map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let staff = Dictionary(
            try await StaffRepository(db: db).all().map { ($0.id, $0.email) }, uniquingKeysWith: { a, _ in a })
        let names = Names(locations: locations, staff: staff)
        if kind == "customers" {
            try write(text([customerHeader], kinds: customerKinds, header: true))
            var cursor: String? = nil
            var written = Set<CustomerID>()
            repeat {
                let page = try await CustomerRepository(db: db).list(
                    CustomerQuery(cursor: cursor, limit: 500), actor: actor)
                let fresh = page.items.filter { written.insert($0.id).inserted }
                try write(text(fresh.map { customerRow($0, names) }, kinds: customerKinds))
                count += fresh.count
                cursor = page.nextCursor
            } while cursor != nil
        } else {
            let customers = try await CustomerRepository(db: db).externalIDs()
            try write(text([orderHeader], kinds: orderKinds, header: true))
            var cursor: String? = nil
            var written = Set<OrderID>()
            repeat {
                let page = try await OrderRepository(db: db).list(OrderQuery(cursor: cursor, limit: 500), actor: actor)
                let fresh = page.items.filter { written.insert($0.id).inserted }
                try write(
                    text(
                        fresh.map {
                            orderRow($0, customerKey: customers[$0.customerID] ?? $0.customerID.description, names)
                        }, kinds: orderKinds))
                count += fresh.count
                cursor = page.nextCursor
            } while cursor != nil
        }
        return count
    }

    static func customerRow(_ c: Customer, _ names: Names) -> [String] {
        [
            c.externalID ?? c.id.description, c.name, c.kind.rawValue, c.phones.joined(separator: ";"),
            c.emails.joined(separator: ";"), c.birthday?.description ?? "", c.city ?? "", c.address ?? "",
            c.homeLocationID.flatMap { names.locations[$0] } ?? "", c.ownerID.flatMap { names.staff[$0] } ?? "",
            c.language, c.tags.joined(separator: ";"),
        ] + ContactChannel.consentable.map { channel in c.consent(for: channel).map { $0.given ? "yes" : "no" } ?? "" }
    }

    static func orderRow(_ o: Order, customerKey: String, _ names: Names) -> [String] {
        let iso = Date.ISO8601FormatStyle()
        return [
            o.externalID ?? o.id.description, customerKey, o.placedAt.formatted(iso), o.amount.plainDecimal,
            Money(minorUnits: o.discountMinorUnits, currency: o.amount.currency).plainDecimal, o.amount.currency,
            "\(o.quantity)", o.itemsSummary ?? "", o.locationID.flatMap { names.locations[$0] } ?? "",
            o.sellerID.flatMap { names.staff[$0] } ?? "", o.channel.rawValue,
            o.promisedAt.map { $0.formatted(iso) } ?? "", o.deliveredAt.map { $0.formatted(iso) } ?? "",
        ]
    }

    static func text(_ rows: [[String]], kinds: [CSVColumnKind], header: Bool = false) -> String {
        let writer = CSVWriter(kinds: kinds)
        return rows.map { writer.line($0, header: header) }.joined()
    }
}
