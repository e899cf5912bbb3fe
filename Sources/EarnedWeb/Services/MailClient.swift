import EarnedChannels
import EarnedServices
import Foundation
import Vapor

extension Application {
    private struct MailTransportKey: StorageKey {
        typealias Value = any MailTransport
    }

    /// How e-mail leaves: the SMTP client on the application's event loops, trusting the
    /// configured extra certificates. Tests may put another transport here.
    var mailTransport: any MailTransport {
        get {
            storage[MailTransportKey.self]
                ?? SMTPClient(
                    group: eventLoopGroup, heloName: URL(string: earned.config.publicBase)?.host ?? "localhost",
                    extraTrustRoots: earned.config.mailTrustRoots)
        }
        set { storage[MailTransportKey.self] = newValue }
    }

}
