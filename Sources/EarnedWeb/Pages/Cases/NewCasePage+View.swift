import EarnedDomain
import Foundation
import Plot

extension NewCasePage {
    var body: HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.newCase, subtitle: customer?.name),
            Forms.summary(errors, s),
            Forms.form(
                action: SiteURL.cases.path, csrf: viewer.csrf, cls: "stack",
                [
                    customer == nil
                        ? Forms.field(
                            "customer_id", label: s.customerLabel, value: form.customer_id, required: true,
                            errors: errors,
                            s: s)
                        : Forms.hidden("customer_id", form.customer_id ?? ""),
                    Forms.field("title", label: s.caseTitle, value: form.title, required: true, errors: errors, s: s),
                    Forms.textarea("detail", label: s.caseDetail, value: form.detail, errors: errors, s: s),
                    Forms.select(
                        "source", label: s.caseSource,
                        options: ServiceCase.Source.allCases.map { ($0.rawValue, s.caseSourceName($0)) },
                        selected: form.source, errors: errors, s: s),
                    Forms.select(
                        "priority", label: s.priorityLabel,
                        options: Priority.allCases.map { ($0.rawValue, s.priorityName($0)) }, selected: form.priority,
                        errors: errors, s: s),
                    Forms.field("department", label: s.department, value: form.department, errors: errors, s: s),
                    Forms.checkbox(
                        "accepted_on_word", label: s.acceptedOnWord, checked: form.accepted_on_word == "true"),
                    Forms.submit(s.save),
                ]),
        ])
    }
}
