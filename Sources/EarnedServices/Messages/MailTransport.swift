import EarnedDomain
import Foundation

/// Where and how Earned reaches one of the shop's mail servers (SMTP submission, IMAP): the
/// password in the clear, opened from its sealed copy for one conversation only.
public struct MailEndpoint: Sendable, Hashable {
    public var host: String
    public var port: Int
    public var security: MailSecurity
    public var username: String?
    public var password: String?

    public init(host: String, port: Int, security: MailSecurity, username: String? = nil, password: String? = nil) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
    }
}

/// Why a message did not leave: `refused` is the server's final answer (5xx, or a failed
/// sign-in) and is not tried again; `deferred` (4xx, no connection, a timeout, a TLS problem)
/// is tried again later.
public enum MailTransportError: Error, Sendable, Hashable, CustomStringConvertible {
    case refused(String)
    case deferred(String)

    public var description: String {
        switch self {
        case .refused(let reason), .deferred(let reason): reason
        }
    }

    public var isPermanent: Bool {
        if case .refused = self { return true }
        return false
    }
}

/// How a message leaves Earned by e-mail: one SMTP conversation that hands `message` (its bytes,
/// lines ending in CRLF) from `sender` to `recipient`, answering the server's final reply. The
/// web layer passes its client; tests pass a real server on loopback.
public protocol MailTransport: Sendable {
    func send(_ message: String, from sender: String, to recipient: String, via endpoint: MailEndpoint)
        async throws(MailTransportError) -> String

    /// Connects, signs in and quits without sending: the settings page's connection test.
    func check(_ endpoint: MailEndpoint) async throws(MailTransportError)
}

extension MailEndpoint {
    /// The outgoing server of `scope` with its password opened; nil when a stored password will
    /// not open with this key.
    package static func outgoing(_ server: OutgoingMailServer, scope: LocationID?, secrets: SecretBox?) -> MailEndpoint?
    {
        var password: String? = nil
        if let sealed = server.sealedPassword {
            guard let open = secrets?.openText(sealed, context: OutgoingMailServer.sealContext(location: scope))
            else { return nil }
            password = open
        }
        return MailEndpoint(
            host: server.host, port: server.port, security: server.security, username: server.username,
            password: password)
    }

    /// The mailbox of `scope` with its password opened; nil when it will not open.
    package static func incoming(_ server: IncomingMailServer, scope: LocationID?, secrets: SecretBox?) -> MailEndpoint?
    {
        guard
            let password = server.sealedPassword.flatMap({
                secrets?.openText($0, context: IncomingMailServer.sealContext(location: scope))
            })
        else { return nil }
        return MailEndpoint(
            host: server.host, port: server.port, security: server.security, username: server.username,
            password: password)
    }
}
