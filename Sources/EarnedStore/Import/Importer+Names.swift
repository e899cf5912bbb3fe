import EarnedDomain
import EarnedFormats
import FluentKit
import Foundation

/// Stores and sellers as a shop's export names them: matched to locations by name and to staff
/// by e-mail, full name or «Фамилия И.О.»; the ones that match nothing are gathered for the
/// preview, where the user maps them, has them created or leaves them empty.
extension Importer {
    struct References {
        var locationsByKey: [String: Location] = [:]
        var locations: [LocationID: Location] = [:]
        var staffByEmail: [String: StaffID] = [:]
        var staff: [Staff] = []
        /// Unmatched names by key, in the order first met.
        var unmatchedSellers: [String: UnmatchedName] = [:]
        var unmatchedStores: [String: UnmatchedName] = [:]
        /// Staff to create for seller names chosen "create", by key.
        var created: [String: Staff] = [:]
        /// Names already matched to one person, by key (a file repeats its sellers).
        var matchedStaff: [String: StaffID] = [:]
        /// Date parsers by zone, made once.
        var parsers: [String: LocaleDateParser] = [:]

        /// The location a file names, by its name (case and ё folded) or its id.
        func location(named text: String) -> Location? {
            locationsByKey[ContactNormalizer.searchFold(text)] ?? locationsByKey[text.lowercased()]
        }

        mutating func parser(for zone: TimeZone) -> LocaleDateParser {
            if let parser = parsers[zone.identifier] { return parser }
            let parser = LocaleDateParser(timeZone: zone)
            parsers[zone.identifier] = parser
            return parser
        }
    }

    func references() async throws -> References {
        var refs = References()
        for location in try await LocationRepository(db: db).all() {
            refs.locations[location.id] = location
            refs.locationsByKey[ContactNormalizer.searchFold(location.name)] = location
            refs.locationsByKey[location.id.rawValue.uuidString.lowercased()] = location
        }
        refs.staff = try await StaffRepository(db: db).all()
        for staff in refs.staff { refs.staffByEmail[staff.email] = staff.id }
        return refs
    }

    /// The zone an order's times are read in: its store's, the importer's, or the business's.
    func zone(of location: LocationID?, refs: References, options: Options) -> (TimeZone, ZoneUse.Source) {
        if let location, let zone = refs.locations[location].flatMap({ TimeZone(identifier: $0.timeZone) }) {
            return (zone, .store)
        }
        if let zone = options.importerZone { return (zone, .importer) }
        return (options.timeZone, .business)
    }

    /// The location a line names: by name or id, else the user's choice for that name; a name
    /// with no match and no choice is gathered as unmatched (`.unresolved`).
    func resolveLocation(
        _ text: String?, line: Int, column: String, refs: inout References, options: Options, actor: Staff,
        report: inout ImportReport
    ) -> Resolution<LocationID> {
        guard let text else { return .absent }
        let key = ContactNormalizer.searchFold(text)
        let id: LocationID
        if let found = refs.location(named: text) {
            id = found.id
        } else {
            switch options.stores[key] {
            case .location(let chosen): id = chosen
            case .empty: return .empty
            case nil:
                Self.gather(text, key: key, line: line, column: column, into: &refs.unmatchedStores)
                return .unresolved
            }
        }
        if !actor.canSee(location: id) {
            report.problems.append(ImportProblem(line: line, column: column, .notYourLocation(text)))
            return .unresolved
        }
        return .found(id)
    }

    /// The location a contact or survey line names, or the importer's own when it names none;
    /// a name with no match is a problem on the line (these files have no preview choices).
    func location(
        _ text: String?, line: Int, refs: References, actor: Staff, report: inout ImportReport
    ) -> LocationID? {
        guard let text else { return actor.homeLocationID }
        guard let found = refs.location(named: text) else {
            report.problems.append(ImportProblem(line: line, column: "location", .noLocation(text)))
            return nil
        }
        guard actor.canSee(location: found.id) else {
            report.problems.append(ImportProblem(line: line, column: "location", .notYourLocation(text)))
            return nil
        }
        return found.id
    }

    /// The staff member a line names (seller or relationship owner): by e-mail, by a name only
    /// one person fits, else the user's choice for that name.
    func resolveStaff(
        _ text: String?, line: Int, column: String, home: LocationID?, refs: inout References, options: Options,
        actor: Staff, now: Date, report: inout ImportReport
    ) -> Resolution<StaffID> {
        guard let text else { return .absent }
        if text.contains("@") {
            if let id = refs.staffByEmail[ContactNormalizer.email(text) ?? text] { return .found(id) }
            report.problems.append(ImportProblem(line: line, column: column, .noStaff(email: text)))
            return .unresolved
        }
        let key = PersonNameMatch.key(text)
        if let made = refs.created[key] { return .found(made.id) }
        if let known = refs.matchedStaff[key] { return .found(known) }
        if let person = PersonNameMatch.unique(text, among: refs.staff, name: \.name) {
            refs.matchedStaff[key] = person.id
            return .found(person.id)
        }
        switch options.sellers[key] {
        case .staff(let id): return .found(id)
        case .empty: return .empty
        case .create:
            guard Policy.may(actor, .manageStaff) else {
                report.problems.append(ImportProblem(line: line, column: column, .mayNotCreateStaff(text)))
                return .unresolved
            }
            let id = StaffID()
            let draft = StaffDraft(
                name: text, email: Self.noSignInEmail(id), role: .staff, homeLocationID: home ?? actor.homeLocationID)
            do {
                let staff = try draft.validated(id: id, now: now)
                refs.created[key] = staff
                return .found(staff.id)
            } catch {
                report.problems += Self.problems(error, line: line)
                return .unresolved
            }
        case nil:
            Self.gather(text, key: key, line: line, column: column, into: &refs.unmatchedSellers)
            return .unresolved
        }
    }

    /// The address of an account made for a seller from an import: under `.invalid` (RFC 2606),
    /// which no mail server accepts, so it can neither sign in nor receive a reset link until a
    /// manager gives it a real address.
    static func noSignInEmail(_ id: StaffID) -> String {
        // The whole id: ids made in one millisecond share their first digits.
        "no-sign-in-\(id.rawValue.uuidString.lowercased())@staff.invalid"
    }

    static func gather(
        _ text: String, key: String, line: Int, column: String, into names: inout [String: UnmatchedName]
    ) {
        if names[key] == nil {
            names[key] = UnmatchedName(name: text, key: key, lines: 0, firstLine: line, column: column)
        }
        names[key]!.lines += 1
    }

    /// The names gathered, for the report, in the order of their first line.
    static func listed(_ names: [String: UnmatchedName]) -> [UnmatchedName] {
        names.values.sorted { $0.firstLine < $1.firstLine }
    }

    /// Creates the staff members chosen "create" (inside the import's transaction).
    static func createStaff(_ refs: References, actor: Staff, now: Date, on db: any Database) async throws {
        for staff in refs.created.values.sorted(by: { $0.name < $1.name }) {
            try await StaffRecord(staff).create(on: db)
            try await AuditLog(db: db).record(
                .created, "staff", staff.id.rawValue, by: actor,
                summary: "account created from an import, without sign-in (\(staff.role.rawValue))", at: now)
        }
    }
}

/// What a name in a file led to.
enum Resolution<ID: Hashable> {
    /// The file leaves it empty.
    case absent
    case found(ID)
    /// The user chose to leave it empty.
    case empty
    /// Not matched (gathered for the preview) or refused (a problem was added).
    case unresolved

    var id: ID? {
        if case .found(let id) = self { return id }
        return nil
    }
}
