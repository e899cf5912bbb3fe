import NIOCore

/// One reply of an SMTP server: its three-digit code and the text of each of its lines (RFC
/// 5321 §4.2: every line but the last has a hyphen after the code).
struct SMTPReply: Sendable, Hashable {
    var code: Int
    var lines: [String]

    /// The reply as a person reads it in a log: `550 5.1.1 No such user`.
    var text: String { "\(code) " + lines.joined(separator: " ").trimmingCharacters(in: .whitespaces) }

    var isPositive: Bool { (200..<400).contains(code) }
    /// A 5xx: the server will not accept this, however often it is asked.
    var isPermanent: Bool { code >= 500 }
}

/// A reply line that is not SMTP, or one longer than any server writes.
struct SMTPProtocolError: Error, CustomStringConvertible {
    var description: String
}

/// Cuts the server's bytes into replies and hands each to the conversation's stream; the end
/// of the connection ends the stream, an error ends it with the error.
final class SMTPReplyDecoder: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    /// RFC 5321 allows 512 bytes a reply line; a server that sends far more is not one.
    static let longestLine = 16 * 1024

    private let replies: AsyncThrowingStream<SMTPReply, any Error>.Continuation
    private var bytes: [UInt8] = []
    private var lines: [String] = []

    init(_ replies: AsyncThrowingStream<SMTPReply, any Error>.Continuation) {
        self.replies = replies
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        bytes += buffer.readBytes(length: buffer.readableBytes) ?? []
        while let end = bytes.firstIndex(of: UInt8(ascii: "\n")) {
            var line = Array(bytes[..<end])
            bytes.removeSubrange(...end)
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            let text = String(decoding: line, as: UTF8.self)
            guard text.utf8.count >= 3, let code = Int(text.prefix(3)), (200..<600).contains(code) else {
                fail(context, SMTPProtocolError(description: "the server answered something that is not SMTP"))
                return
            }
            let rest = text.dropFirst(3)
            lines.append(String(rest.dropFirst()))
            if rest.first == "-" { continue }
            replies.yield(SMTPReply(code: code, lines: lines))
            lines = []
        }
        if bytes.count > Self.longestLine {
            fail(context, SMTPProtocolError(description: "the server sent a line longer than SMTP allows"))
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        replies.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(context, error)
    }

    private func fail(_ context: ChannelHandlerContext, _ error: any Error) {
        replies.finish(throwing: error)
        context.close(promise: nil)
    }
}
