import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A real SMTP server on loopback (`Tests/Mail/mail_server.py`, aiosmtpd) started for one test,
/// delivering into Maildirs under a fresh folder. Runs when EARNED_TEST_MAIL_PYTHON names a
/// python3 with aiosmtpd installed (`.ci/run` makes one); stopped when the value is released.
public final class MailServer: @unchecked Sendable {
    /// The python3 with aiosmtpd, or nil: the tests that need a server are off.
    public static let python = ProcessInfo.processInfo.environment["EARNED_TEST_MAIL_PYTHON"].flatMap {
        $0.isEmpty ? nil : $0
    }
    public static var available: Bool { python != nil }

    public let root: URL
    public let port: Int
    public let tlsPort: Int
    /// The server's self-signed certificate (PEM), when started with TLS.
    public let certificate: String?
    private let process: Process

    /// Dovecot serving the same Maildirs over IMAP, when asked for: its port, or 0.
    public private(set) var imapPort = 0
    private var dovecot: Process?

    /// Dovecot is there (Debian's dovecot-imapd): the IMAP tests can run.
    public static var imapAvailable: Bool {
        available && FileManager.default.isExecutableFile(atPath: "/usr/sbin/dovecot")
    }

    /// `imapUsers`: mailboxes (addresses) and their passwords that Dovecot serves; none, no Dovecot.
    public init(
        user: String? = nil, password: String? = nil, tls: Bool = false, imapUsers: [String: String] = [:]
    ) throws {
        guard let python = Self.python else { throw Problem(description: "EARNED_TEST_MAIL_PYTHON is not set") }
        root = FileManager.default.temporaryDirectory.appendingPathComponent("earned-mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var arguments = ["-W", "ignore", Self.script.path, "--root", root.path]
        if let user, let password { arguments += ["--user", user, "--password", password] }
        if !imapUsers.isEmpty { arguments += ["--owner", String(Self.mailUID)] }
        if tls {
            let cert = root.appendingPathComponent("cert.pem").path
            let key = root.appendingPathComponent("key.pem").path
            try Self.run(
                "/usr/bin/env",
                [
                    "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=localhost",
                    "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", key, "-out", cert,
                ])
            arguments += ["--cert", cert, "--key", key]
            certificate = cert
        } else {
            certificate = nil
        }
        process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        // "ready <port> <tls port>"
        var line: [UInt8] = []
        while true {
            let byte = output.fileHandleForReading.readData(ofLength: 1)
            guard let b = byte.first else { break }
            if b == UInt8(ascii: "\n") { break }
            line.append(b)
        }
        let words = String(decoding: line, as: UTF8.self).split(separator: " ")
        guard words.count == 3, words[0] == "ready" else { throw Problem(description: "the mail server did not start") }
        port = Int(words[1]) ?? 0
        tlsPort = Int(words[2]) ?? 0
        if !imapUsers.isEmpty { try startDovecot(imapUsers) }
    }

    /// Debian's `mail` user: Dovecot will not read mail as root.
    static let mailUID = 8

    private func startDovecot(_ users: [String: String]) throws {
        let base = root.appendingPathComponent("dovecot")
        for folder in ["run", "state", "home"] {
            try FileManager.default.createDirectory(
                at: base.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        let port = try Self.freePort()
        let passwords = users.map { "\($0.key.lowercased()):{PLAIN}\($0.value)" }.joined(separator: "\n") + "\n"
        try passwords.write(to: base.appendingPathComponent("users"), atomically: true, encoding: .utf8)
        let config = """
            protocols = imap
            listen = 127.0.0.1
            base_dir = \(base.path)/run
            state_dir = \(base.path)/state
            log_path = \(base.path)/dovecot.log
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            mail_location = maildir:\(root.path)/%Lu
            first_valid_uid = \(Self.mailUID)
            default_login_user = dovenull
            default_internal_user = dovecot
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%Lu \(base.path)/users
            }
            userdb {
              driver = static
              args = uid=\(Self.mailUID) gid=\(Self.mailUID) home=\(base.path)/home/%Lu
            }
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = \(port)
              }
              inet_listener imaps {
                port = 0
              }
            }
            service auth {
              unix_listener auth-userdb {
                mode = 0666
              }
            }

            """
        let file = base.appendingPathComponent("dovecot.conf")
        try config.write(to: file, atomically: true, encoding: .utf8)
        chown(base.appendingPathComponent("home").path, uid_t(Self.mailUID), gid_t(Self.mailUID))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/sbin/dovecot")
        process.arguments = ["-F", "-c", file.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        dovecot = process
        imapPort = port
        // Ready when it takes a connection.
        for _ in 0..<100 {
            if Self.accepts(port) { return }
            usleep(50_000)
        }
        throw Problem(description: "Dovecot did not start; see \(base.path)/dovecot.log")
    }

    /// A port nothing listens on now.
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard bound else { throw Problem(description: "no free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func accepts(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = UInt16(port).bigEndian
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    deinit {
        // SIGKILL: a child of the test runner may have SIGTERM blocked.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        if let dovecot {
            // Dovecot's master stops its children when it gets SIGTERM; SIGKILL would leave them.
            kill(dovecot.processIdentifier, SIGTERM)
            for _ in 0..<100 where dovecot.isRunning { usleep(20_000) }
            if dovecot.isRunning { kill(dovecot.processIdentifier, SIGKILL) }
        }
        try? FileManager.default.removeItem(at: root)
    }

    /// The messages delivered to `address`, as bytes, in the order they arrived.
    public func delivered(to address: String) -> [Data] {
        let new = root.appendingPathComponent(address.lowercased()).appendingPathComponent("new")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: new.path)) ?? []
        return names.sorted().compactMap { FileManager.default.contents(atPath: new.appendingPathComponent($0).path) }
    }

    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    /// Runs `script` with the python3 that has aiosmtpd, answering what it printed (to build a
    /// message the way another mail program would).
    public static func runPython(_ script: String) throws -> [UInt8] {
        guard let python else { throw Problem(description: "EARNED_TEST_MAIL_PYTHON is not set") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Problem(description: "python failed") }
        return Array(data)
    }

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Mail/mail_server.py")

    static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { throw Problem(description: "\(arguments.first ?? tool) failed") }
    }
}
