import EarnedDomain
import EarnedFormats
import EarnedStore
import Foundation

/// The import's preview: the encoding, separator and columns the reader found (each
/// recognised, chosen or ignored), the first rows as they would be stored, the sellers and
/// stores that match nobody with a choice for each, the zones times were read in, every
/// problem with its line and column, and the counts. Nothing is written until "Import".
struct ImportPreviewPage {
    var viewer: ViewerContext
    var upload: ImportUpload
    var report: ImportReport
    var choices: ImportChoices

    /// The people an unknown seller may be mapped to.
    var staff: [Staff]

    var error: String?
}
