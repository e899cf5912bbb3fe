import EarnedDomain
import EarnedStore
import Foundation
import Plot

extension NewPromisePage {
    var body: HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.newPromise, subtitle: customer?.name),
            Forms.summary(errors, s),
            Forms.form(
                action: SiteURL.promises(filter: nil).path, csrf: viewer.csrf, cls: "stack",
                [
                    customer == nil
                        ? Forms.field(
                            "customer_id", label: s.customerLabel, value: form.customer_id, required: true,
                            errors: errors,
                            s: s)
                        : H.void("input", [("type", "hidden"), ("name", "customer_id"), ("value", form.customer_id)]),
                    Forms.errorText("customer_id", customer == nil ? [] : errors, s),
                    Forms.select(
                        "kind", label: s.promiseKindLabel,
                        options: Promise.Kind.allCases.map { ($0.rawValue, s.promiseKind($0)) }, selected: form.kind,
                        errors: errors, s: s),
                    Forms.field("text", label: s.promiseText, value: form.text, required: true, errors: errors, s: s),
                    Forms.field(
                        "due_at", label: s.dueAtLabel, value: form.due_at, type: "datetime-local", required: true,
                        errors: errors, s: s),
                    Forms.select(
                        "owner_id", label: s.ownerLabel,
                        options: staff.filter(\.isActive).map { ($0.id.description, $0.name) },
                        selected: form.owner_id ?? viewer.staff.id.description, errors: errors, s: s),
                    Forms.submit(s.save),
                ]),
        ])
    }
}
