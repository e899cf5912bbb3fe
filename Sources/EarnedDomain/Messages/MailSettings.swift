import Foundation

/// How a mail server is reached: TLS from the first byte (port 465), `STARTTLS` after a plain
/// greeting (port 587), or no encryption (a server on the same machine or network).
public enum MailSecurity: String, Codable, Sendable, CaseIterable {
    case tls
    case startTLS = "starttls"
    case none

    /// A server's host, security and port as typed, checked into `v` by field: a host name (no
    /// scheme, port or user in it), one of the securities (`standard` when left out), a port
    /// from 1 to 65535 (the security's usual one when left out).
    static func checkServer(
        host: String?, security: String?, port: Int?, standard: MailSecurity, portFor: (MailSecurity) -> Int,
        example: String, into v: inout Validator
    ) -> (host: String?, security: MailSecurity, port: Int) {
        let host = v.text("host", host, required: true, max: 253)
        if let host, host.contains(where: { $0.isWhitespace || $0 == "/" || $0 == ":" || $0 == "@" }) {
            v.add("host", .invalidFormat, detail: "a host name such as \(example)")
        }
        var chosen = standard
        if let text = security?.trimmedOrNil {
            if let named = MailSecurity(rawValue: text) {
                chosen = named
            } else {
                v.add(
                    "security", .invalidChoice, detail: allCases.map(\.rawValue).joined(separator: ", "))
            }
        }
        let port = port ?? portFor(chosen)
        if !(1...65_535).contains(port) { v.add("port", .outOfRange, detail: "1 to 65535") }
        return (host, chosen, port)
    }

    /// The usual SMTP submission port for this security.
    public var submissionPort: Int {
        switch self {
        case .tls: 465
        case .startTLS: 587
        case .none: 25
        }
    }
}

/// The shop's outgoing mail server (SMTP submission) and who its messages come from. The
/// password is kept only sealed (`sealedPassword`, opened by the services with the key from the
/// configuration); no page or answer of the API shows it.
public struct OutgoingMailServer: Codable, Hashable, Sendable {
    public var host: String
    public var port: Int
    public var security: MailSecurity
    public var username: String?
    public var sealedPassword: String?
    /// The address customers see and answer to.
    public var fromAddress: String
    /// The name beside it ("Кофейня «Зерно»"); nil: the business's or location's name.
    public var fromName: String?

    public init(
        host: String, port: Int, security: MailSecurity, username: String? = nil, sealedPassword: String? = nil,
        fromAddress: String, fromName: String? = nil
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.sealedPassword = sealedPassword
        self.fromAddress = fromAddress
        self.fromName = fromName
    }

    /// The domain of the from-address: the right side of the Message-IDs Earned writes.
    public var domain: String { fromAddress.split(separator: "@").last.map(String.init) ?? "localhost" }

    /// What the seal of a password is bound to: a sealed password copied to another location's
    /// settings does not open.
    public static func sealContext(location: LocationID?) -> String {
        "mail.outgoing:" + (location?.description ?? "business")
    }
}

/// The shop's mailbox that Earned reads (IMAP): each new mail becomes an inbound contact on
/// the e-mail channel, or joins the contact whose thread it answers. The password is kept only
/// sealed, as the outgoing server's.
public struct IncomingMailServer: Codable, Hashable, Sendable {
    public var host: String
    public var port: Int
    public var security: MailSecurity
    public var username: String
    public var sealedPassword: String?
    /// The folder read, in plain ASCII: `INBOX` unless the owner says otherwise.
    public var folder: String

    public init(
        host: String, port: Int, security: MailSecurity, username: String, sealedPassword: String? = nil,
        folder: String = "INBOX"
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.sealedPassword = sealedPassword
        self.folder = folder
    }

    public static func sealContext(location: LocationID?) -> String {
        "mail.incoming:" + (location?.description ?? "business")
    }

    /// The usual IMAP port for a security.
    public static func port(for security: MailSecurity) -> Int {
        security == .tls ? 993 : 143
    }
}

/// The e-mail the business sends from: one account for the whole business and, where a
/// location has its own mailbox, one for that location.
public struct MailSettings: Codable, Hashable, Sendable {
    public struct Account: Codable, Hashable, Sendable {
        /// Nil: the whole business's.
        public var locationID: LocationID?
        public var outgoing: OutgoingMailServer?
        public var incoming: IncomingMailServer?

        public init(locationID: LocationID?, outgoing: OutgoingMailServer?, incoming: IncomingMailServer? = nil) {
            self.locationID = locationID
            self.outgoing = outgoing
            self.incoming = incoming
        }
    }

    public var accounts: [Account]
    /// Whether mail from an address no customer has makes a new customer (else the contact
    /// stays without one). Automatic mail (auto-replies, bounces, lists) never does.
    public var newCustomers: Bool

    public static let none = MailSettings(accounts: [])

    public init(accounts: [Account], newCustomers: Bool = false) {
        self.accounts = accounts
        self.newCustomers = newCustomers
    }

    enum CodingKeys: String, CodingKey {
        case accounts, newCustomers
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        accounts = try c.decode([Account].self, forKey: .accounts)
        // Stored before the choice existed: no new customers.
        newCustomers = try c.decodeIfPresent(Bool.self, forKey: .newCustomers) ?? false
    }

    /// The account set for exactly this scope (nil: the business's).
    public func account(exactly location: LocationID?) -> Account? {
        accounts.first { $0.locationID == location }
    }

    /// The outgoing server for mail of `location`: the location's own, else the business's.
    public func outgoing(for location: LocationID?) -> OutgoingMailServer? {
        if let location, let own = account(exactly: location)?.outgoing { return own }
        return account(exactly: nil)?.outgoing
    }

    /// The scope whose outgoing server is in force for `location` (its own, else the
    /// business's, nil): what the server's sealed password is bound to.
    public func outgoingScope(for location: LocationID?) -> LocationID? {
        account(exactly: location)?.outgoing != nil ? location : nil
    }

    /// Whether any mail can be sent at all.
    public var sendsMail: Bool { accounts.contains { $0.outgoing != nil } }

    /// The mailboxes Earned reads, with the scope each belongs to.
    public var mailboxes: [(location: LocationID?, server: IncomingMailServer)] {
        accounts.compactMap { account in account.incoming.map { (account.locationID, $0) } }
    }

    /// These settings with `account` in place of the one for its scope.
    public func replacing(_ account: Account) -> MailSettings {
        var accounts = accounts.filter { $0.locationID != account.locationID }
        if account.outgoing != nil || account.incoming != nil { accounts.append(account) }
        return MailSettings(
            accounts: accounts.sorted { ($0.locationID?.description ?? "") < ($1.locationID?.description ?? "") },
            newCustomers: newCustomers)
    }
}

/// What the owner types for an outgoing server. `password` nil keeps the stored one; an empty
/// one removes it.
public struct OutgoingMailServerDraft: Sendable, Hashable {
    public var host: String?
    public var port: Int?
    public var security: String?
    public var username: String?
    public var password: String?
    public var fromAddress: String?
    public var fromName: String?

    public init(
        host: String? = nil, port: Int? = nil, security: String? = nil, username: String? = nil,
        password: String? = nil, fromAddress: String? = nil, fromName: String? = nil
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.fromAddress = fromAddress
        self.fromName = fromName
    }

    /// The checked server, every bad field named; `seal` seals a new password.
    public func validated(
        existing: OutgoingMailServer?, seal: (String) throws -> String
    ) throws -> OutgoingMailServer {
        var v = Validator()
        let (host, security, port) = MailSecurity.checkServer(
            host: host, security: security, port: port, standard: .startTLS, portFor: \.submissionPort,
            example: "smtp.yandex.ru", into: &v)
        let username = v.text("username", username, max: 320)
        let fromText = v.text("from_address", fromAddress, required: true, max: 320)
        let from = fromText.flatMap(ContactNormalizer.email)
        if fromText != nil, from == nil { v.add("from_address", .invalidFormat, detail: "an e-mail address") }
        let fromName = v.text("from_name", fromName, max: 120)
        if let password, password.count > 1_000 { v.add("password", .tooLong, limit: 1_000) }
        try v.check()
        var sealed = existing?.sealedPassword
        if let password { sealed = password.isEmpty ? nil : try seal(password) }
        return OutgoingMailServer(
            host: host ?? "", port: port, security: security, username: username, sealedPassword: sealed,
            fromAddress: from ?? "", fromName: fromName)
    }
}

/// What the owner types for the mailbox Earned reads. `password` nil keeps the stored one.
public struct IncomingMailServerDraft: Sendable, Hashable {
    public var host: String?
    public var port: Int?
    public var security: String?
    public var username: String?
    public var password: String?
    public var folder: String?

    public init(
        host: String? = nil, port: Int? = nil, security: String? = nil, username: String? = nil,
        password: String? = nil, folder: String? = nil
    ) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.folder = folder
    }

    public func validated(
        existing: IncomingMailServer?, seal: (String) throws -> String
    ) throws -> IncomingMailServer {
        var v = Validator()
        let (host, security, port) = MailSecurity.checkServer(
            host: host, security: security, port: port, standard: .tls, portFor: IncomingMailServer.port(for:),
            example: "imap.yandex.ru", into: &v)
        let username = v.text("username", username, required: true, max: 320)
        let folder = v.text("folder", folder, max: 200) ?? "INBOX"
        if !folder.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0.value < 0x7F && $0 != "\"" && $0 != "\\" }) {
            v.add("folder", .invalidFormat, detail: "a folder name in Latin letters, such as INBOX")
        }
        if let password, password.count > 1_000 { v.add("password", .tooLong, limit: 1_000) }
        if (password ?? "").isEmpty, existing?.sealedPassword == nil { v.add("password", .required) }
        try v.check()
        var sealed = existing?.sealedPassword
        if let password, !password.isEmpty { sealed = try seal(password) }
        return IncomingMailServer(
            host: host ?? "", port: port, security: security, username: username ?? "", sealedPassword: sealed,
            folder: folder)
    }
}
