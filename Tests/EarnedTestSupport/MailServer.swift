import Foundation

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

    public init(user: String? = nil, password: String? = nil, tls: Bool = false) throws {
        guard let python = Self.python else { throw Problem(description: "EARNED_TEST_MAIL_PYTHON is not set") }
        root = FileManager.default.temporaryDirectory.appendingPathComponent("earned-mail-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        var arguments = ["-W", "ignore", Self.script.path, "--root", root.path]
        if let user, let password { arguments += ["--user", user, "--password", password] }
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
    }

    deinit {
        // SIGKILL: a child of the test runner may have SIGTERM blocked.
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
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
