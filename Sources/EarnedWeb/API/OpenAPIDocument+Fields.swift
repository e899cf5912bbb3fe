import Foundation

/// What the document says a request field accepts, so a refused value is described in the
/// document's words (its choices, "a whole number", "a UUID") rather than a decoder's.
extension OpenAPIDocument {
    /// The request body schema of the field at `path` (`scope.customer_ids.0`) for an
    /// operation, following `$ref`s and array items.
    static func requestField(method: String, routePath: String, field path: [String]) -> [String: Any]? {
        guard let op = allOperations.first(where: { $0.method == method && $0.path == routePath }),
            let request = op.request,
            var schema = schemas[request]
        else { return nil }
        for key in path {
            schema = resolved(schema)
            if let items = schema["items"] as? [String: Any], Int(key) != nil {
                schema = items
            } else if let properties = schema["properties"] as? [String: [String: Any]], let next = properties[key] {
                schema = next
            } else {
                return nil
            }
        }
        return resolved(schema)
    }

    static func resolved(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String, let name = ref.split(separator: "/").last,
            let target = schemas[String(name)]
        else { return schema }
        return target
    }

    /// A refused value's field error in the document's words.
    static func refusal(schema: [String: Any]?) -> FieldErrorWording {
        guard let schema else { return FieldErrorWording(choices: nil, expected: nil) }
        if let values = schema["enum"] as? [Any] {
            return FieldErrorWording(choices: values.compactMap { $0 as? String }, expected: nil)
        }
        let types = (schema["type"] as? [String]) ?? [(schema["type"] as? String) ?? ""]
        let format = schema["format"] as? String
        let expected: String? =
            switch (types.first ?? "", format) {
            case ("integer", _): "a whole number"
            case ("number", _): "a number"
            case ("boolean", _): "true or false"
            case ("array", _): "an array"
            case ("object", _): "an object"
            case ("string", "uuid"): "a UUID"
            case ("string", "date-time"): "an ISO 8601 date-time such as 2026-11-23T14:05:00Z"
            case ("string", _): "a string"
            default: nil
            }
        return FieldErrorWording(choices: nil, expected: expected)
    }

    struct FieldErrorWording {
        var choices: [String]?
        var expected: String?
    }
}

extension OpenAPIDocument {
    /// The paths of numbers in a parsed body that the document says are whole numbers but are
    /// not (10.5), or do not fit in 64 bits. Foundation's decoder reports those as "not valid
    /// JSON" without naming the field.
    static func misfitNumbers(in value: Any, method: String, routePath: String) -> [String] {
        var found: [String] = []
        func walk(_ value: Any, _ path: [String]) {
            switch value {
            case let object as [String: Any]:
                for (key, item) in object.sorted(by: { $0.key < $1.key }) { walk(item, path + [key]) }
            case let array as [Any]:
                for (index, item) in array.enumerated() { walk(item, path + [String(index)]) }
            case let number as NSNumber:
                let schema = requestField(method: method, routePath: routePath, field: path)
                let types = (schema?["type"] as? [String]) ?? [(schema?["type"] as? String) ?? ""]
                guard types.contains("integer") else { return }
                let double = number.doubleValue
                if double.rounded() != double || abs(double) >= 9.2e18 { found.append(path.joined(separator: ".")) }
            default:
                break
            }
        }
        walk(value, [])
        return found
    }
}
