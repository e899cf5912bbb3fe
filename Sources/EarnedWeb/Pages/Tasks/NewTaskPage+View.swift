import EarnedDomain
import Plot

extension NewTaskPage {
    var body: HTMLNode {
        let s = viewer.s
        let people = assignees
        return H.group([
            Layout.pageHead(s.newTask, subtitle: customer?.name),
            Forms.summary(errors, s),
            Forms.form(
                action: SiteURL.tasks.path, csrf: viewer.csrf, cls: "card stack",
                [
                    Forms.field("text", label: s.taskText, value: form.text, required: true, errors: errors, s: s),
                    Forms.field(
                        "due_at", label: s.due, value: form.due_at, type: "datetime-local", required: true,
                        errors: errors, s: s),
                    people.count > 1
                        ? Forms.select(
                            "assignee_id", label: s.taskFor, options: people.map { ($0.id.description, $0.name) },
                            selected: form.assignee_id ?? viewer.staff.id.description, errors: errors, s: s)
                        : Forms.hidden("assignee_id", viewer.staff.id.description),
                    customer == nil
                        ? Forms.field(
                            "customer_id", label: s.taskCustomer, value: form.customer_id, errors: errors, s: s)
                        : H.group([
                            Forms.hidden("customer_id", customer!.id.description),
                            Forms.errorText("customer_id", errors, s),
                        ]),
                    H.div("form-actions", [Forms.submit(s.save)]),
                ]),
        ])
    }
}
