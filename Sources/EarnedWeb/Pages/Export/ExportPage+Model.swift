import EarnedDomain
import EarnedServices

/// The export page: what to export, in which dialect, for which period and location; the form
/// is a GET, so its submit is the file's address.
struct ExportPage {
    var viewer: ViewerContext
    var params: ExportParams
    var errors: [FieldError]

    /// Excel's dialect for a Russian reader, commas otherwise.
    static func defaultDialect(_ lang: Lang) -> ExportDialect { lang == .ru ? .excel : .comma }
}
