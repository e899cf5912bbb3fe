import Foundation
import Vapor

/// A JSON object the API writes: every field is present (an absent value is `null`, not left
/// out), and ids are lower-case UUIDs.
///
/// The API's shapes live one to a file in `API/DTOs/`, in snake_case. Inputs have every field
/// optional: on create the domain reports what is missing; on PATCH a missing field keeps its
/// value.
protocol APIObject: Content {}

extension APIObject {
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: APIKey.self)
        for child in Mirror(reflecting: self).children {
            guard let label = child.label else { continue }
            let key = APIKey(label)
            switch child.value {
            case let id as UUID: try container.encode(id.uuidString.lowercased(), forKey: key)
            case let id as UUID?: try container.encode(id?.uuidString.lowercased(), forKey: key)
            case let ids as [UUID]: try container.encode(ids.map { $0.uuidString.lowercased() }, forKey: key)
            case let value as any Encodable: try container.encode(value, forKey: key)
            default: continue
            }
        }
    }
}

struct APIKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }

    init(_ string: String) { stringValue = string }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
