import EarnedDomain
import EarnedServices
import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// What the SMTP and IMAP clients share: TLS that trusts the system's certificates (and the
/// configured extra ones), and what went wrong in words for the delivery log.
enum MailConnection {
    static func tlsContext(_ extraTrustRoots: String?) throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let extraTrustRoots { configuration.additionalTrustRoots = [.file(extraTrustRoots)] }
        return try NIOSSLContext(configuration: configuration)
    }

    static func isIPAddress(_ host: String) -> Bool {
        (try? SocketAddress(ipAddress: host, port: 0)) != nil
    }

    /// What went wrong, in words for the delivery log: no errno numbers or type names.
    static func describe(_ error: any Error, _ endpoint: MailEndpoint) -> String {
        let place = "\(endpoint.host):\(endpoint.port)"
        switch error {
        case let error as SMTPProtocolError: return error.description
        case let error as IMAPProtocolError: return error.description
        case ChannelError.connectTimeout: return "\(place) did not answer"
        case let error as NIOConnectionError:
            if error.dnsAAAAError != nil || error.dnsAError != nil, error.connectionErrors.isEmpty {
                return "\(endpoint.host) is not a known host name"
            }
            if error.connectionErrors.contains(where: { ($0.error as? IOError)?.errnoCode == ECONNREFUSED }) {
                return "\(place) refused the connection"
            }
            return "cannot connect to \(place)"
        case let error as IOError where error.errnoCode == ECONNREFUSED: return "\(place) refused the connection"
        case let error as IOError: return "cannot connect to \(place) (\(error.description))"
        case let error as NIOSSLError: return "TLS with \(endpoint.host) failed: \(error)"
        case let error as BoringSSLError: return "TLS with \(endpoint.host) failed: \(error)"
        case let error as NIOSSLExtraError: return "TLS with \(endpoint.host) failed: \(error)"
        default: return "the conversation with \(place) failed: \(error)"
        }
    }
}
