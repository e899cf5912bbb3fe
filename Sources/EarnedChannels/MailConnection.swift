import EarnedDomain
import EarnedServices
import Foundation
import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import NIOSSL

/// What the SMTP and IMAP clients share: TLS that trusts the system's certificates (and the
/// configured extra ones), and what went wrong in words for the delivery log.
enum MailConnection {
    /// An open connection to a mail server, closed by `close()` or when its time runs out.
    struct Open {
        let channel: any Channel
        /// Set when the deadline closed the connection.
        let timedOut: NIOLockedValueBox<Bool>
        let tls: NIOSSLContext
        /// The name TLS asks for (none for an IP address).
        let serverName: String?
        let deadline: Scheduled<Void>

        func close() {
            deadline.cancel()
            channel.close(promise: nil)
        }
    }

    /// Connects to `endpoint`, TLS from the first byte when it says so, with `decoder` reading
    /// the server's answers; the whole conversation has `timeout`.
    static func open<Decoder: ChannelInboundHandler>(
        _ endpoint: MailEndpoint, group: any EventLoopGroup, connectTimeout: TimeAmount, timeout: TimeAmount,
        extraTrustRoots: String?, decoder: @escaping @Sendable () -> Decoder
    ) async throws -> Open where Decoder.InboundIn == ByteBuffer {
        let tls = try tlsContext(extraTrustRoots)
        let serverName = isIPAddress(endpoint.host) ? nil : endpoint.host
        let implicitTLS = endpoint.security == .tls
        let bootstrap = ClientBootstrap(group: group).connectTimeout(connectTimeout).channelInitializer { channel in
            channel.eventLoop.makeCompletedFuture {
                if implicitTLS {
                    try channel.pipeline.syncOperations.addHandler(
                        NIOSSLClientHandler(context: tls, serverHostname: serverName))
                }
                try channel.pipeline.syncOperations.addHandler(decoder())
            }
        }
        let channel = try await bootstrap.connect(host: endpoint.host, port: endpoint.port).get()
        let timedOut = NIOLockedValueBox(false)
        let deadline = channel.eventLoop.scheduleTask(in: timeout) {
            timedOut.withLockedValue { $0 = true }
            channel.close(promise: nil)
        }
        return Open(channel: channel, timedOut: timedOut, tls: tls, serverName: serverName, deadline: deadline)
    }

    /// Turns a plain connection into TLS after the server agreed to `STARTTLS`.
    static func startTLS(_ connection: Open) async throws {
        let (channel, tls, name) = (connection.channel, connection.tls, connection.serverName)
        try await channel.eventLoop.submit {
            try channel.pipeline.syncOperations.addHandler(
                NIOSSLClientHandler(context: tls, serverHostname: name), position: .first)
        }.get()
    }

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
