import EarnedDomain
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
        guard let bytes = Base64URL.decode(encoded), let text = String(validating: bytes, as: UTF8.self),
            let separator = text.lastIndex(of: "\u{1}"),
            let id = UUID(uuidString: String(text[text.index(after: separator)...]))
        else { return nil }
        self.key = String(text[..<separator])
        self.id = id
    }

    var encoded: String { Base64URL.encode(Array((key + "\u{1}" + id.uuidString).utf8)) }
}
