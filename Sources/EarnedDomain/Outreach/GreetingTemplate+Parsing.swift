import Foundation

extension GreetingTemplate {
    enum Piece: Hashable {
        case text(String)
        case field(Field)
    }

    enum Problem: Hashable {
        /// A "{" without its "}" (or with another "{" first), or a "}" without its "{"; the
        /// 1-based character position of the brace.
        case unmatchedBrace(Character, position: Int)
        case unknownField(String)
    }

    /// Splits a template's text into literal text and fields. A brace that does not pair up, or
    /// a name that is not a field, stays in the text as written and is reported.
    static func parse(_ text: String) -> (pieces: [Piece], problems: [Problem]) {
        var pieces: [Piece] = []
        var problems: [Problem] = []
        var literal = ""
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "}" {
                problems.append(.unmatchedBrace("}", position: index + 1))
                literal.append(character)
                index += 1
                continue
            }
            guard character == "{" else {
                literal.append(character)
                index += 1
                continue
            }
            let close = characters[(index + 1)...].firstIndex { $0 == "{" || $0 == "}" }
            guard let close, characters[close] == "}" else {
                problems.append(.unmatchedBrace("{", position: index + 1))
                literal.append(character)
                index += 1
                continue
            }
            let name = String(characters[(index + 1)..<close]).trimmingCharacters(in: .whitespaces)
            if let field = Field(rawValue: name) {
                if !literal.isEmpty { pieces.append(.text(literal)) }
                literal = ""
                pieces.append(.field(field))
            } else {
                problems.append(.unknownField(name))
                literal += String(characters[index...close])
            }
            index = close + 1
        }
        if !literal.isEmpty { pieces.append(.text(literal)) }
        return (pieces, problems)
    }

    /// The field errors of a template text (reported on the field "text"), naming each bad
    /// field or brace; `occasion`, when known, also refuses fields it has no value for.
    public static func problems(in text: String, occasion: GreetingOccasion.Kind?) -> [FieldError] {
        let parsed = parse(text)
        let allowed = Field.allCases.map { "{\($0.rawValue)}" }.joined(separator: ", ")
        var errors: [FieldError] = parsed.problems.map { problem in
            switch problem {
            case .unknownField(let name):
                FieldError(field: "text", code: .invalidChoice, detail: "{\(name)} is not a field; use \(allowed)")
            case .unmatchedBrace(let brace, let position):
                FieldError(
                    field: "text", code: .invalidFormat,
                    detail: "braces in pairs around a field name such as {first_name}; "
                        + "\"\(brace)\" at character \(position) has no partner")
            }
        }
        if let occasion {
            var reported = Set<Field>()
            for case .field(let field) in parsed.pieces {
                guard let only = field.onlyFor, !only.contains(occasion), reported.insert(field).inserted else {
                    continue
                }
                errors.append(
                    FieldError(
                        field: "text", code: .inconsistent,
                        detail: "{\(field.rawValue)} is only filled in "
                            + only.map(\.rawValue).joined(separator: ", ") + " greetings"))
            }
        }
        return errors
    }
}
