import Foundation

/// An opaque keyset cursor: the sort key and id of the last row of a page.
struct Cursor: Sendable {
    var key: String
    var id: UUID

    init(key: String, id: UUID) {
        self.key = key
        self.id = id
    }

    init?(encoded: String) {
        var base64 = encoded.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64), let text = String(data: data, encoding: .utf8),
            let separator = text.lastIndex(of: "\u{1}"),
            let id = UUID(uuidString: String(text[text.index(after: separator)...]))
        else { return nil }
        self.key = String(text[..<separator])
        self.id = id
    }

    var encoded: String {
        Data((key + "\u{1}" + id.uuidString).utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
