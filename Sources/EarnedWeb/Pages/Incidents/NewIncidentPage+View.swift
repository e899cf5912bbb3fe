import EarnedAnalytics
import EarnedDomain
import EarnedStore
import Foundation
import Plot

extension NewIncidentPage {
    var body: HTMLNode {
        let s = viewer.s
        return H.group([
            Layout.pageHead(s.newIncident, subtitle: s.incidentsHint),
            Forms.summary(errors, s),
            Forms.form(
                action: SiteURL.incidents.path, csrf: viewer.csrf, cls: "stack",
                [
                    Forms.field(
                        "title", label: s.whatHappened, value: form.title, required: true, errors: errors, s: s),
                    Forms.textarea("detail", label: s.caseDetail, value: form.detail, errors: errors, s: s),
                    Forms.textarea(
                        "message", label: s.incidentMessage, value: form.message, hint: s.incidentMessageHint,
                        errors: errors, s: s),
                    Forms.field(
                        "found_at", label: s.foundAt, value: form.found_at, type: "datetime-local", errors: errors,
                        s: s),
                    Forms.select(
                        "scope", label: s.whoIsAffected,
                        options: [
                            ("product", s.scopeProduct), ("dates", s.scopeDates), ("location", s.scopeLocation),
                            ("customers", s.scopeCustomers),
                        ], selected: form.scope ?? "product", errors: errors, s: s),
                    Forms.field("text", label: s.productText, value: form.text, errors: errors, s: s),
                    Forms.field("from", label: s.dateFrom, value: form.from, type: "date", errors: errors, s: s),
                    Forms.field("to", label: s.dateTo, value: form.to, type: "date", errors: errors, s: s),
                    Forms.select(
                        "location_id", label: s.location, options: viewer.locationOptions,
                        selected: form.location_id ?? viewer.staff.homeLocationID?.description, errors: errors, s: s),
                    Forms.textarea("customers", label: s.customerList, value: form.customers, errors: errors, s: s),
                    Forms.submit(s.newIncident),
                ]),
        ])
    }
}
