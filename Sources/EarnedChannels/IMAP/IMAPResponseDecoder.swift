import NIOCore

/// One response of an IMAP server (RFC 9051 §7): its line (several lines joined when literals
/// break it, each literal's place kept as `{n}`), and the literals' bytes in order.
struct IMAPResponse: Sendable, Hashable {
    var line: String
    var literals: [[UInt8]]

    /// `+ …`: the server waits for the rest of a command (a literal).
    var isContinuation: Bool { line.hasPrefix("+") }
    var isUntagged: Bool { line.hasPrefix("* ") }

    /// The words of a tagged completion: its tag and `OK`, `NO` or `BAD`.
    var tag: Substring? {
        guard !isContinuation, !isUntagged else { return nil }
        return line.split(separator: " ", maxSplits: 1).first
    }

    var status: String {
        let words = line.split(separator: " ", maxSplits: 2)
        let index = isUntagged || tag != nil ? 1 : 0
        return words.count > index ? words[index].uppercased() : ""
    }

    /// The number after `name` in the line (`UID 42`, `[UIDVALIDITY 7]`), if there is one.
    func number(after name: String) -> UInt64? {
        guard let range = line.range(of: name + " ") else { return nil }
        let digits = line[range.upperBound...].prefix { $0.isNumber }
        return UInt64(digits)
    }
}

/// Cuts the server's bytes into responses, reading each literal (`{n}` at a line's end, then
/// n bytes) whole; the end of the connection ends the stream, an error ends it with the error.
final class IMAPResponseDecoder: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    /// A line longer than this without its end is not IMAP.
    static let longestLine = 256 * 1024
    /// The largest literal read (a message over the size limit is never fetched whole).
    static let largestLiteral = 64 * 1024 * 1024

    private let responses: AsyncThrowingStream<IMAPResponse, any Error>.Continuation
    private var buffer = ByteBuffer()
    private var line = ""
    private var literals: [[UInt8]] = []
    private var literalLeft: Int?

    init(_ responses: AsyncThrowingStream<IMAPResponse, any Error>.Continuation) {
        self.responses = responses
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var incoming = unwrapInboundIn(data)
        buffer.writeBuffer(&incoming)
        while true {
            if let left = literalLeft {
                guard buffer.readableBytes >= left, let bytes = buffer.readBytes(length: left) else { break }
                literals.append(bytes)
                literalLeft = nil
                continue
            }
            guard let end = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) else {
                if buffer.readableBytes > Self.longestLine {
                    fail(context, IMAPProtocolError(description: "the server sent a line longer than IMAP allows"))
                }
                break
            }
            let length = end - buffer.readerIndex
            var text = buffer.readString(length: length) ?? ""
            buffer.moveReaderIndex(forwardBy: 1)
            if text.hasSuffix("\r") { text.removeLast() }
            line += text
            if let size = Self.literalSize(text) {
                guard size <= Self.largestLiteral else {
                    fail(context, IMAPProtocolError(description: "the server sent a message larger than Earned reads"))
                    return
                }
                literalLeft = size
                continue
            }
            responses.yield(IMAPResponse(line: line, literals: literals))
            line = ""
            literals = []
        }
        buffer.discardReadBytes()
    }

    /// The size of the literal a line announces at its end: `{123}` or `{123+}`.
    static func literalSize(_ line: String) -> Int? {
        guard line.hasSuffix("}"), let open = line.lastIndex(of: "{") else { return nil }
        var digits = line[line.index(after: open)..<line.index(before: line.endIndex)]
        if digits.hasSuffix("+") { digits = digits.dropLast() }
        guard !digits.isEmpty, digits.allSatisfy(\.isNumber) else { return nil }
        return Int(digits)
    }

    func channelInactive(context: ChannelHandlerContext) {
        responses.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        fail(context, error)
    }

    private func fail(_ context: ChannelHandlerContext, _ error: any Error) {
        responses.finish(throwing: error)
        context.close(promise: nil)
    }
}

struct IMAPProtocolError: Error, CustomStringConvertible {
    var description: String
}
