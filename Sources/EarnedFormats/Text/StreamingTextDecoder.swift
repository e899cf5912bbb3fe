import Foundation

/// Decodes a byte stream chunk by chunk into UTF-8, detecting the encoding as in ``TextDecoding``.
///
/// The encoding is decided as soon as the input allows: a byte-order mark, the NUL pattern of
/// UTF-16, or the first non-ASCII bytes: once ``decisionWindow`` bytes from the first non-ASCII
/// one have arrived (or the input ends), UTF-8 when they read as UTF-8 (``looksLikeUTF8(_:)``:
/// valid, or with rare stray bytes), Windows-1251 otherwise. Until then ASCII passes straight
/// through, since it is the same in UTF-8 and Windows-1251. Once UTF-8 is chosen, bytes pass
/// through unchanged: the tokenizer reports invalid sequences as a problem of their record
/// (``CSVTextProblem/invalidUTF8``), and they become U+FFFD in the record's strings.
struct StreamingTextDecoder {
    /// The detected or forced encoding; `nil` while the input has been pure ASCII.
    private(set) var encoding: TextDecoding.Encoding?
    /// Whether a byte-order mark was found (and dropped).
    private(set) var hadByteOrderMark = false

    private var checkedStart = false
    /// Bytes held back until more input arrives: the first bytes (for a byte-order mark), an
    /// undecided non-ASCII run, or the odd byte of a UTF-16 code unit.
    private var pending: [UInt8] = []
    /// A UTF-16 high surrogate waiting for its low half.
    private var highSurrogate: UInt16?

    /// How many bytes from the first non-ASCII one must be seen (unless the input ends first)
    /// before UTF-8 is chosen over Windows-1251.
    static let decisionWindow = 4096

    init(encoding: TextDecoding.Encoding? = nil) {
        self.encoding = encoding
    }

    /// Decodes `chunk`, appending UTF-8 to `output`; some bytes may be held back for the next call.
    mutating func decode(_ chunk: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        if pending.isEmpty {
            process(chunk, isFinal: false, into: &output)
        } else {
            var combined = pending
            pending = []
            combined.append(contentsOf: chunk)
            combined.withUnsafeBufferPointer { process($0, isFinal: false, into: &output) }
        }
    }

    /// Decodes whatever was held back; call once after the last chunk.
    mutating func finish(into output: inout [UInt8]) {
        let rest = pending
        pending = []
        rest.withUnsafeBufferPointer { process($0, isFinal: true, into: &output) }
        if highSurrogate != nil {
            highSurrogate = nil
            Self.appendScalar(0xFFFD, to: &output)
        }
    }

    private mutating func process(
        _ input: UnsafeBufferPointer<UInt8>,
        isFinal: Bool,
        into output: inout [UInt8]
    ) {
        var start = 0
        if !checkedStart {
            if input.count < 4 && !isFinal {
                pending.append(contentsOf: input)
                return
            }
            checkedStart = true
            start = detectStart(input)
        }
        guard start < input.count else { return }
        let rest = UnsafeBufferPointer(rebasing: input[start...])
        switch encoding {
        case nil:
            processUndecided(rest, isFinal: isFinal, into: &output)
        case .utf8:
            output.append(contentsOf: rest)
        case .windows1251:
            Self.transcodeWindows1251(rest, into: &output)
        case .utf16LittleEndian:
            transcodeUTF16(rest, bigEndian: false, isFinal: isFinal, into: &output)
        case .utf16BigEndian:
            transcodeUTF16(rest, bigEndian: true, isFinal: isFinal, into: &output)
        }
    }

    /// Looks for a byte-order mark or unmarked UTF-16; returns how many bytes to skip.
    private mutating func detectStart(_ input: UnsafeBufferPointer<UInt8>) -> Int {
        let marks: [(TextDecoding.Encoding, [UInt8])] = [
            (.utf8, [0xEF, 0xBB, 0xBF]),
            (.utf16LittleEndian, [0xFF, 0xFE]),
            (.utf16BigEndian, [0xFE, 0xFF]),
        ]
        for (candidate, mark) in marks where input.starts(with: mark) {
            if encoding == nil || encoding == candidate {
                encoding = candidate
                hadByteOrderMark = true
                return mark.count
            }
        }
        if encoding == nil {
            encoding = Self.unmarkedUTF16(input)
        }
        return 0
    }

    /// UTF-8 and Windows-1251 text never holds NUL bytes; UTF-16 text in the ASCII range has one
    /// in every code unit, always on the same side.
    private static func unmarkedUTF16(_ input: UnsafeBufferPointer<UInt8>) -> TextDecoding.Encoding? {
        let count = min(input.count, 1024) & ~1
        guard count >= 4 else { return nil }
        var evenZeros = 0
        var oddZeros = 0
        for index in stride(from: 0, to: count, by: 2) {
            if input[index] == 0 { evenZeros += 1 }
            if input[index + 1] == 0 { oddZeros += 1 }
        }
        // Two at least: a lone NUL in a short UTF-8 file is a problem of its line, not UTF-16.
        let threshold = max(2, count / 32)
        if evenZeros == 0 && oddZeros >= threshold { return .utf16LittleEndian }
        if oddZeros == 0 && evenZeros >= threshold { return .utf16BigEndian }
        return nil
    }

    private mutating func processUndecided(
        _ input: UnsafeBufferPointer<UInt8>,
        isFinal: Bool,
        into output: inout [UInt8]
    ) {
        guard let firstNonASCII = Self.firstNonASCII(in: input) else {
            output.append(contentsOf: input)
            return
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: input[..<firstNonASCII]))
        let rest = UnsafeBufferPointer(rebasing: input[firstNonASCII...])
        if !isFinal && rest.count < Self.decisionWindow {
            // Too little to tell yet: a few Windows-1251 letters can happen to form valid UTF-8,
            // and a UTF-8 file can hold a stray byte.
            pending.append(contentsOf: rest)
            return
        }
        if Self.looksLikeUTF8(rest) {
            encoding = .utf8
            output.append(contentsOf: rest)
        } else {
            encoding = .windows1251
            Self.transcodeWindows1251(rest, into: &output)
        }
    }

    /// Whether text from its first non-ASCII byte on reads as UTF-8: valid (a sequence cut at
    /// the end counts once at least one complete one came before), or with invalid bytes so
    /// rare among valid multi-byte characters (at most one in ``strayByteRatio``) that they
    /// are stray bytes of a UTF-8 file, which the reader reports line by line. Windows-1251
    /// Cyrillic is the other way round: a letter is almost never followed by a byte that
    /// continues a UTF-8 sequence, so nearly every non-ASCII byte of it is invalid UTF-8.
    static func looksLikeUTF8(_ input: UnsafeBufferPointer<UInt8>) -> Bool {
        switch validateUTF8(input) {
        case .valid: return true
        case .truncated(let completeSequences): return completeSequences > 0
        case .invalid:
            let census = utf8Census(input)
            return census.multiByte >= strayByteRatio * census.invalid
        }
    }

    /// How many valid multi-byte characters each invalid byte needs around it for the text to
    /// still read as UTF-8.
    static let strayByteRatio = 4

    /// Counts valid multi-byte sequences and invalid bytes (a sequence cut at the very end is
    /// neither).
    static func utf8Census(_ input: UnsafeBufferPointer<UInt8>) -> (multiByte: Int, invalid: Int) {
        var index = 0
        var multiByte = 0
        var invalid = 0
        while index < input.count {
            if input[index] < 0x80 {
                index += 1
                continue
            }
            let length = utf8SequenceLength(input.baseAddress! + index, available: input.count - index)
            if length > 0 {
                multiByte += 1
                index += length
            } else {
                if length == 0 { invalid += 1 }
                index += 1
            }
        }
        return (multiByte, invalid)
    }

    /// A lead byte of a multi-byte UTF-8 sequence: the sequence's length and the range its second
    /// byte must lie in (RFC 3629: no overlongs, no surrogates, nothing above U+10FFFF); nil for
    /// a byte that cannot lead one.
    static func utf8Lead(_ lead: UInt8) -> (length: Int, low: UInt8, high: UInt8)? {
        switch lead {
        case 0xC2...0xDF: (2, 0x80, 0xBF)
        case 0xE0: (3, 0xA0, 0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (3, 0x80, 0xBF)
        case 0xED: (3, 0x80, 0x9F)
        case 0xF0: (4, 0x90, 0xBF)
        case 0xF1...0xF3: (4, 0x80, 0xBF)
        case 0xF4: (4, 0x80, 0x8F)
        default: nil
        }
    }

    /// The length of the UTF-8 sequence at `pointer` (RFC 3629: no overlongs, no surrogates,
    /// nothing above U+10FFFF); 0 when it is invalid, -1 when it is valid so far but cut short
    /// by `available`.
    static func utf8SequenceLength(_ pointer: UnsafePointer<UInt8>, available: Int) -> Int {
        if pointer[0] < 0x80 { return 1 }
        guard let (length, low, high) = utf8Lead(pointer[0]) else { return 0 }
        for offset in 1..<length {
            guard offset < available else { return -1 }
            let range = offset == 1 ? low...high : 0x80...0xBF
            guard range.contains(pointer[offset]) else { return 0 }
        }
        return length
    }

    private static func firstNonASCII(in input: UnsafeBufferPointer<UInt8>) -> Int? {
        var index = 0
        if let base = input.baseAddress {
            let raw = UnsafeRawPointer(base)
            while index + 8 <= input.count {
                if raw.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 {
                    break
                }
                index += 8
            }
        }
        while index < input.count {
            if input[index] >= 0x80 { return index }
            index += 1
        }
        return nil
    }

    enum UTF8Validation: Equatable {
        case valid
        case invalid
        /// Valid up to an incomplete sequence at the end, after this many complete multi-byte ones.
        case truncated(completeSequences: Int)
    }

    /// Validates UTF-8 per RFC 3629 (no overlongs, no surrogates, nothing above U+10FFFF).
    static func validateUTF8(_ input: UnsafeBufferPointer<UInt8>) -> UTF8Validation {
        var index = 0
        var multiByte = 0
        let count = input.count
        while index < count {
            let lead = input[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            guard let (length, low, high) = utf8Lead(lead) else { return .invalid }
            for offset in 1..<length {
                guard index + offset < count else { return .truncated(completeSequences: multiByte) }
                let byte = input[index + offset]
                let range = offset == 1 ? low...high : 0x80...0xBF
                guard range.contains(byte) else { return .invalid }
            }
            index += length
            multiByte += 1
        }
        return .valid
    }

    private static func transcodeWindows1251(_ input: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.reserveCapacity(output.count + input.count * 2)
        let table = TextDecoding.windows1251UTF8
        for byte in input {
            if byte < 0x80 {
                output.append(byte)
            } else {
                let encoded = table[Int(byte &- 0x80)]
                output.append(encoded.0)
                output.append(encoded.1)
                if encoded.3 == 3 { output.append(encoded.2) }
            }
        }
    }

    private mutating func transcodeUTF16(
        _ input: UnsafeBufferPointer<UInt8>,
        bigEndian: Bool,
        isFinal: Bool,
        into output: inout [UInt8]
    ) {
        output.reserveCapacity(output.count + input.count)
        var index = 0
        while index + 1 < input.count {
            let first = UInt16(input[index])
            let second = UInt16(input[index + 1])
            let unit = bigEndian ? first << 8 | second : second << 8 | first
            index += 2
            if let high = highSurrogate {
                highSurrogate = nil
                if (0xDC00...0xDFFF).contains(unit) {
                    let scalar = 0x10000 + (UInt32(high - 0xD800) << 10) + UInt32(unit - 0xDC00)
                    Self.appendScalar(scalar, to: &output)
                    continue
                }
                Self.appendScalar(0xFFFD, to: &output)
            }
            switch unit {
            case 0xD800...0xDBFF: highSurrogate = unit
            case 0xDC00...0xDFFF: Self.appendScalar(0xFFFD, to: &output)
            default: Self.appendScalar(UInt32(unit), to: &output)
            }
        }
        if index < input.count {
            if isFinal {
                Self.appendScalar(0xFFFD, to: &output)
            } else {
                pending.append(input[index])
            }
        }
    }

    @inline(__always)
    private static func appendScalar(_ scalar: UInt32, to output: inout [UInt8]) {
        switch scalar {
        case ..<0x80:
            output.append(UInt8(scalar))
        case ..<0x800:
            output.append(UInt8(0xC0 | scalar >> 6))
            output.append(UInt8(0x80 | scalar & 0x3F))
        case ..<0x10000:
            output.append(UInt8(0xE0 | scalar >> 12))
            output.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        default:
            output.append(UInt8(0xF0 | scalar >> 18))
            output.append(UInt8(0x80 | (scalar >> 12) & 0x3F))
            output.append(UInt8(0x80 | (scalar >> 6) & 0x3F))
            output.append(UInt8(0x80 | scalar & 0x3F))
        }
    }
}
