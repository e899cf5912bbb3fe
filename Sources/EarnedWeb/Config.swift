import Foundation

/// Everything Earned reads from the environment (and a `.env` file), checked once at start-up.
/// A bad value stops the start with a list of every bad variable.
public struct Config: Sendable {
    public enum Database: Sendable, Equatable {
        case sqlite(path: String)
        case sqliteMemory
        case postgres(url: String)
    }

    public var database: Database
    public var hostname: String
    public var port: Int
    public var bcryptCost: Int
    public var sessionLifetime: TimeInterval
    public var defaultCurrency: String
    /// "ru" or "en": the language when neither the person nor the browser says.
    public var defaultLanguage: String
    /// Whether cookies are marked Secure (behind HTTPS).
    public var secureCookies: Bool
    /// Failed sign-ins allowed per e-mail and per address within `throttleWindow`.
    public var maxFailedSignIns: Int
    public var throttleWindow: TimeInterval
    /// Seconds between scheduler passes inside `earned serve`; nil runs no loop (tests, and
    /// instances left to `earned tick`).
    public var schedulerInterval: TimeInterval?
    /// Where customers reach this instance: the start of every survey link. Nil: the
    /// listening address (right only when customers reach it directly).
    public var publicURL: String?
    /// The bearer token that opens `/metrics` from any address; nil: none does.
    public var metricsToken: String?
    /// Addresses and blocks that may read `/metrics` without the token.
    public var metricsAllow: [IPAddressRange] = IPAddressRange.loopback
    /// The key the second-factor secrets are sealed with (any text of 32 characters or more).
    /// Nil: a key file beside the SQLite database, made on first start (see `SecretBox`).
    public var secretKey: String?
    /// API requests allowed per token per minute, counted in the database (0: no limit).
    public var apiRateLimit: Int = 600
    /// A PEM file of certificates to trust for the shop's mail servers besides the system's
    /// (a server with a private certificate authority).
    public var mailTrustRoots: String?
    /// Where Telegram's Bot API is: Telegram's own address, or a stand-in (a local Bot API
    /// server, the tests' loopback one).
    public var telegramAPI: String = "https://api.telegram.org"

    /// The start of links customers open, without a trailing slash.
    public var publicBase: String {
        if let publicURL { return publicURL.hasSuffix("/") ? String(publicURL.dropLast()) : publicURL }
        return "http://\(hostname):\(port)"
    }

    public init(
        database: Database = .sqlite(path: "earned.sqlite"), hostname: String = "127.0.0.1", port: Int = 8080,
        bcryptCost: Int = 12, sessionLifetime: TimeInterval = 12 * 3600, defaultCurrency: String = "RUB",
        defaultLanguage: String = "ru", secureCookies: Bool = false, maxFailedSignIns: Int = 5,
        throttleWindow: TimeInterval = 15 * 60, schedulerInterval: TimeInterval? = nil
    ) {
        self.database = database
        self.hostname = hostname
        self.port = port
        self.bcryptCost = bcryptCost
        self.sessionLifetime = sessionLifetime
        self.defaultCurrency = defaultCurrency
        self.defaultLanguage = defaultLanguage
        self.secureCookies = secureCookies
        self.maxFailedSignIns = maxFailedSignIns
        self.throttleWindow = throttleWindow
        self.schedulerInterval = schedulerInterval
    }

    public struct Problems: Error, CustomStringConvertible {
        public var messages: [String]
        public var description: String {
            "Earned cannot start; fix these settings:\n" + messages.map { "  - " + $0 }.joined(separator: "\n")
        }
    }

    /// The variables Earned reads, with their defaults, for the README and `--help`.
    public static let variables: [(name: String, meaning: String, fallback: String)] = [
        (
            "EARNED_DATABASE_URL", "postgres://user:pass@host:5432/db to use PostgreSQL (DATABASE_URL also read)",
            "unset"
        ),
        ("EARNED_SQLITE_PATH", "the embedded database file", "earned.sqlite"),
        ("EARNED_HOSTNAME", "address to listen on", "127.0.0.1"),
        ("EARNED_PORT", "port to listen on", "8080"),
        ("EARNED_BCRYPT_COST", "bcrypt cost for passwords (4–15)", "12"),
        ("EARNED_SESSION_HOURS", "how long a sign-in lasts", "12"),
        ("EARNED_CURRENCY", "currency of amounts given without one", "RUB"),
        ("EARNED_LANGUAGE", "ru or en, when the browser does not say", "ru"),
        ("EARNED_SECURE_COOKIES", "true behind HTTPS", "false"),
        ("EARNED_TICK_SECONDS", "seconds between scheduler passes in serve; 0 for none", "60"),
        ("EARNED_PUBLIC_URL", "where customers open survey links, e.g. https://earned.example.ru", "http://HOST:PORT"),
        ("EARNED_METRICS_TOKEN", "bearer token that opens /metrics from any address (16+ characters)", "unset"),
        (
            "EARNED_METRICS_ALLOW",
            "addresses or CIDR blocks that may read /metrics without it, comma separated, or none",
            "127.0.0.1,::1"
        ),
        (
            "EARNED_SECRET_KEY",
            "32+ characters sealing two-factor secrets; required with PostgreSQL to use two-factor",
            "a key file beside the SQLite file"
        ),
        ("EARNED_API_RATE_LIMIT", "API requests per token per minute, shared by all instances; 0 for no limit", "600"),
        ("EARNED_MAIL_CA_FILE", "PEM certificates to trust for the shop's mail servers besides the system's", "unset"),
        (
            "EARNED_TELEGRAM_API", "the address of Telegram's Bot API (a local Bot API server)",
            "https://api.telegram.org"
        ),
    ]

    /// Reads the environment. `.env` files are not read here: Vapor reads them into the process
    /// environment when the application is made (`Entrypoint`), once.
    public static func fromEnvironment(
        _ env: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Config {
        var problems: [String] = []
        var config = Config()
        if let url = env["EARNED_DATABASE_URL"] ?? env["DATABASE_URL"], !url.isEmpty {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                config.database = .postgres(url: url)
            } else if url.hasPrefix("sqlite://") {
                config.database = .sqlite(path: String(url.dropFirst("sqlite://".count)))
            } else {
                problems.append("EARNED_DATABASE_URL must start with postgres:// or sqlite://")
            }
        } else if let path = env["EARNED_SQLITE_PATH"], !path.isEmpty {
            config.database = path == ":memory:" ? .sqliteMemory : .sqlite(path: path)
        }
        if let host = env["EARNED_HOSTNAME"], !host.isEmpty { config.hostname = host }
        if let text = env["EARNED_PORT"] {
            if let port = Int(text), (1...65535).contains(port) {
                config.port = port
            } else {
                problems.append("EARNED_PORT must be a number from 1 to 65535, not '\(text)'")
            }
        }
        if let text = env["EARNED_BCRYPT_COST"] {
            if let cost = Int(text), (4...15).contains(cost) {
                config.bcryptCost = cost
            } else {
                problems.append("EARNED_BCRYPT_COST must be a number from 4 to 15, not '\(text)'")
            }
        }
        if let text = env["EARNED_SESSION_HOURS"] {
            if let hours = Double(text), hours > 0, hours <= 24 * 90 {
                config.sessionLifetime = hours * 3600
            } else {
                problems.append("EARNED_SESSION_HOURS must be a positive number of hours, not '\(text)'")
            }
        }
        if let text = env["EARNED_CURRENCY"] {
            if text.count == 3, text.uppercased() == text {
                config.defaultCurrency = text
            } else {
                problems.append("EARNED_CURRENCY must be a code such as RUB, not '\(text)'")
            }
        }
        if let text = env["EARNED_LANGUAGE"] {
            if ["ru", "en"].contains(text) {
                config.defaultLanguage = text
            } else {
                problems.append("EARNED_LANGUAGE must be ru or en, not '\(text)'")
            }
        }
        if let text = env["EARNED_SECURE_COOKIES"] {
            switch text.lowercased() {
            case "true", "1", "yes": config.secureCookies = true
            case "false", "0", "no": config.secureCookies = false
            default: problems.append("EARNED_SECURE_COOKIES must be true or false, not '\(text)'")
            }
        }
        if let text = env["EARNED_PUBLIC_URL"], !text.isEmpty {
            if let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil,
                url.query == nil
            {
                config.publicURL = text
            } else {
                problems.append(
                    "EARNED_PUBLIC_URL must be an http or https address such as https://earned.example.ru, not '\(text)'"
                )
            }
        }
        if let text = env["EARNED_METRICS_TOKEN"], !text.isEmpty {
            if text.count >= 16, !text.contains(where: { $0.isWhitespace || !$0.isASCII }) {
                config.metricsToken = text
            } else {
                // The value is a secret: not repeated here.
                problems.append(
                    "EARNED_METRICS_TOKEN must be at least 16 ASCII characters without spaces (e.g. from openssl rand -hex 32)"
                )
            }
        }
        if let text = env["EARNED_METRICS_ALLOW"], !text.trimmingCharacters(in: .whitespaces).isEmpty {
            let entries = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter {
                !$0.isEmpty
            }
            let ranges = entries.map { IPAddressRange($0) }
            if entries == ["none"] {
                config.metricsAllow = []
            } else if ranges.allSatisfy({ $0 != nil }) {
                config.metricsAllow = ranges.compactMap { $0 }
            } else {
                let bad = zip(entries, ranges).filter { $0.1 == nil }.map { "'\($0.0)'" }
                problems.append(
                    "EARNED_METRICS_ALLOW must list addresses or CIDR blocks separated by commas (e.g. 127.0.0.1,::1,10.0.0.0/8), or be none; not "
                        + bad.joined(separator: ", "))
            }
        }
        if let text = env["EARNED_SECRET_KEY"], !text.isEmpty {
            if text.count >= 32 {
                config.secretKey = text
            } else {
                problems.append("EARNED_SECRET_KEY must be at least 32 characters (e.g. openssl rand -base64 32)")
            }
        }
        if let path = env["EARNED_MAIL_CA_FILE"], !path.isEmpty {
            if FileManager.default.isReadableFile(atPath: path) {
                config.mailTrustRoots = path
            } else {
                problems.append("EARNED_MAIL_CA_FILE must name a readable PEM file, not '\(path)'")
            }
        }
        if let text = env["EARNED_TELEGRAM_API"], !text.isEmpty {
            if let url = URL(string: text), ["http", "https"].contains(url.scheme ?? ""), url.host != nil {
                config.telegramAPI = text.hasSuffix("/") ? String(text.dropLast()) : text
            } else {
                problems.append("EARNED_TELEGRAM_API must be an http:// or https:// address, not '\(text)'")
            }
        }
        if let text = env["EARNED_API_RATE_LIMIT"] {
            if let limit = Int(text), (0...1_000_000).contains(limit) {
                config.apiRateLimit = limit
            } else {
                problems.append("EARNED_API_RATE_LIMIT must be a number of requests from 0 to 1000000, not '\(text)'")
            }
        }
        config.schedulerInterval = 60
        if let text = env["EARNED_TICK_SECONDS"] {
            if let seconds = Double(text), seconds >= 0, seconds <= 86_400 {
                config.schedulerInterval = seconds == 0 ? nil : seconds
            } else {
                problems.append("EARNED_TICK_SECONDS must be a number of seconds from 0 to 86400, not '\(text)'")
            }
        }
        if !problems.isEmpty { throw Problems(messages: problems) }
        return config
    }
}
