import EarnedDomain
import EarnedFormats

extension ImportDonePage {
    var body: HTMLNode {
        let s = viewer.s
        let summary = s.importDone(
            created: report.created, updated: report.updated, unchanged: report.unchanged, skipped: report.skipped)
        return H.group([
            Layout.pageHead(s.importTitle),
            H.el("div", [("class", "alert success"), ("role", "status")], [H.text(summary)]),
            report.staffCreated > 0 ? H.p(nil, s.staffCreated(report.staffCreated)) : H.empty,
            report.duplicateSuggestions > 0
                ? H.el(
                    "p", [],
                    [
                        H.text(s.duplicatesToReview(report.duplicateSuggestions) + " "),
                        H.a(SiteURL.customerDuplicates().path, s.reviewDuplicates),
                    ]) : H.empty,
            ImportPage.problems(report, s),
            H.el("p", [], [H.a(SiteURL.importData.path, s.importTitle, cls: "button")]),
        ])
    }
}
