import EarnedDomain
import Plot

/// Form pieces: every form carries the CSRF token; every input has a label and shows its error.
enum Forms {
    static func form(
        action: String, csrf: String?, method: String = "post", cls: String? = nil, multipart: Bool = false,
        _ children: [HTMLNode]
    ) -> HTMLNode {
        H.el(
            "form",
            [
                ("action", action), ("method", method), ("class", cls),
                ("enctype", multipart ? "multipart/form-data" : nil),
            ],
            [csrf.map { H.void("input", [("type", "hidden"), ("name", "_csrf"), ("value", $0)]) } ?? H.empty] + children
        )
    }

    static func errorText(_ field: String, _ errors: [FieldError], _ s: Strings) -> HTMLNode {
        let messages = errors.filter { $0.field == field || $0.field.hasPrefix(field + ".") }.map(s.fieldError)
        guard !messages.isEmpty else { return H.empty }
        return H.el(
            "p", [("class", "field-error"), ("id", "\(field)-error")], [H.text(messages.joined(separator: " "))])
    }

    static func hasError(_ field: String, _ errors: [FieldError]) -> Bool {
        errors.contains { $0.field == field || $0.field.hasPrefix(field + ".") }
    }

    static func field(
        _ name: String, label: String, value: String?, type: String = "text", hint: String? = nil,
        required: Bool = false, errors: [FieldError], s: Strings, attributes: [(String, String?)] = [],
        id: String? = nil
    ) -> HTMLNode {
        let invalid = hasError(name, errors)
        let id = id ?? name
        return H.div(
            "field" + (invalid ? " invalid" : ""),
            [
                H.el("label", [("for", id)], [H.text(label)]),
                hint.map { H.p("hint", $0) } ?? H.empty,
                H.void(
                    "input",
                    [
                        ("type", type), ("id", id), ("name", name), ("value", value ?? ""),
                        ("required", required ? "" : nil),
                        ("aria-invalid", invalid ? "true" : nil), ("aria-describedby", invalid ? "\(name)-error" : nil),
                    ] + attributes),
                errorText(name, errors, s),
            ])
    }

    static func textarea(
        _ name: String, label: String, value: String?, hint: String? = nil, rows: Int = 3, errors: [FieldError],
        s: Strings
    ) -> HTMLNode {
        let invalid = hasError(name, errors)
        return H.div(
            "field" + (invalid ? " invalid" : ""),
            [
                H.el("label", [("for", name)], [H.text(label)]),
                hint.map { H.p("hint", $0) } ?? H.empty,
                H.el(
                    "textarea",
                    [("id", name), ("name", name), ("rows", "\(rows)"), ("aria-invalid", invalid ? "true" : nil)],
                    [H.text(value ?? "")]),
                errorText(name, errors, s),
            ])
    }

    static func select(
        _ name: String, label: String, options: [(value: String, label: String)], selected: String?,
        errors: [FieldError], s: Strings, includeBlank: String? = nil, id: String? = nil
    ) -> HTMLNode {
        let invalid = hasError(name, errors)
        let id = id ?? name
        var all = options
        if let includeBlank { all.insert(("", includeBlank), at: 0) }
        return H.div(
            "field" + (invalid ? " invalid" : ""),
            [
                H.el("label", [("for", id)], [H.text(label)]),
                H.el(
                    "select", [("id", id), ("name", name), ("aria-invalid", invalid ? "true" : nil)],
                    all.map { option in
                        H.el(
                            "option",
                            [("value", option.value), ("selected", option.value == (selected ?? "") ? "" : nil)],
                            [H.text(option.label)])
                    }),
                errorText(name, errors, s),
            ])
    }

    static func checkbox(
        _ name: String, label: String, checked: Bool, value: String = "true", id: String? = nil
    ) -> HTMLNode {
        let id = id ?? name
        return H.div(
            "check",
            [
                H.void(
                    "input",
                    [
                        ("type", "checkbox"), ("id", id), ("name", name), ("value", value),
                        ("checked", checked ? "" : nil),
                    ]),
                H.el("label", [("for", id)], [H.text(label)]),
            ])
    }

    /// A hidden input that carries a value with the form.
    static func hidden(_ name: String, _ value: String) -> HTMLNode {
        H.void("input", [("type", "hidden"), ("name", name), ("value", value)])
    }

    static func submit(_ label: String, cls: String = "button primary") -> HTMLNode {
        H.el("button", [("type", "submit"), ("class", cls)], [H.text(label)])
    }

    static func summary(_ errors: [FieldError], _ s: Strings) -> HTMLNode {
        guard !errors.isEmpty else { return H.empty }
        return H.el("div", [("class", "alert error"), ("role", "alert")], [H.text(s.formHasErrors)])
    }

    /// The "all locations / one location" filter of the lists; nothing when there is one location.
    static func locationFilter(_ viewer: ViewerContext, selected: LocationID?) -> HTMLNode {
        guard viewer.locations.count > 1 else { return H.empty }
        let s = viewer.s
        return H.div(
            "field",
            [
                H.el("label", [("for", "location"), ("class", "sr-only")], [H.text(s.location)]),
                H.el(
                    "select", [("id", "location"), ("name", "location")],
                    [H.el("option", [("value", "")], [H.text(s.allLocations)])]
                        + viewer.locations.map { loc in
                            H.el(
                                "option", [("value", loc.id.description), ("selected", loc.id == selected ? "" : nil)],
                                [H.text(loc.name)])
                        }),
            ])
    }
}
